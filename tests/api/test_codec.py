"""The wire codec: every kind of value the interface's answers hold, there and back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import Enum

import pytest

from counter_app.api.codec import decode, encode
from counter_app.domain.rules import LocalityRules
from counter_app.resources import load_rules


class Colour(Enum):
    RED = "red"


@dataclass(frozen=True)
class Inner:
    amount: Decimal
    when: date | None = None


@dataclass(frozen=True)
class Everything:
    inner: Inner
    items: tuple[Inner, ...]
    pair: tuple[int, str]
    names: list[str]
    flags: frozenset[Colour]
    by_colour: dict[Colour, int]
    by_pair: dict[tuple[Colour, str | None], Decimal]
    waiting: timedelta
    at: datetime
    key: uuid.UUID
    blob: bytes
    either: int | str
    maybe: Inner | None = None
    extra: dict[str, object] = field(default_factory=dict)


def test_every_kind_goes_there_and_back() -> None:
    value = Everything(
        inner=Inner(Decimal("20.00"), date(2026, 3, 1)),
        items=(Inner(Decimal("0.50")),),
        pair=(1, "one"),
        names=["王芳"],
        flags=frozenset({Colour.RED}),
        by_colour={Colour.RED: 3},
        by_pair={(Colour.RED, None): Decimal("1.00")},
        waiting=timedelta(minutes=90, microseconds=5),
        at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        key=uuid.uuid4(),
        blob=b"%PDF-\x00\xff",
        either="text",
        extra={"step": "fee", "n": [1, 2]},
    )
    wire = encode(value)
    assert wire["inner"] == {"amount": "20.00", "when": "2026-03-01"}
    assert wire["by_pair"] == [[["red", None], "1.00"]]
    assert decode(Everything, wire) == value


def test_the_rules_cross_whole() -> None:
    rules = load_rules()
    assert decode(LocalityRules, encode(rules)) == rules


@pytest.mark.parametrize(
    ("kind", "wire"),
    [(int, "1"), (int, True), (str, 1), (Inner, {"amount": "1", "colour": "red"}), (bytes, "*")],
)
def test_what_is_not_of_the_type_is_refused(kind: object, wire: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        decode(kind, wire)
