"""The simulator's cards, shared by the card simulator and the demo outlet's data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

SIMULATED_CARDS_FILE = Path(__file__).with_name("simulated_cards.toml")


@dataclass(frozen=True)
class SimulatedCard:
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


def load_simulated_cards(path: Path = SIMULATED_CARDS_FILE) -> dict[str, SimulatedCard]:
    tables = tomllib.loads(path.read_text(encoding="utf-8"))["cards"]
    names = {field.name for field in fields(SimulatedCard)} - {"key"}
    return {
        key: SimulatedCard(key=key, **{name: table[name] for name in names})
        for key, table in tables.items()
    }
