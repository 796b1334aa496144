"""The typed answers of the steps, and what they amount to: the holder, who acts for them, the
reason, the fee. Steps parse their own values (`Step.answer`); everything past a step reads
its answer through these functions, never the step's text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from counter_app.domain import idnumber
from counter_app.domain.application import REASONS_BY_BUSINESS, Business, Reason
from counter_app.domain.card import LossAction
from counter_app.domain.details import CardCheck, Correction, FeeChoice
from counter_app.domain.person import DocumentType, Holder, Representative
from counter_app.domain.rules import ZERO
from counter_app.workflows.names import Representation, StepId

if TYPE_CHECKING:
    from counter_app.workflows.flow import Flow

FIXED_REASONS = {Business.REISSUE: Reason.LOST}


@dataclass(frozen=True)
class ReasonAnswer:
    reason: Reason | None
    follows_correction: int | None = None  # the approved correction this replacement follows


@dataclass(frozen=True)
class HolderAnswer:
    holder: Holder
    representation: Representation  # who acts for the holder


@dataclass(frozen=True)
class ChosenCard:
    """The card a reissue replaces."""

    card_number: str


@dataclass(frozen=True)
class Materials:
    provided: dict[str, bool]  # every material of the checklist, by code


@dataclass(frozen=True)
class ReceiptAnswer:
    receipt_no: str  # normalised


@dataclass(frozen=True)
class CollectorAnswer:
    representation: Representation
    holder_document_number: str  # the holder's document shown, upper-case; empty with an agent


@dataclass(frozen=True)
class CardRead:
    """The new card handed over at pickup, as its chip reads."""

    card_number: str
    name: str
    ssn: str


@dataclass(frozen=True)
class LossActionAnswer:
    card_number: str
    action: LossAction
    called_on: date | None  # the day of the hotline call


E = TypeVar("E", bound=StrEnum)


def member(enum: type[E], text: str, default: E) -> E:
    """The enum member a choice's text names; `default` for an empty or unknown one."""
    return enum(text) if text in {m.value for m in enum} else default


def reason(flow: Flow) -> Reason | None:
    if flow.business in FIXED_REASONS:
        return FIXED_REASONS[flow.business]
    answered = flow.answer(StepId.REASON, ReasonAnswer)
    return answered.reason if answered else None


def follows_correction(flow: Flow) -> int | None:
    answered = flow.answer(StepId.REASON, ReasonAnswer)
    return answered.follows_correction if answered else None


def holder(flow: Flow) -> Holder | None:
    """The holder as their document names them (None in a business without a holder step)."""
    answered = flow.answer(StepId.HOLDER, HolderAnswer)
    return answered.holder if answered else None


def representation(flow: Flow) -> Representation:
    """Who acts for the holder: asked on the holder step, or on the collector step (pickup)."""
    if flow.business is Business.PICKUP:
        collector = flow.answer(StepId.COLLECTOR, CollectorAnswer)
        return collector.representation if collector else Representation.NONE
    answered = flow.answer(StepId.HOLDER, HolderAnswer)
    return answered.representation if answered else Representation.NONE


def representative(flow: Flow) -> Representative | None:
    return flow.answer(StepId.REPRESENTATIVE, Representative)


def card_check(flow: Flow) -> CardCheck | None:
    return flow.answer(StepId.OLD_CARD, CardCheck)


def old_card_number(flow: Flow) -> str | None:
    """The card a replacement or a reissue replaces."""
    if (check := card_check(flow)) is not None:
        return check.card_number or None
    chosen = flow.answer(StepId.LOSS, ChosenCard)
    return chosen.card_number or None if chosen else None


def correction(flow: Flow) -> Correction | None:
    return flow.answer(StepId.CORRECTION, Correction)


def materials(flow: Flow) -> dict[str, bool]:
    answered = flow.answer(StepId.MATERIALS, Materials)
    return dict(answered.provided) if answered else {}


def derived_from_number(document: DocumentType, number: str) -> dict[str, str]:
    """Sex and birth date a resident ID number states, so the clerk does not type them."""
    if document is not DocumentType.RESIDENT_ID:
        return {}
    try:
        valid = idnumber.validate(number)
    except ValueError:
        return {}
    return {"sex": idnumber.sex(valid).value, "birth_date": idnumber.birth_date(valid).isoformat()}


def rules_fee(flow: Flow) -> Decimal:
    """The fee the rules ask before any waiver (none before a reason is chosen)."""
    chosen = reason(flow)
    if chosen is None and REASONS_BY_BUSINESS[flow.business]:
        return ZERO
    return flow.context.rules.fee_for(flow.business, chosen)


def fee(flow: Flow) -> FeeChoice | None:
    """The fee as settled: the fee step's answer, or the rules' fee where no step asks (none
    before a reason is chosen)."""
    if reason(flow) is None:
        return None
    return flow.answer(StepId.FEE, FeeChoice) or FeeChoice(rules_fee(flow))


def fee_due(flow: Flow) -> Decimal:
    """What the customer pays: the rules' fee, 0.00 with a waiver."""
    settled = fee(flow)
    return settled.amount if settled else rules_fee(flow)


def has_fee(flow: Flow) -> bool:
    return flow.business in {Business.REPLACEMENT, Business.REISSUE, Business.CORRECTION} and (
        reason(flow) is not None and rules_fee(flow) > ZERO
    )
