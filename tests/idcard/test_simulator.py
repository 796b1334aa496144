"""`counter-app simulator idcard …` and the simulated cards: the demo's people, every type."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from counter_app.idcard.card import CardType
from counter_app.idcard.simulator import control
from counter_app.idcard.simulator.profiles import load_idcard_profiles
from counter_app.resources.simulated_cards import load_simulated_cards
from counter_app.services.demo import DEMO_APPLICATIONS
from tests.idcard.conftest import cli

NAME_FIELD_CHARACTERS = 15


def test_insert_remove_and_unplug_from_the_command_line(tmp_path: Path) -> None:
    runtime, config = tmp_path / "runtime", tmp_path / "config"
    try:
        inserted = cli("simulator", "idcard", "insert", "sun_li", runtime=runtime, config=config)
        assert inserted.returncode == 0, inserted.stderr
        port = inserted.stdout.strip()
        assert stat.S_ISCHR(os.stat(port).st_mode)
        descriptor = os.open(port, os.O_RDWR | os.O_NOCTTY)
        try:
            assert os.isatty(descriptor)
        finally:
            os.close(descriptor)
        assert control.simulated_port(runtime) == port
        assert control.card_on_reader(runtime) == "sun_li"

        again = cli("simulator", "idcard", "insert", "wu_gang", runtime=runtime, config=config)
        assert again.stdout.strip() == port  # the same reader, another card
        read = cli("idcard", "read", "--json", runtime=runtime, config=config)
        assert '"name": "吴刚"' in read.stdout

        removed = cli("simulator", "idcard", "remove", runtime=runtime, config=config)
        assert removed.stdout.strip() == "card removed"
        assert control.card_on_reader(runtime) is None
        empty = cli("simulator", "idcard", "remove", runtime=runtime, config=config)
        assert empty.stdout.strip() == "no card was on the reader"
        assert cli("idcard", "read", runtime=runtime, config=config).returncode == 3

        unplugged = cli("simulator", "idcard", "unplug", runtime=runtime, config=config)
        assert unplugged.stdout.strip() == "reader unplugged"
        assert control.running(runtime) is None
        gone = cli("idcard", "read", runtime=runtime, config=config)
        assert gone.returncode == 2, gone.stderr  # no reader to be found any more
    finally:
        control.unplug(runtime)


def test_an_unknown_card_is_refused_and_named(tmp_path: Path) -> None:
    result = cli("simulator", "idcard", "insert", "nobody", runtime=tmp_path, config=tmp_path)
    assert result.returncode == 1
    assert "no simulated ID card 'nobody'" in result.stderr
    assert "wang_xiaoming" in result.stderr
    assert control.running(tmp_path) is None  # nothing was started for it


def test_profiles_lists_every_card(tmp_path: Path) -> None:
    result = cli("simulator", "idcard", "profiles", runtime=tmp_path, config=tmp_path)
    assert result.returncode == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(load_idcard_profiles())


def test_the_demo_holders_id_cards_match_their_records() -> None:
    idcards = load_idcard_profiles()
    holders = load_simulated_cards()
    assert {key for key, *_ in DEMO_APPLICATIONS} <= set(idcards)
    for key, holder in holders.items():
        card = idcards[key].card
        assert card.id_number == holder.ss_number, key
        assert (card.sex, card.ethnicity, card.birth_date) == (
            holder.sex,
            holder.ethnicity,
            holder.birth_date,
        ), key
        assert card.address == holder.address, key
        # A name longer than the field holds its first 15 characters.
        assert card.name == holder.name[:NAME_FIELD_CHARACTERS], key


def test_there_is_a_card_of_each_type_an_expired_one_an_agent_and_a_guardian() -> None:
    cards = {key: profile.card for key, profile in load_idcard_profiles().items()}
    assert {card.card_type for card in cards.values()} == set(CardType)
    assert [key for key, card in cards.items() if card.expired()] == ["ma_lin_expired"]
    assert {"li_si", "liu_jianguo"} <= set(cards)
    assert any(card.long_term for card in cards.values())
