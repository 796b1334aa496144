"""Drill: the card pulled at every command of a read, through the real pcscd and vpcd.

The simulated card answers N commands and leaves the reader when the next one arrives
(counter_app/simulator/faults.py): for every N of a whole read, the read ends in an error the
clerk is told about, never in a snapshot with part of the card in it.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from counter_app.card import errors
from counter_app.card.reader import read_card
from counter_app.ui.card_messages import describe_card_error
from tests.pcsc_env import PORTS, READERS, CardSlots, Pcscd, reader_states, wait_for

pytestmark = [pytest.mark.drill, pytest.mark.pcsc]

PROFILE = "wang_xiaoming"  # a 2.0 card: SELECT SSSE, 7 records of EF05, 7 of EF06
WHOLE_READ = 15

Insert = Callable[[int], str]


@pytest.fixture
def vanishing_card(pcscd: Pcscd) -> Iterator[Insert]:
    """Puts a card into slot 0 that leaves after answering the given number of commands."""
    if not pcscd.running:
        pcscd.start()
    started: list[subprocess.Popen[bytes]] = []

    def insert(answered: int) -> str:
        started.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "counter_app.simulator.faults",
                    PROFILE,
                    "--vanish-after",
                    str(answered),
                    "--port",
                    str(PORTS[0]),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_for(lambda: reader_states().get(READERS[0]) is True, "the card is in the reader")
        return READERS[0]

    yield insert
    for card in started:
        card.kill()
        card.wait()
    wait_for(lambda: not reader_states().get(READERS[0]), "the reader is empty")


@pytest.mark.parametrize("answered", range(WHOLE_READ))
def test_a_card_pulled_at_any_command_is_told_and_never_half_read(
    vanishing_card: Insert, answered: int
) -> None:
    reader = vanishing_card(answered)
    with pytest.raises(errors.CardRemoved) as caught:
        read_card(reader)
    assert describe_card_error(caught.value) == (
        "The card was taken out during the read. Put it back in the reader."
    )
    wait_for(lambda: not reader_states().get(reader), "the reader sees the card gone")


def test_the_card_that_answers_a_whole_read_is_read_whole(vanishing_card: Insert) -> None:
    """The drill's card vanishes at the command after the last one, so the count is exact."""
    snapshot = read_card(vanishing_card(WHOLE_READ))
    assert (snapshot.name, snapshot.card_number) == ("王小明", "A12345674")
    assert snapshot.holder_data_read and snapshot.inconsistencies == ()


def test_a_card_put_back_after_the_pull_is_read(vanishing_card: Insert, cards: CardSlots) -> None:
    with pytest.raises(errors.CardRemoved):
        read_card(vanishing_card(8))
    wait_for(lambda: not reader_states().get(READERS[0]), "the reader sees the card gone")
    assert read_card(cards.insert(PROFILE)).name == "王小明"
