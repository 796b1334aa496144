"""Reading social security cards through PC/SC: transport, APDUs, the card session, events."""
