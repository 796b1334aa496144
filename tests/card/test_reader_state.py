"""The reader state machine: its table, its refusals, and no data outliving a card."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from counter_app.card.errors import (
    CardLocked,
    CardRemoved,
    CommunicationError,
    NoCard,
    NotSocialSecurityCard,
    PsamInReader,
    ReaderBusy,
)
from counter_app.card.reader_state import (
    TRANSITIONS,
    CardInserted,
    CardWithdrawn,
    Event,
    IllegalTransition,
    ReaderAdded,
    ReaderRemoved,
    ReaderState,
    ReaderStateMachine,
    ReadFailed,
    ReadFinished,
    ReadStarted,
    ServiceDown,
    ServiceUp,
    Situation,
)
from counter_app.card.snapshot import CardSnapshot
from tests.card import samples

S = ReaderState
READERS = ("Reader A", "Reader B", "Virtual PCD 00 00")
EVENT_TYPES = (
    ServiceDown,
    ServiceUp,
    ReaderAdded,
    ReaderRemoved,
    CardInserted,
    CardWithdrawn,
    ReadStarted,
    ReadFinished,
    ReadFailed,
)


def snapshot(tag: str = "A12345674") -> CardSnapshot:
    """A card read; `tag` (its card number) tells one read from another."""
    return samples.snapshot(card_number=tag)


def machine_with(*events: Event) -> ReaderStateMachine:
    machine = ReaderStateMachine()
    for event in events:
        machine.handle(event)
    return machine


def card_in(reader: str = "Reader A") -> ReaderStateMachine:
    return machine_with(ServiceUp(), ReaderAdded(reader), CardInserted(reader))


# -- the ordinary path ---------------------------------------------------------------------------


def test_starts_without_service_and_follows_a_card_from_insertion_to_read() -> None:
    machine = ReaderStateMachine()
    assert machine.situation == Situation()
    assert machine.handle(ServiceUp()).state is S.NO_READER
    ready = machine.handle(ReaderAdded("Reader A"))
    assert (ready.state, ready.reader, ready.readers) == (S.READY, "Reader A", ("Reader A",))
    assert machine.handle(CardInserted("Reader A")).state is S.CARD_PRESENT
    assert machine.handle(ReadStarted("Reader A")).state is S.READING
    card = snapshot()
    read = machine.handle(ReadFinished("Reader A", card))
    assert (read.state, read.snapshot, read.error) == (S.READ, card, None)


def test_taking_the_card_out_clears_the_snapshot_at_once() -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    machine.handle(ReadFinished("Reader A", snapshot()))
    after = machine.handle(CardWithdrawn("Reader A"))
    assert (after.state, after.snapshot, after.error, after.reader) == (
        S.READY,
        None,
        None,
        "Reader A",
    )


def test_a_card_pulled_while_reading_ends_as_no_card_and_the_late_result_is_dropped() -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    pulled = machine.handle(CardWithdrawn("Reader A"))
    assert pulled.state is S.READY and isinstance(pulled.error, CardRemoved)
    late = machine.handle(ReadFinished("Reader A", snapshot()))
    assert late == pulled and late.snapshot is None


@pytest.mark.parametrize("error", [CardRemoved("gone"), NoCard("empty")])
def test_a_read_that_finds_the_card_gone_ends_as_no_card(error: Exception) -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    after = machine.handle(ReadFailed("Reader A", error))
    assert (after.state, after.error, after.snapshot) == (S.READY, error, None)
    # The monitor's own report of the removal follows and changes nothing.
    assert machine.handle(CardWithdrawn("Reader A")) == after
    assert machine.handle(CardInserted("Reader A")).error is None


@pytest.mark.parametrize(
    ("error", "state"),
    [
        (NotSocialSecurityCard("bank card"), S.NOT_SOCIAL_SECURITY_CARD),
        (CardLocked("locked"), S.ERROR),
        (ReaderBusy("held"), S.ERROR),
        (CommunicationError("noise"), S.ERROR),
        (ValueError("a bug"), S.ERROR),
    ],
)
def test_failed_reads_keep_their_error(error: Exception, state: ReaderState) -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    after = machine.handle(ReadFailed("Reader A", error))
    assert (after.state, after.error, after.snapshot) == (state, error, None)


def test_an_error_can_be_read_again_but_not_another_kind_of_card() -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    machine.handle(ReadFailed("Reader A", ReaderBusy("held")))
    again = machine.handle(ReadStarted("Reader A"))
    assert (again.state, again.error) == (S.READING, None)
    machine.handle(ReadFailed("Reader A", NotSocialSecurityCard("bank card")))
    with pytest.raises(IllegalTransition):
        machine.handle(ReadStarted("Reader A"))


def test_the_newest_card_is_shown_and_the_other_comes_back_when_it_leaves() -> None:
    machine = machine_with(
        ServiceUp(), ReaderAdded("Reader A"), ReaderAdded("Reader B"), CardInserted("Reader A")
    )
    machine.handle(ReadStarted("Reader A"))
    second = machine.handle(CardInserted("Reader B"))
    assert (second.state, second.reader) == (S.CARD_PRESENT, "Reader B")
    # The read of the first card finishes after the second arrived: dropped.
    assert machine.handle(ReadFinished("Reader A", snapshot())) == second
    back = machine.handle(CardWithdrawn("Reader B"))
    assert (back.state, back.reader) == (S.CARD_PRESENT, "Reader A")


def test_the_psam_in_a_slot_is_passed_over_for_the_customers_card() -> None:
    machine = machine_with(
        ServiceUp(),
        ReaderAdded("Reader A"),
        ReaderAdded("Reader B"),
        CardInserted("Reader A"),
        CardInserted("Reader B"),  # the PSAM, seen last: shown first
        ReadStarted("Reader B"),
    )
    after = machine.handle(ReadFailed("Reader B", PsamInReader("Reader B holds the PSAM")))
    assert (after.state, after.reader, after.error) == (S.CARD_PRESENT, "Reader A", None)
    assert machine.cards == ("Reader A",)
    # Alone, the PSAM leaves the panel on the other reader, empty and without an error.
    alone = machine_with(
        ServiceUp(),
        ReaderAdded("Reader A"),
        ReaderAdded("Reader B"),
        CardInserted("Reader B"),
        ReadStarted("Reader B"),
    )
    after = alone.handle(ReadFailed("Reader B", PsamInReader("Reader B holds the PSAM")))
    assert (after.state, after.reader, after.error) == (S.READY, "Reader A", None)
    assert alone.handle(CardWithdrawn("Reader B")) == after  # the PSAM pulled: nothing to say


def test_losing_the_service_forgets_readers_cards_and_data() -> None:
    machine = card_in()
    machine.handle(ReadStarted("Reader A"))
    machine.handle(ReadFinished("Reader A", snapshot()))
    assert machine.handle(ServiceDown()) == Situation(S.NO_SERVICE)
    assert machine.cards == ()
    assert machine.handle(ServiceDown()) == Situation(S.NO_SERVICE)  # reported again: no change
    assert machine.handle(ServiceUp()).state is S.NO_READER


def test_the_shown_reader_leaving_falls_back_to_another_or_to_none() -> None:
    machine = card_in()
    machine.handle(ReaderAdded("Reader B"))
    machine.handle(ReadStarted("Reader A"))
    machine.handle(ReadFinished("Reader A", snapshot()))
    other = machine.handle(ReaderRemoved("Reader A"))
    assert (other.state, other.reader, other.snapshot) == (S.READY, "Reader B", None)
    assert machine.handle(ReaderRemoved("Reader B")) == Situation(S.NO_READER)


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "refused"),
    [
        ((), ReaderAdded("Reader A")),  # no service yet
        ((), CardInserted("Reader A")),
        ((ServiceUp(),), ServiceUp()),
        ((ServiceUp(), ReaderAdded("Reader A")), ReaderAdded("Reader A")),
        ((ServiceUp(), ReaderAdded("Reader A")), CardInserted("Reader B")),
        ((ServiceUp(), ReaderAdded("Reader A")), ReadStarted("Reader A")),
        ((ServiceUp(), ReaderAdded("Reader A")), ReaderRemoved("Reader B")),
        (
            (ServiceUp(), ReaderAdded("Reader A"), CardInserted("Reader A")),
            CardInserted("Reader A"),
        ),
        ((ServiceUp(), ReaderAdded("Reader A"), CardInserted("Reader A")), ReadStarted("Reader B")),
    ],
)
def test_moves_off_the_table_are_refused_and_change_nothing(
    events: tuple[Event, ...], refused: Event
) -> None:
    machine = machine_with(*events)
    before, cards = machine.situation, machine.cards
    with pytest.raises(IllegalTransition):
        machine.handle(refused)
    assert (machine.situation, machine.cards) == (before, cards)


def test_the_table_lists_every_state_once_for_the_service_going_away() -> None:
    assert {state for state, kind in TRANSITIONS if kind is ServiceDown} == set(S)
    assert all(targets <= set(S) and targets for targets in TRANSITIONS.values())
    assert {kind for _, kind in TRANSITIONS} == set(EVENT_TYPES)


# -- random sequences ----------------------------------------------------------------------------

readers = st.sampled_from(READERS)
errors = st.sampled_from(
    [
        CardRemoved("pulled"),
        NoCard("empty"),
        NotSocialSecurityCard("bank"),
        CardLocked("locked"),
        ReaderBusy("busy"),
        CommunicationError("noise"),
    ]
)
card_events = st.one_of(
    st.builds(CardInserted, readers),
    st.builds(CardWithdrawn, readers),
    st.builds(ReadStarted, readers),
    st.builds(ReadFinished, readers, st.builds(snapshot, st.sampled_from(["A1", "A2"]))),
    st.builds(ReadFailed, readers, errors),
)
# Weighted towards cards and reads, so that sequences get past the service and the readers.
events = st.one_of(
    st.just(ServiceDown()),
    st.just(ServiceUp()),
    st.builds(ReaderAdded, readers),
    st.builds(ReaderRemoved, readers),
    card_events,
    card_events,
    card_events,
)
STARTED = [ServiceUp(), ReaderAdded(READERS[0]), ReaderAdded(READERS[1])]


def check_consistent(machine: ReaderStateMachine) -> None:
    now = machine.situation
    assert (now.snapshot is not None) == (now.state is S.READ)
    assert set(machine.cards) <= set(now.readers)
    if now.state in (S.NO_SERVICE, S.NO_READER):
        assert now.readers == () and machine.cards == () and now.reader is None
    else:
        assert now.reader in now.readers
    if now.state is S.READY:
        assert machine.cards == ()
    if now.state not in (S.READY, S.NO_SERVICE, S.NO_READER):
        assert now.reader in machine.cards
    if now.error is not None:
        assert now.state in (S.READY, S.NOT_SOCIAL_SECURITY_CARD, S.ERROR)


@settings(max_examples=400)
@given(st.lists(events, max_size=60))
def test_random_events_never_leave_data_behind_a_removal(sequence: list[Event]) -> None:
    machine = ReaderStateMachine()
    for event in STARTED + sequence:
        before, cards = machine.situation, machine.cards
        try:
            after = machine.handle(event)
        except IllegalTransition:
            assert (machine.situation, machine.cards) == (before, cards)
            continue
        assert after.state in TRANSITIONS[(before.state, type(event))]
        check_consistent(machine)
        gone = isinstance(event, ServiceDown) or (
            isinstance(event, CardWithdrawn | ReaderRemoved) and event.reader == before.reader
        )
        if gone:
            assert after.snapshot is None


class ConsistentWorld(RuleBasedStateMachine):
    """A world the monitor and the reads could really report: nothing is ever refused, and a
    snapshot shown always comes from the card now in the shown reader."""

    def __init__(self) -> None:
        super().__init__()
        self.machine = ReaderStateMachine()
        self.up = False
        self.readers: set[str] = set()
        self.cards: dict[str, int] = {}  # reader → which insertion
        self.insertions = 0
        self.read_of: tuple[str, int] | None = None  # the read under way: reader, insertion

    def send(self, event: Event) -> None:
        self.machine.handle(event)  # raises if refused: a consistent world never is

    @precondition(lambda self: self.up)
    @rule(chance=st.integers(0, 7))
    def service_goes_away(self, chance: int) -> None:
        if chance:  # rarely: everything after it starts again from nothing
            return
        self.send(ServiceDown())
        self.up, self.readers, self.cards, self.read_of = False, set(), {}, None

    @precondition(lambda self: not self.up)
    @rule()
    def service_up(self) -> None:
        self.up = True
        self.send(ServiceUp())

    @precondition(lambda self: self.up)
    @rule(reader=readers)
    def reader_in_or_out(self, reader: str) -> None:
        if reader not in self.readers:
            self.readers.add(reader)
            self.send(ReaderAdded(reader))
            return
        if self.cards.pop(reader, None) is not None:
            self.send(CardWithdrawn(reader))
        self.readers.discard(reader)
        self.send(ReaderRemoved(reader))

    @precondition(lambda self: self.readers)
    @rule(data=st.data())
    def card_in_or_out(self, data: st.DataObject) -> None:
        reader = data.draw(st.sampled_from(sorted(self.readers)))
        if reader in self.cards:
            del self.cards[reader]
            self.send(CardWithdrawn(reader))
        else:
            self.insertions += 1
            self.cards[reader] = self.insertions
            self.send(CardInserted(reader))

    @precondition(lambda self: self.machine.situation.state is S.CARD_PRESENT)
    @rule()
    def start_reading(self) -> None:
        reader = self.machine.situation.reader
        assert reader is not None
        self.send(ReadStarted(reader))
        self.read_of = (reader, self.cards[reader])

    @precondition(lambda self: self.machine.situation.state is S.CARD_PRESENT)
    @rule(failure=st.none() | st.none() | errors)
    def read_at_once(self, failure: Exception | None) -> None:
        self.start_reading()
        self.finish_reading(failure)

    @precondition(lambda self: self.read_of is not None)
    @rule(failure=st.none() | errors)
    def finish_reading(self, failure: Exception | None) -> None:
        assert self.read_of is not None
        reader, insertion = self.read_of
        self.read_of = None
        if failure is None:
            self.send(ReadFinished(reader, snapshot(f"card-{insertion}")))
        elif isinstance(failure, CardRemoved | NoCard) and reader in self.cards:
            # The card really left: the read says so, then the monitor's next turn does.
            del self.cards[reader]
            self.send(ReadFailed(reader, failure))
            self.send(CardWithdrawn(reader))
        else:
            self.send(ReadFailed(reader, failure))

    @invariant()
    def consistent(self) -> None:
        check_consistent(self.machine)
        now = self.machine.situation
        assert set(now.readers) == self.readers
        assert set(self.machine.cards) == set(self.cards)
        if now.snapshot is not None:
            assert now.snapshot.card_number == f"card-{self.cards[now.reader or '']}"


TestConsistentWorld = ConsistentWorld.TestCase
TestConsistentWorld.settings = settings(max_examples=150, stateful_step_count=40)
