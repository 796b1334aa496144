"""What the rest of the application asks of the card layer: which readers, and read the card."""

from __future__ import annotations

from functools import partial

from counter_app.card.apdu import ApduChannel
from counter_app.card.authentication import Authenticator
from counter_app.card.crypto import ALGORITHM_3DES
from counter_app.card.errors import NoCard, NoReader, NotSocialSecurityCard, PsamInReader
from counter_app.card.pcsc import Context, ReaderStatus
from counter_app.card.psam import Psam, PsamAuthenticator, is_known_psam, remember_psam
from counter_app.card.snapshot import CardSnapshot
from counter_app.card.sscard import SocialSecurityCardSession

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
    reader: str | None = None,
    authenticator: Authenticator | None = None,
    *,
    psam_reader: str | None = None,
    use_psam: bool = True,
) -> CardSnapshot:
    """One complete read in one exclusive transaction; raises a CardError on any failure.

    A third-generation card is authenticated with `authenticator` when given, else with a PSAM:
    the one in `psam_reader`, or the one found among the other readers (`use_psam=False`: none,
    the readable part only). A PSAM put into the reader read is recognised: PsamInReader.
    """
    with Context() as context:
        statuses = context.statuses()
        name = choose_reader(statuses, reader)
        read = partial(
            _read_one,
            context,
            statuses,
            authenticator=authenticator,
            psam_reader=psam_reader,
            use_psam=use_psam,
        )
        if reader is not None:
            return read(name)
        others = [s.name for s in statuses if s.card_present and s.name != name]
        try:
            return read(name)
        except PsamInReader:
            if not others:
                raise
        # The first reader holding a card holds the PSAM: the customer's card is in another.
        return read(others[0])


def _read_one(
    context: Context,
    statuses: list[ReaderStatus],
    name: str,
    *,
    authenticator: Authenticator | None,
    psam_reader: str | None,
    use_psam: bool,
) -> CardSnapshot:
    if authenticator is None and use_psam and name != psam_reader:
        authenticator = PsamAuthenticator(context, name, psam_reader, statuses)
    with context.exclusive(name) as connection:
        channel = ApduChannel(connection)
        atr = connection.atr()
        session = SocialSecurityCardSession(channel, atr, authenticator)
        try:
            return session.read()
        except NotSocialSecurityCard:
            if is_known_psam(name, atr) or Psam(channel, ALGORITHM_3DES).identify():
                remember_psam(name, atr)
                raise PsamInReader(f"{name} holds the PSAM, not a card") from None
            raise
        finally:
            # Authenticated, EF06 stays open until the card is reset: close it behind us.
            connection.reset_when_done = session.authentication_attempted
