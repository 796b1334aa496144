"""What a flow's answers amount to, derived in one place for the steps, the runner and the
records: the holder, who acts for them, the reason, the fee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from counter_app.domain import idnumber
from counter_app.domain.application import REASONS_BY_BUSINESS, Business, Reason
from counter_app.domain.person import DocumentType, Sex
from counter_app.domain.rules import ZERO
from counter_app.workflows.checks import parse_date
from counter_app.workflows.names import Representation, StepId

if TYPE_CHECKING:
    from counter_app.workflows.flow import Flow

FIXED_REASONS = {Business.REISSUE: Reason.LOST}


@dataclass(frozen=True)
class HolderFacts:
    document_type: DocumentType
    document_number: str
    name: str
    sex: Sex
    birth_date: date | None
    ethnicity: str | None
    address: str | None
    phone: str | None


E = TypeVar("E", bound=StrEnum)


def member(enum: type[E], text: str, default: E) -> E:
    """The enum member a choice's text names; `default` for an empty or unknown one."""
    return enum(text) if text in {m.value for m in enum} else default


def reason(flow: Flow) -> Reason | None:
    if flow.business in FIXED_REASONS:
        return FIXED_REASONS[flow.business]
    text = flow.get(StepId.REASON, "reason")
    return Reason(text) if text in {r.value for r in Reason} else None


def document_type(flow: Flow, step_id: str = StepId.HOLDER) -> DocumentType:
    return member(DocumentType, flow.get(step_id, "document_type"), DocumentType.RESIDENT_ID)


def holder_number(flow: Flow) -> str:
    """The holder's document number as stored (upper-case, trimmed)."""
    return flow.get(StepId.HOLDER, "document_number").strip().upper()


def holder(flow: Flow) -> HolderFacts:
    values = flow.values.get(StepId.HOLDER, {})
    return HolderFacts(
        document_type=document_type(flow),
        document_number=holder_number(flow),
        name=values.get("name", "").strip(),
        sex=member(Sex, values.get("sex", ""), Sex.UNSPECIFIED),
        birth_date=parse_date(values.get("birth_date", "")),
        ethnicity=values.get("ethnicity", "").strip() or None,
        address=values.get("address", "").strip() or None,
        phone=values.get("phone", "").strip() or None,
    )


def representation(flow: Flow) -> Representation:
    """Who acts for the holder: asked on the holder step, or on the collector step (pickup)."""
    source = StepId.COLLECTOR if flow.business is Business.PICKUP else StepId.HOLDER
    text = flow.get(source, "representative" if source is StepId.HOLDER else "collector")
    return member(Representation, text, Representation.NONE)


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


def waiver(flow: Flow) -> str | None:
    return flow.get(StepId.FEE, "waiver") or None


def fee_due(flow: Flow) -> Decimal:
    """What the customer pays: the rules' fee, 0.00 with a waiver."""
    code = waiver(flow)
    if code is None or code not in flow.context.rules.waivers:
        return rules_fee(flow)
    return ZERO


def has_fee(flow: Flow) -> bool:
    return flow.business in {Business.REPLACEMENT, Business.REISSUE, Business.CORRECTION} and (
        reason(flow) is not None and rules_fee(flow) > ZERO
    )
