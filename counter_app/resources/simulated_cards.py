"""The simulator's cards, shared by the card simulator and the demo outlet's data."""

from __future__ import annotations

import tomllib
from dataclasses import MISSING, dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Literal

SIMULATED_CARDS_FILE = Path(__file__).with_name("simulated_cards.toml")

CardProtocol = Literal["T0", "T1"]
_PROTOCOLS = ("T0", "T1")


@dataclass(frozen=True)
class SimulatedCard:
    """A social security card profile: its chip's data, its holder, and the chip's quirks."""

    key: str
    label: str
    spec_version: str  # "" for a 1.0 card
    card_type: str
    card_number: str
    card_id_code: str
    atr_historical: str
    init_org: str
    issue_date: date
    expiry_date: date
    ss_number: str
    name: str
    sex: str
    ethnicity: str
    birthplace: str
    birth_date: date
    address: str
    phone: str
    protocol: CardProtocol = "T1"
    ssse_as_mf: bool = False
    locked: bool = False

    kind: ClassVar[str] = "sscard"


@dataclass(frozen=True)
class SimulatedBankCard:
    """A bank debit card with no social security application (only the UnionPay one)."""

    key: str
    label: str
    atr_historical: str
    protocol: CardProtocol = "T1"

    kind: ClassVar[str] = "bank"


CardProfile = SimulatedCard | SimulatedBankCard
_KINDS: dict[str, type[SimulatedCard] | type[SimulatedBankCard]] = {
    "sscard": SimulatedCard,
    "bank": SimulatedBankCard,
}


def load_profiles(path: Path = SIMULATED_CARDS_FILE) -> dict[str, CardProfile]:
    """Every card the simulator can put in a reader, by key, in the file's order."""
    tables = tomllib.loads(path.read_text(encoding="utf-8"))["cards"]
    return {key: _profile(key, table) for key, table in tables.items()}


def load_simulated_cards(path: Path = SIMULATED_CARDS_FILE) -> dict[str, SimulatedCard]:
    """The social security cards only: the ones whose holders the demo data can register."""
    return {
        key: profile
        for key, profile in load_profiles(path).items()
        if isinstance(profile, SimulatedCard)
    }


def _profile(key: str, table: dict[str, Any]) -> CardProfile:
    values = dict(table)
    kind = values.pop("kind", "sscard")
    if kind not in _KINDS:
        raise ValueError(f"card {key}: kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    cls = _KINDS[kind]
    known = {field.name for field in fields(cls)} - {"key"}
    required = {
        field.name
        for field in fields(cls)
        if field.default is MISSING and field.default_factory is MISSING
    } - {"key"}
    # A misspelt quirk would otherwise be dropped silently and the card would behave normally.
    if unknown := sorted(set(values) - known):
        raise ValueError(f"card {key}: unknown keys {', '.join(unknown)}")
    if missing := sorted(required - set(values)):
        raise ValueError(f"card {key}: missing keys {', '.join(missing)}")
    if values.get("protocol", "T1") not in _PROTOCOLS:
        raise ValueError(f"card {key}: protocol must be T0 or T1, not {values['protocol']!r}")
    return cls(key=key, **values)
