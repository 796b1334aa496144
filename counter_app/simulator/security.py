"""The keys of simulated third-generation cards and PSAMs, from simulated_cards.toml.

The card profiles (`[cards.*]`, loaded by counter_app.resources.simulated_cards) say what a
card holds; the `[keys.*]`, `[security.*]` and `[psams.*]` tables of the same file say how a
3.0 card is personalised and what each simulated PSAM holds (see the comments there).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from counter_app.card import crypto
from counter_app.card.authentication import card_factor, city_factor, province_factor
from counter_app.resources.simulated_cards import SIMULATED_CARDS_FILE, SimulatedCard

ALGORITHMS = {"3DES": crypto.ALGORITHM_3DES, "SM4": crypto.ALGORITHM_SM4}
DEFAULT_ROOTS = "national"
DEFAULT_TRIES = 3


@dataclass(frozen=True)
class RootKeys:
    irk: bytes
    rksse: bytes


@dataclass(frozen=True)
class CardSecurity:
    """How one 3.0 card was personalised: its algorithm, its diversified keys, its tries."""

    algorithm: int
    irk: bytes  # diversified for this card
    rksse: bytes
    rksse_tries: int


@dataclass(frozen=True)
class PsamProfile:
    key: str
    label: str
    roots: str
    levels: int
    region: str
    terminal_number: str
    protocol: str = "T1"
    atr_historical: str = "0050534D33000000000000"  # "PSM3"

    kind = "psam"


@dataclass(frozen=True)
class Security:
    keys: dict[str, RootKeys]
    cards: dict[str, dict[str, Any]]
    psams: dict[str, PsamProfile]


@cache
def load_security(path: Path = SIMULATED_CARDS_FILE) -> Security:
    tables = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = {
        name: RootKeys(bytes.fromhex(table["irk"]), bytes.fromhex(table["rksse"]))
        for name, table in tables.get("keys", {}).items()
    }
    psams = {key: _psam(key, table, keys) for key, table in tables.get("psams", {}).items()}
    cards = tables.get("security", {})
    for key, table in cards.items():
        if unknown := sorted(set(table) - {"algorithm", "roots", "irk_roots", "rksse_tries"}):
            raise ValueError(f"security of card {key}: unknown keys {', '.join(unknown)}")
    return Security(keys, cards, psams)


def _psam(key: str, table: dict[str, Any], keys: dict[str, RootKeys]) -> PsamProfile:
    profile = PsamProfile(key=key, **table)
    if profile.roots not in keys:
        raise ValueError(f"PSAM {key}: no key set {profile.roots!r}")
    if profile.levels not in (1, 2, 3):
        raise ValueError(f"PSAM {key}: levels must be 1, 2 or 3")
    if len(profile.terminal_number) != 12 or not profile.terminal_number.isdigit():
        raise ValueError(f"PSAM {key}: terminal_number must be 12 digits")
    if profile.protocol not in ("T0", "T1"):
        raise ValueError(f"PSAM {key}: protocol must be T0 or T1")
    return profile


def psam_profiles() -> dict[str, PsamProfile]:
    return load_security().psams


def is_third_generation(card: SimulatedCard) -> bool:
    return card.spec_version.startswith("3")


def card_security(card: SimulatedCard, historical: bytes) -> CardSecurity | None:
    """The keys a 3.0 card was personalised with; None for older cards (no read key)."""
    if not is_third_generation(card):
        return None
    security = load_security()
    table = security.cards.get(card.key, {})
    algorithm_name = table.get("algorithm", "SM4")
    if algorithm_name not in ALGORITHMS:
        raise ValueError(f"card {card.key}: algorithm must be one of {', '.join(ALGORITHMS)}")
    rule = crypto.rule_for(ALGORITHMS[algorithm_name])
    roots = table.get("roots", DEFAULT_ROOTS)
    irk_roots = table.get("irk_roots", roots)
    for name in (roots, irk_roots):
        if name not in security.keys:
            raise ValueError(f"card {card.key}: no key set {name!r}")
    factors = [
        province_factor(card.card_id_code),
        city_factor(card.card_id_code),
        card_factor(historical),
    ]
    return CardSecurity(
        algorithm=rule.algorithm,
        irk=rule.diversify(security.keys[irk_roots].irk, factors),
        rksse=rule.diversify(security.keys[roots].rksse, factors),
        rksse_tries=int(table.get("rksse_tries", DEFAULT_TRIES)),
    )


def held_key(root: bytes, rule: crypto.CipherRule, levels: int, region: str) -> bytes:
    """What a PSAM holding keys at `levels` levels holds: the root diversified for its region
    down to the level above the card (3: the root; 2: the province's; 1: the city's)."""
    above = [province_factor(region), city_factor(region)][: 3 - levels]
    return rule.diversify(root, above)
