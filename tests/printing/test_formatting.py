"""Amounts as ¥20.00 and in Chinese capitals, dates as YYYY-MM-DD, times in local time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from counter_app.printing import formatting


@pytest.mark.parametrize(
    ("value", "figures"),
    [("20", "¥20.00"), ("0", "¥0.00"), ("35.5", "¥35.50"), ("1234.567", "¥1,234.57")],
)
def test_amount_in_figures(value: str, figures: str) -> None:
    assert formatting.amount(Decimal(value)) == figures


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0", "零元整"),
        ("20", "贰拾元整"),
        ("10", "壹拾元整"),
        ("35", "叁拾伍元整"),
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("10.05", "壹拾元零伍分"),
        ("1005.50", "壹仟零伍元伍角整"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("100005", "壹拾万零伍元整"),
        ("101000000", "壹亿零壹佰万元整"),
        ("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
    ],
)
def test_amount_in_words(value: str, words: str) -> None:
    assert formatting.amount_in_words(Decimal(value)) == words


def test_a_negative_amount_is_refused() -> None:
    with pytest.raises(ValueError, match="amount"):
        formatting.amount(Decimal("-1"))


def test_day() -> None:
    assert formatting.day(date(2024, 6, 3)) == "2024-06-03"


@pytest.fixture
def in_shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_aware_time_is_shown_in_local_time(in_shanghai: None) -> None:
    stored = datetime(2024, 6, 3, 1, 30, tzinfo=UTC)  # the database keeps UTC
    assert formatting.moment(stored) == "2024-06-03 09:30"


def test_a_naive_time_is_taken_as_local(in_shanghai: None) -> None:
    assert formatting.moment(datetime(2024, 6, 3, 9, 30, 59)) == "2024-06-03 09:30"
