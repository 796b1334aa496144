"""What the rest of the application asks of the card layer: which readers, and read the card."""

from __future__ import annotations

from counter_app.card.apdu import ApduChannel
from counter_app.card.errors import NoCard, NoReader
from counter_app.card.pcsc import Context, ReaderStatus
from counter_app.card.snapshot import CardSnapshot
from counter_app.card.sscard import Authenticator, SocialSecurityCardSession

VIRTUAL_READER_PREFIX = "Virtual PCD"  # vsmartcard's vpcd: the built-in simulator's slots


def list_readers() -> list[ReaderStatus]:
    with Context() as context:
        return context.statuses()


def is_virtual(reader: str) -> bool:
    return reader.startswith(VIRTUAL_READER_PREFIX)


def choose_reader(statuses: list[ReaderStatus], wanted: str | None = None) -> str:
    """The named reader, else the first one holding a card."""
    if not statuses:
        raise NoReader("no card reader is attached")
    if wanted is not None:
        if wanted not in {status.name for status in statuses}:
            raise NoReader(f"no reader named {wanted!r}")
        return wanted
    for status in statuses:
        if status.card_present:
            return status.name
    raise NoCard("no reader holds a card")


def read_card(
    reader: str | None = None, authenticator: Authenticator | None = None
) -> CardSnapshot:
    """One complete read in one exclusive transaction; raises a CardError on any failure."""
    with Context() as context:
        name = choose_reader(context.statuses(), reader)
        with context.exclusive(name) as connection:
            channel = ApduChannel(connection)
            return SocialSecurityCardSession(channel, connection.atr(), authenticator).read()
