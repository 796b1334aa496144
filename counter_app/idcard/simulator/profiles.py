"""The simulated reader's ID cards (resources/simulated_idcards.toml), as IdCard values."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import counter_app.resources
from counter_app.idcard.card import LONG_TERM, CardType, IdCard
from counter_app.idcard.layouts import encode_text
from counter_app.idcard.reader import PHOTO_SIZE

SIMULATED_IDCARDS_FILE = Path(counter_app.resources.__file__).with_name("simulated_idcards.toml")


@dataclass(frozen=True)
class IdCardProfile:
    key: str
    label: str
    card: IdCard

    @property
    def text(self) -> bytes:
        return encode_text(self.card)


def load_idcard_profiles(path: Path = SIMULATED_IDCARDS_FILE) -> dict[str, IdCardProfile]:
    """Every card, by key, in the file's order; ValueError naming a card that cannot exist."""
    tables = tomllib.loads(path.read_text(encoding="utf-8"))["idcards"]
    return {key: _profile(key, dict(table)) for key, table in tables.items()}


def placeholder_photo(key: str) -> bytes:
    """1024 bytes standing in for the WLT photo: distinct per card, not a decodable image."""
    seed = hashlib.sha256(key.encode()).digest()
    return (seed * (PHOTO_SIZE // len(seed) + 1))[:PHOTO_SIZE]


def _profile(key: str, table: dict[str, Any]) -> IdCardProfile:
    label = table.pop("label", key)
    try:
        table["card_type"] = CardType(table["card_type"])
        if table["valid_to"] == LONG_TERM:
            table["valid_to"] = None
        for name in ("birth_date", "valid_from", "valid_to"):
            if table[name] is not None and not isinstance(table[name], date):
                raise ValueError(f"{name} must be a date")
        table.setdefault("ethnicity", None)
        for name in ("address", "issuing_authority"):  # foreign cards carry none
            table.setdefault(name, None)
        card = IdCard(**table, photo=placeholder_photo(key))
        encode_text(card)  # a value the card's fields cannot hold is refused here
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"the simulated ID card {key!r} is not valid: {error}") from None
    return IdCardProfile(key, label, card)
