"""Third-generation cards through the real pcscd: the card in the first virtual reader, the
simulated PSAM in the second."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.card import errors
from counter_app.card.apdu import ApduChannel
from counter_app.card.pcsc import Connection, Context
from counter_app.card.psam import PsamAuthenticator, forget_psams
from counter_app.card.reader import read_card
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.resources.simulated_cards import SimulatedCard, load_profiles
from counter_app.simulator.security import psam_profiles
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent
from tests.pcsc_env import READERS, CardSlots

pytestmark = pytest.mark.pcsc
PROFILES = load_profiles()
PSAMS = psam_profiles()
CARD, PSAM = READERS


@pytest.fixture(autouse=True)
def fresh_process_memory() -> Iterator[None]:
    forget_psams()  # as a new process would: nothing known of which reader holds the PSAM
    yield
    forget_psams()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def profile(key: str) -> SimulatedCard:
    card = PROFILES[key]
    assert isinstance(card, SimulatedCard)
    return card


@pytest.mark.parametrize("psam_key", ["psam", "psam_province"])  # keys at 3 levels, at 2 (T=0)
@pytest.mark.parametrize(("card_key", "algorithm"), [("zhao_lei", 1), ("zhang_wei", 3)])
def test_a_third_generation_card_reads_whole_with_the_psam(
    cards: CardSlots, card_key: str, algorithm: int, psam_key: str
) -> None:
    cards.insert(psam_key, slot=1)
    cards.insert(card_key, slot=0)
    snapshot = read_card(CARD)
    card = profile(card_key)
    assert snapshot.algorithm == algorithm
    assert snapshot.authenticated and not snapshot.needs_psam
    assert (snapshot.ssn, snapshot.name, snapshot.sex) == (card.ss_number, card.name, card.sex)
    assert (snapshot.ethnicity, snapshot.birthplace, snapshot.birth_date) == (
        card.ethnicity,
        card.birthplace,
        card.birth_date,
    )
    assert snapshot.inconsistencies == ()
    assert snapshot.terminal_number == PSAMS[psam_key].terminal_number


def test_the_apdus_of_a_full_read(cards: CardSlots) -> None:
    cards.insert("psam", slot=1)
    cards.insert("zhang_wei", slot=0)
    with Context() as context, context.exclusive(CARD) as connection:
        channel = ApduChannel(connection)
        authenticator = PsamAuthenticator(context, CARD)
        snapshot = SocialSecurityCardSession(channel, connection.atr(), authenticator).read()
    assert snapshot.name == "张伟"
    assert authenticator.reader_used == PSAM
    assert (channel.sent, authenticator.apdus) == (18, 8)


def test_cli_reads_every_item_and_carries_the_terminal_number(cards: CardSlots) -> None:
    cards.insert("psam", slot=1)
    cards.insert("zhang_wei", slot=0)
    result = cli("card", "read", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    card = profile("zhang_wei")
    for key in ("ssn", "name", "sex", "ethnicity", "birthplace", "birth_date", "card_number"):
        assert data[key], key
    assert data["ssn"] == card.ss_number and data["name"] == "张伟"
    assert data["authenticated"] is True and data["needs_psam"] is False
    assert data["interchange"] == (
        f"320100|{card.ss_number}|A34567892|{card.card_id_code}|张伟|"
        f"{card.atr_historical}|3.00|20230901|20330901|320100000001||"
    )
    human = cli("card", "read")
    assert human.returncode == 0
    assert "genuine (PSAM terminal 320100000001)" in human.stdout
    assert card.ss_number not in human.stdout


def test_a_named_psam_reader(cards: CardSlots) -> None:
    cards.insert("psam_city", slot=1)
    cards.insert("zhao_lei", slot=0)
    result = cli("card", "read", "--json", "--psam-reader", PSAM)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["interchange"].endswith("|320100000003||")
    assert cli("card", "read", "--no-psam").returncode == 5


def test_the_psam_in_the_first_reader_is_passed_over(cards: CardSlots) -> None:
    cards.insert("psam", slot=0)
    cards.insert("zhao_lei", slot=1)
    assert read_card().name == "赵磊"
    with pytest.raises(errors.PsamInReader):
        read_card(CARD)
    assert cli("card", "read", "--reader", CARD).returncode == 4


def test_a_counterfeit_card_exits_8_and_is_audited(cards: CardSlots, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    database = Database(url)
    database.upgrade()
    cards.insert("psam", slot=1)
    cards.insert("qian_fang", slot=0)
    with pytest.raises(errors.CardNotGenuine):
        read_card(CARD)
    result = cli("--db", url, "card", "read")
    assert result.returncode == 8, result.stderr
    assert "card not genuine" in result.stderr and "Traceback" not in result.stderr
    with database.transaction() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "card_not_genuine")
        ).all()
        assert [(event.object_type, event.object_id) for event in events] == [("card", "A2468135X")]
    database.dispose()


def test_a_blocked_read_key_exits_7(cards: CardSlots) -> None:
    cards.insert("psam", slot=1)
    cards.insert("zheng_hao", slot=0)
    with pytest.raises(errors.ReadKeyBlocked):
        read_card(CARD)
    result = cli("card", "read")
    assert result.returncode == 7 and "blocked" in result.stderr


def test_without_a_psam_the_readable_part_exits_5(cards: CardSlots) -> None:
    cards.insert("zhang_wei", slot=0)
    snapshot = read_card()
    assert snapshot.needs_psam and snapshot.card_number == "A34567892"
    assert snapshot.interchange().endswith("|000000000000||")
    result = cli("card", "read")
    assert result.returncode == 5 and "PSAM" in result.stderr
    assert "generation       3.0" in result.stdout
    assert cli("card", "read", "--psam-reader", PSAM).returncode == 5


# 2: at the environment's SELECT; 5: the first BF DE; 8: the last CIPHER DATA. (Gone at the
# first APDU, it was never found: the read gives the readable part, as with no PSAM.)
@pytest.mark.parametrize("after", [2, 5, 8])
def test_the_psam_pulled_during_the_authentication(
    cards: CardSlots, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    cards.insert("psam", slot=1)
    cards.insert("zhang_wei", slot=0)
    original = Connection.transmit
    sent: list[bytes] = []

    def pull_after(self: Connection, apdu: bytes) -> tuple[bytes, int]:
        if self.reader == PSAM:
            sent.append(apdu)
            if len(sent) == after:
                cards._cards[1].kill()  # the PSAM leaves mid-authentication
                cards._cards[1].wait()
        return original(self, apdu)

    monkeypatch.setattr(Connection, "transmit", pull_after)
    with pytest.raises(errors.PsamRemoved):
        read_card(CARD)
    cards._cards.pop(1)
    monkeypatch.undo()
    # The card itself is fine: without the PSAM it gives its readable part.
    assert read_card(CARD).needs_psam


def test_a_psam_busy_with_another_program_is_waited_for(cards: CardSlots) -> None:
    cards.insert("psam", slot=1)
    cards.insert("zhang_wei", slot=0)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\n"
            "from counter_app.card.pcsc import Context\n"
            f"with Context() as c, c.shared({PSAM!r}):\n"
            "    print('holding', flush=True); time.sleep(1.0)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        snapshot = read_card(CARD)  # the PSAM's transaction waits for the other one's end
        assert snapshot.name == "张伟" and time.monotonic() - started > 0.3
    finally:
        holder.kill()
        holder.wait()
