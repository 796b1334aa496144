"""Reading every simulated card through the real pcscd and the vpcd reader."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from counter_app.card import errors
from counter_app.card.apdu import ApduChannel
from counter_app.card.pcsc import Connection, Context
from counter_app.card.reader import read_card
from counter_app.card.sscard import SocialSecurityCardSession
from counter_app.resources.simulated_cards import SimulatedCard, load_profiles
from tests.pcsc_env import READERS, CardSlots, Pcscd, reader_states, wait_for

pytestmark = pytest.mark.pcsc
PROFILES = load_profiles()


def expected_failure(key: str) -> type[errors.CardError] | None:
    profile = PROFILES[key]
    if not isinstance(profile, SimulatedCard):
        return errors.NotSocialSecurityCard
    if profile.locked:
        return errors.CardLocked
    return None


def is_third_generation(key: str) -> bool:
    profile = PROFILES[key]
    return isinstance(profile, SimulatedCard) and profile.spec_version.startswith("3")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_every_profile_reads_as_its_card_says(cards: CardSlots, key: str) -> None:
    profile = PROFILES[key]
    reader = cards.insert(key)
    failure = expected_failure(key)
    if failure is not None:
        with pytest.raises(failure):
            read_card(reader)
        return
    snapshot = read_card(reader)
    assert isinstance(profile, SimulatedCard)
    assert snapshot.card_number == profile.card_number
    assert snapshot.card_id == profile.card_id_code.upper()
    assert snapshot.historical_bytes.hex().upper() == profile.atr_historical.upper()
    assert snapshot.spec_version == profile.spec_version
    assert snapshot.inconsistencies == ()
    if profile.spec_version.startswith("3"):
        assert snapshot.needs_psam and snapshot.ssn == "" and snapshot.name == ""
        return
    assert not snapshot.needs_psam
    assert (snapshot.ssn, snapshot.name, snapshot.sex) == (
        profile.ss_number,
        profile.name,
        profile.sex,
    )
    assert (snapshot.birth_date, snapshot.issue_date, snapshot.expiry_date) == (
        profile.birth_date,
        profile.issue_date,
        profile.expiry_date,
    )
    assert (snapshot.ethnicity, snapshot.birthplace) == (profile.ethnicity, profile.birthplace)


def test_a_2_0_card_is_read_in_15_apdus(cards: CardSlots) -> None:
    reader = cards.insert("wang_xiaoming")
    with Context() as context, context.exclusive(reader) as connection:
        channel = ApduChannel(connection)
        snapshot = SocialSecurityCardSession(channel, connection.atr()).read()
    assert snapshot.name == "王小明"
    assert channel.sent == 15


@pytest.mark.parametrize("after", [1, 2, 8, 15])
def test_a_card_pulled_during_the_read_reads_as_removed(
    cards: CardSlots, monkeypatch: pytest.MonkeyPatch, after: int
) -> None:
    reader = cards.insert("wang_xiaoming")
    original = Connection.transmit
    sent = []

    def pull_after(self: Connection, apdu: bytes) -> tuple[bytes, int]:
        sent.append(apdu)
        if len(sent) == after:
            cards._cards[0].kill()  # the card leaves mid-read, without saying goodbye
            cards._cards[0].wait()
        return original(self, apdu)

    monkeypatch.setattr(Connection, "transmit", pull_after)
    with pytest.raises(errors.CardRemoved):
        read_card(reader)
    cards._cards.pop(0)


def test_the_service_stopping_is_named(cards: CardSlots, pcscd: Pcscd) -> None:
    cards.insert("wang_xiaoming")
    pcscd.stop()
    with pytest.raises(errors.ServiceUnavailable):
        read_card()
    result = cli("card", "read")
    assert result.returncode == 2 and "pcscd" in result.stderr
    pcscd.start()
    # The card stays in the reader: once the service is back it is seen again, by itself.
    wait_for(lambda: reader_states().get(READERS[0]) is True, "the card is seen again")
    assert read_card(READERS[0]).name == "王小明"


def test_a_reader_held_by_another_program_is_named(cards: CardSlots) -> None:
    reader = cards.insert("wang_xiaoming")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from counter_app.card.pcsc import Context\n"
            f"with Context() as c, c.exclusive({reader!r}):\n"
            "    print('holding', flush=True); time.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(errors.ReaderBusy):
            read_card(reader)
    finally:
        holder.kill()
        holder.wait()


def test_cli_reads_json_and_masks_the_human_output(cards: CardSlots) -> None:
    cards.insert("wang_xiaoming")
    as_json = cli("card", "read", "--json")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["ssn"] == "320102198503121234" and data["name"] == "王小明"
    assert data["interchange"].startswith("320100|320102198503121234|A12345674|")
    assert data["interchange"].endswith("|000000000000||")
    human = cli("card", "read")
    assert human.returncode == 0
    assert "320102********1234" in human.stdout and "320102198503121234" not in human.stdout
    assert "A12345674" not in human.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("card", "read"), 3),
        (("card", "read", "--reader", "No Such Reader"), 2),
    ],
)
def test_cli_exit_codes_without_a_card(cards: CardSlots, args: tuple[str, ...], code: int) -> None:
    result = cli(*args)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr


def test_cli_exit_codes_per_card_kind(cards: CardSlots) -> None:
    for key in sorted(PROFILES):
        failure = expected_failure(key)
        third = is_third_generation(key)
        code = {errors.NotSocialSecurityCard: 4, errors.CardLocked: 7}.get(
            failure, 5 if third else 0
        )  # type: ignore[arg-type]
        cards.insert(key)
        result = cli("card", "read")
        assert result.returncode == code, (key, result.stderr)
        if third:
            assert "generation       3.0" in result.stdout  # the readable part is shown


def test_readers_lists_both_slots_and_presence(cards: CardSlots) -> None:
    cards.insert("li_xiuying", slot=1)
    result = cli("card", "readers")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith(READERS[0]) and "empty" in line for line in lines)
    assert any(line.startswith(READERS[1]) and "card present" in line for line in lines)


def test_reads_on_two_threads_do_not_mix_cards(cards: CardSlots) -> None:
    first, second = cards.insert("wang_xiaoming", 0), cards.insert("li_xiuying", 1)
    names: dict[str, str] = {}

    def read(reader: str) -> None:
        names[reader] = read_card(reader).name

    threads = [threading.Thread(target=read, args=(r,)) for r in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names == {first: "王小明", second: "李秀英"}


def test_simulator_insert_and_remove_from_the_command_line(
    cards: CardSlots,
    tmp_path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("COUNTER_APP_RUNTIME_DIR", str(tmp_path))
    inserted = cli("simulator", "insert", "li_xiuying", "--slot", "1")
    assert inserted.returncode == 0, inserted.stderr
    try:
        assert "slot 1: li_xiuying" in cli("simulator", "list").stdout
        assert read_card(READERS[1]).name == "李秀英"
    finally:
        removed = cli("simulator", "remove", "--slot", "1")
    assert removed.returncode == 0 and "card removed" in removed.stdout
    wait_for(lambda: not reader_states().get(READERS[1]), "the reader is empty")
    assert cli("card", "read", "--reader", READERS[1]).returncode == 3
    unknown = cli("simulator", "insert", "no_such_card")
    assert unknown.returncode == 1 and "no_such_card" in unknown.stderr
