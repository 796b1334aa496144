"""What makes an application worth a supervisor's second look, read from its `details`.

The workflows write `details` as:
    details["card_check"]["override_reason"]  a supervisor overrode a card/document mismatch
    details["fee"]["waiver"]                  a waiver code, or None
    details["representative"]                 None, or {"kind": "agent" | "guardian", ...}
    details["correction"]["items"]            [{"field": "id_number" | "name" | ..., ...}]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any


class Flag(StrEnum):
    CARD_OVERRIDE = "card_override"  # card data and the document disagreed, overridden
    FEE_WAIVED = "fee_waived"
    AGENT = "agent"  # an agent or a guardian acted for the holder
    ID_CORRECTION = "id_correction"  # the ID number itself is corrected


# Stored as one integer column so the queue can filter with a bitwise AND in SQL.
BITS: dict[Flag, int] = {flag: 1 << position for position, flag in enumerate(Flag)}


def application_flags(details: Mapping[str, Any] | None) -> frozenset[Flag]:
    details = details or {}
    flags = set()
    if _text(_part(details, "card_check").get("override_reason")):
        flags.add(Flag.CARD_OVERRIDE)
    if _part(details, "fee").get("waiver"):
        flags.add(Flag.FEE_WAIVED)
    if details.get("representative"):
        flags.add(Flag.AGENT)
    items = _part(details, "correction").get("items") or []
    if any(isinstance(item, Mapping) and item.get("field") == "id_number" for item in items):
        flags.add(Flag.ID_CORRECTION)
    return frozenset(flags)


def to_bits(flags: Iterable[Flag]) -> int:
    return sum(BITS[flag] for flag in set(flags))


def from_bits(bits: int) -> frozenset[Flag]:
    return frozenset(flag for flag, bit in BITS.items() if bits & bit)


def _part(details: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    # A step not reached yet leaves its part out (or None): no flag, never an error.
    value = details.get(key)
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
