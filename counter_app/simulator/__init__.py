"""Simulated social security cards, for training mode and tests.

sscard.py answers APDUs as the chip design note (sscard-chip.md) describes, built from a profile
in resources/simulated_cards.toml (records.py encodes its data, apdu.py parses the commands);
vpcd.py connects a card to pcscd's vsmartcard-vpcd driver, which shows it as a card in "Virtual
PCD 00 00" (slot 0) or "Virtual PCD 00 01" (slot 1); control.py serves one card in the
foreground, or inserts and removes cards in those slots as background processes. psam.py is a
simulated PSAM (the secure module of a counter's second slot); security.py gives 3.0 cards and
PSAMs their synthetic keys.
"""
