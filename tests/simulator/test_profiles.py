"""The shipped card profiles: valid numbers, every quirk present, the demo's cards kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.domain import cardnumber, idnumber
from counter_app.resources.simulated_cards import (
    SimulatedBankCard,
    SimulatedCard,
    load_profiles,
    load_simulated_cards,
)
from counter_app.services.demo import DEMO_APPLICATIONS
from counter_app.simulator.sscard import SocialSecurityCard

PROFILES = load_profiles()
CARDS = load_simulated_cards()


def test_the_demo_outlets_cards_are_all_social_security_cards() -> None:
    assert {key for key, *_ in DEMO_APPLICATIONS} <= set(CARDS)
    assert "bank_debit" not in CARDS
    assert isinstance(PROFILES["bank_debit"], SimulatedBankCard)


@pytest.mark.parametrize("key", sorted(CARDS))
def test_numbers_carry_valid_check_characters(key: str) -> None:
    card = CARDS[key]
    assert idnumber.validate(card.ss_number) == card.ss_number
    assert cardnumber.validate(card.card_number) == card.card_number
    assert idnumber.birth_date(card.ss_number) == card.birth_date
    assert idnumber.sex(card.ss_number).value == card.sex


def test_numbers_are_unique() -> None:
    assert len({card.ss_number for card in CARDS.values()}) == len(CARDS)
    assert len({card.card_number for card in CARDS.values()}) == len(CARDS)
    assert len({p.atr_historical for p in PROFILES.values()}) == len(PROFILES)


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_every_profile_makes_a_card(key: str) -> None:
    assert len(SocialSecurityCard(PROFILES[key]).atr) == 17


def test_every_quirk_has_a_profile() -> None:
    cards = list(CARDS.values())
    assert any(card.protocol == "T0" for card in cards)
    assert any(card.ssse_as_mf for card in cards)
    assert any(card.locked for card in cards)
    assert any(card.spec_version.startswith("3") for card in cards)
    assert any(card.spec_version == "" for card in cards)
    assert any(len(card.name.encode("gb18030")) > 30 for card in cards)
    rare = [card for card in cards if any(len(c.encode("gb18030")) == 4 for c in card.name)]
    assert rare, "a name with a four-byte GB18030 character"


def write(tmp_path: Path, table: str) -> Path:
    path = tmp_path / "cards.toml"
    path.write_text(table, encoding="utf-8")
    return path


def test_a_bank_card_needs_only_a_label_and_its_atr(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[cards.b]\nkind = "bank"\nlabel = "x"\natr_historical = "00"\nprotocol = "T0"'
    )
    assert load_profiles(path) == {"b": SimulatedBankCard("b", "x", "00", "T0")}
    assert load_simulated_cards(path) == {}


@pytest.mark.parametrize(
    "table, message",
    [
        ('[cards.b]\nkind = "atm"\nlabel = "x"\natr_historical = "00"', "kind"),
        ('[cards.b]\nkind = "bank"\nlabel = "x"\natr_historical = "00"\nlockd = true', "lockd"),
        ('[cards.b]\nkind = "bank"\nlabel = "x"', "atr_historical"),
        ('[cards.b]\nkind = "bank"\nlabel = "x"\natr_historical = "00"\nprotocol = "T2"', "T2"),
    ],
)
def test_a_bad_profile_is_refused_with_its_key_named(
    tmp_path: Path, table: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        load_profiles(write(tmp_path, table))


def test_social_security_card_quirks_default_to_an_ordinary_card() -> None:
    card = CARDS["wang_xiaoming"]
    assert isinstance(card, SimulatedCard)
    assert (card.protocol, card.ssse_as_mf, card.locked) == ("T1", False, False)
