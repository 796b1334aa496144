"""Flows without Qt or a database: a rules file, a day, and cards made up for each test."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.card.snapshot import CardSnapshot
from counter_app.domain import cardnumber
from counter_app.domain.application import Business
from counter_app.domain.rules import LocalityRules
from counter_app.resources import load_rules
from counter_app.workflows.businesses import start
from counter_app.workflows.context import Context
from counter_app.workflows.flow import Flow

TODAY = date(2026, 11, 23)  # a Monday
HOLDER_NUMBER = "11010519491231002X"  # GB 11643's example: a woman born 1949-12-31


def card_no(first8: str) -> str:
    return first8 + cardnumber.check_character(first8)


def snapshot(
    name: str = "王芳",
    ssn: str = HOLDER_NUMBER,
    sex: str = "2",
    born: date | None = date(1949, 12, 31),
    number: str | None = None,
) -> CardSnapshot:
    return CardSnapshot(
        atr=b"",
        historical_bytes=b"",
        card_id="320100D15600000500A1B2C3D4E5F601",
        card_type="1",
        spec_version="2.00",
        init_org="",
        issue_date=date(2016, 1, 1),
        expiry_date=date(2026, 1, 1),
        card_number=number or card_no("A1234567"),
        algorithm=None,
        ssn=ssn,
        name=name,
        sex=sex,
        birth_date=born,
    )


@pytest.fixture(scope="session")
def rules() -> LocalityRules:
    return load_rules()


@pytest.fixture
def begin(rules: LocalityRules):
    def begin(business: Business) -> Flow:
        return start(business, Context(TODAY, rules))

    return begin


def fill(flow: Flow, **values: str) -> None:
    for name, value in values.items():
        flow.set(name, value)


def holder(flow: Flow, **overrides: str) -> None:
    values = {
        "document_type": "resident_id",
        "document_number": HOLDER_NUMBER,
        "name": "王芳",
        "sex": "2",
        "birth_date": "1949-12-31",
        "representative": "none",
    }
    values.update(overrides)
    fill(flow, **values)
