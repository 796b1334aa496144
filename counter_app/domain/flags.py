"""What makes an application worth a supervisor's second look, read from its details."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from counter_app.domain.details import ApplicationDetails


class Flag(StrEnum):
    CARD_OVERRIDE = "card_override"  # card data and the document disagreed, overridden
    FEE_WAIVED = "fee_waived"
    AGENT = "agent"  # an agent or a guardian acted for the holder
    ID_CORRECTION = "id_correction"  # the ID number itself is corrected


# Stored as one integer column so the queue can filter with a bitwise AND in SQL.
BITS: dict[Flag, int] = {flag: 1 << position for position, flag in enumerate(Flag)}


def application_flags(details: ApplicationDetails) -> frozenset[Flag]:
    flags = set()
    if details.card_check and details.card_check.override_reason:
        flags.add(Flag.CARD_OVERRIDE)
    if details.fee and details.fee.waiver:
        flags.add(Flag.FEE_WAIVED)
    if details.representative:
        flags.add(Flag.AGENT)
    if details.correction and any(i.field == "id_number" for i in details.correction.items):
        flags.add(Flag.ID_CORRECTION)
    return frozenset(flags)


def to_bits(flags: Iterable[Flag]) -> int:
    return sum(BITS[flag] for flag in set(flags))


def from_bits(bits: int) -> frozenset[Flag]:
    return frozenset(flag for flag, bit in BITS.items() if bits & bit)
