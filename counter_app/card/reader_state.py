"""The reader and its card as one explicit state machine: what the reader panel shows.

Pure Python. The monitor thread and the card reads feed it events; it answers with the new
`Situation`. Every allowed move is listed in `TRANSITIONS`; anything else is refused with
`IllegalTransition` and changes nothing. A card leaving, its reader leaving or the service going
away drops the snapshot at once, so no holder data outlives the card.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from counter_app.card.errors import CardRemoved, NoCard, NotSocialSecurityCard, PsamInReader
from counter_app.card.snapshot import CardSnapshot


class ReaderState(Enum):
    NO_SERVICE = "no_service"  # the PC/SC service is down (or not asked yet)
    NO_READER = "no_reader"
    READY = "ready"  # a reader, no card
    CARD_PRESENT = "card_present"  # a card, not read yet
    READING = "reading"
    READ = "read"  # a complete read: the snapshot is there
    NOT_SOCIAL_SECURITY_CARD = "not_social_security_card"
    ERROR = "error"  # the card is there but could not be read


# -- events ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceDown:
    pass


@dataclass(frozen=True)
class ServiceUp:
    pass


@dataclass(frozen=True)
class ReaderAdded:
    reader: str


@dataclass(frozen=True)
class ReaderRemoved:
    reader: str


@dataclass(frozen=True)
class CardInserted:
    reader: str
    atr: bytes = b""


@dataclass(frozen=True)
class CardWithdrawn:  # not "CardRemoved": that is the error of a card pulled mid-read
    reader: str


@dataclass(frozen=True)
class ReadStarted:
    reader: str


@dataclass(frozen=True)
class ReadFinished:
    reader: str
    snapshot: CardSnapshot


@dataclass(frozen=True)
class ReadFailed:
    reader: str
    error: Exception


Event = (
    ServiceDown
    | ServiceUp
    | ReaderAdded
    | ReaderRemoved
    | CardInserted
    | CardWithdrawn
    | ReadStarted
    | ReadFinished
    | ReadFailed
)


@dataclass(frozen=True)
class Situation:
    """Everything the window shows about the reader: replaced whole at each change."""

    state: ReaderState = ReaderState.NO_SERVICE
    reader: str | None = None  # the reader shown: the newest card's, else the first attached
    snapshot: CardSnapshot | None = None  # only in READ
    error: Exception | None = None  # why the last read failed (READY after a pulled card too)
    readers: tuple[str, ...] = ()  # every attached reader, in the order they appeared


class IllegalTransition(Exception):
    pass


# -- the table -------------------------------------------------------------------------------

S = ReaderState
WITH_READER = frozenset(S) - {S.NO_SERVICE, S.NO_READER}
WITH_CARD = WITH_READER - {S.READY}

TRANSITIONS: dict[tuple[ReaderState, type], frozenset[ReaderState]] = {
    **{(state, ServiceDown): frozenset({S.NO_SERVICE}) for state in S},
    (S.NO_SERVICE, ServiceUp): frozenset({S.NO_READER}),
    (S.NO_READER, ReaderAdded): frozenset({S.READY}),
    **{(state, ReaderAdded): frozenset({state}) for state in WITH_READER},
    # The shown reader leaving falls back to another reader's card, another reader, or none.
    **{
        (state, ReaderRemoved): frozenset({state, S.NO_READER, S.READY, S.CARD_PRESENT})
        for state in WITH_READER
    },
    # The newest card is the one the clerk means, whichever reader it went into.
    **{(state, CardInserted): frozenset({S.CARD_PRESENT}) for state in WITH_READER},
    (S.READY, CardWithdrawn): frozenset({S.READY}),  # a card the read already found gone
    **{(state, CardWithdrawn): frozenset({state, S.READY, S.CARD_PRESENT}) for state in WITH_CARD},
    (S.CARD_PRESENT, ReadStarted): frozenset({S.READING}),
    (S.ERROR, ReadStarted): frozenset({S.READING}),  # the clerk asked to read again
    (S.READING, ReadFinished): frozenset({S.READ, S.READING}),
    (S.READING, ReadFailed): frozenset(
        {S.READY, S.CARD_PRESENT, S.NOT_SOCIAL_SECURITY_CARD, S.ERROR, S.READING}
    ),
    # Results of a read overtaken by a removal or another card: dropped, nothing changes.
    **{(state, ReadFinished): frozenset({state}) for state in S if state is not S.READING},
    **{(state, ReadFailed): frozenset({state}) for state in S if state is not S.READING},
}


class ReaderStateMachine:
    """Holds the current situation and the readers holding a card; `handle` moves it on."""

    def __init__(self) -> None:
        self.situation = Situation()
        self._cards: tuple[str, ...] = ()  # readers holding a card, oldest insertion first

    @property
    def cards(self) -> tuple[str, ...]:
        return self._cards

    def handle(self, event: Event) -> Situation:
        """The situation after `event`; raises IllegalTransition (and changes nothing) if the
        table does not list the move or the event does not fit the readers and cards known."""
        state = self.situation.state
        allowed = TRANSITIONS.get((state, type(event)))
        if allowed is None:
            raise IllegalTransition(f"{type(event).__name__} in {state.name}")
        situation, cards = self._next(event)
        if situation.state not in allowed:  # the table is the rule; _next must keep to it
            raise IllegalTransition(
                f"{type(event).__name__} would move {state.name} to {situation.state.name}"
            )
        self.situation, self._cards = situation, cards
        return situation

    # -- one method per kind of event, each returning the next situation and cards ----------
    def _next(self, event: Event) -> tuple[Situation, tuple[str, ...]]:
        now, cards = self.situation, self._cards
        match event:
            case ServiceDown():
                return Situation(S.NO_SERVICE), ()
            case ServiceUp():
                return Situation(S.NO_READER), ()
            case ReaderAdded(reader=reader):
                self._refuse_if(reader in now.readers, event, "the reader is already attached")
                readers = (*now.readers, reader)
                if now.state is S.NO_READER:
                    return Situation(S.READY, reader=reader, readers=readers), cards
                return replace(now, readers=readers), cards
            case ReaderRemoved(reader=reader):
                self._refuse_if(reader not in now.readers, event, "no such reader")
                readers = tuple(name for name in now.readers if name != reader)
                cards = tuple(name for name in cards if name != reader)
                if reader != now.reader:
                    return replace(now, readers=readers), cards
                return _settle(readers, cards), cards
            case CardInserted(reader=reader):
                self._refuse_if(reader not in now.readers, event, "no such reader")
                self._refuse_if(reader in cards, event, "that reader already holds a card")
                cards = (*cards, reader)
                return Situation(S.CARD_PRESENT, reader=reader, readers=now.readers), cards
            case CardWithdrawn(reader=reader):
                self._refuse_if(reader not in now.readers, event, "no such reader")
                if reader not in cards:
                    return now, cards
                cards = tuple(name for name in cards if name != reader)
                if reader != now.reader:
                    return now, cards
                settled = _settle(now.readers, cards, reader)
                if now.state is S.READING and settled.state is S.READY:
                    pulled = CardRemoved(f"the card left {reader} during the read")
                    settled = replace(settled, error=pulled)
                return settled, cards
            case ReadStarted(reader=reader):
                self._refuse_if(reader != now.reader, event, "not the reader shown")
                return replace(now, state=S.READING, error=None), cards
            case ReadFinished(reader=reader, snapshot=snapshot):
                if now.state is not S.READING or reader != now.reader:
                    return now, cards  # stale
                return replace(now, state=S.READ, snapshot=snapshot), cards
            case ReadFailed(reader=reader, error=error):
                if now.state is not S.READING or reader != now.reader:
                    return now, cards  # stale
                if isinstance(error, CardRemoved | NoCard):  # pulled before or during the read
                    cards = tuple(name for name in cards if name != reader)
                    settled = _settle(now.readers, cards, reader)
                    if settled.state is S.READY:
                        settled = replace(settled, error=error)
                    return settled, cards
                if isinstance(error, PsamInReader):
                    # The secure module in its slot is no customer's card: look past it.
                    cards = tuple(name for name in cards if name != reader)
                    other = next((name for name in now.readers if name != reader), reader)
                    return _settle(now.readers, cards, other), cards
                if isinstance(error, NotSocialSecurityCard):
                    return replace(now, state=S.NOT_SOCIAL_SECURITY_CARD, error=error), cards
                return replace(now, state=S.ERROR, error=error), cards
        raise IllegalTransition(f"unknown event {event!r}")

    def _refuse_if(self, condition: bool, event: Event, why: str) -> None:
        if condition:
            raise IllegalTransition(f"{event!r} in {self.situation.state.name}: {why}")


def _settle(readers: tuple[str, ...], cards: tuple[str, ...], keep: str | None = None) -> Situation:
    """Where the panel goes when the reader it showed lost its card or went away: another
    reader's card, else the same reader (`keep`) if still attached, else the first one."""
    if not readers:
        return Situation(S.NO_READER)
    if cards:
        return Situation(S.CARD_PRESENT, reader=cards[-1], readers=readers)
    return Situation(S.READY, reader=keep if keep in readers else readers[0], readers=readers)
