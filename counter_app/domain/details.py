"""What an application keeps of its business beyond its columns: the holder as the document
named them, who acted for them, the old card's check, a correction, the fee and the materials,
and the flow's own snapshot (for resuming a draft).

Typed here, read and written as JSON only by `to_json` / `from_json`: every other module reads
the attributes. Reading is lenient (a part a draft has not reached yet is absent or None) and
writing keeps the keys earlier versions wrote, so stored drafts load and resume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from counter_app.domain.person import (
    DocumentType,
    Holder,
    Representative,
    RepresentativeRole,
    Sex,
)


@dataclass(frozen=True)
class CardCheck:
    """The old card read (or typed from its face) and compared with the holder's document."""

    card_number: str
    unreadable: bool = False
    differences: tuple[str, ...] = ()  # the items that differ: "name", "sex", ...
    override_by: str | None = None  # the supervisor's staff number who accepted a difference
    override_reason: str | None = None


@dataclass(frozen=True)
class CorrectedValue:
    field: str  # "id_number", "name", "sex", ...
    old: str
    new: str


@dataclass(frozen=True)
class Correction:
    items: tuple[CorrectedValue, ...] = ()
    certificate_no: str | None = None
    certificate_office: str | None = None


@dataclass(frozen=True)
class FeeChoice:
    """The fee as the clerk settled it: what is due, and the waiver with its proof."""

    amount: Decimal
    waiver: str | None = None  # a waiver code of the rules
    waiver_proof: str | None = None  # the number of the document proving the waiver


@dataclass(frozen=True)
class ApplicationDetails:
    holder: Holder | None = None
    representative: Representative | None = None
    card_check: CardCheck | None = None
    fee: FeeChoice | None = None
    correction: Correction | None = None
    materials: dict[str, bool] = field(default_factory=dict)  # material code → provided
    flow: dict[str, Any] = field(default_factory=dict)  # the flow's snapshot, opaque here

    @property
    def step(self) -> str:
        """The step the clerk stopped at."""
        return str(self.flow.get("step", ""))


def to_json(details: ApplicationDetails) -> dict[str, Any]:
    holder, agent, check = details.holder, details.representative, details.card_check
    fee, correction = details.fee, details.correction
    return {
        "flow": details.flow,
        "holder": {
            "name": holder.name,
            "document_type": holder.document_type.value,
            "document_number": holder.document_number,
            "sex": holder.sex.value if holder.sex else None,
            "birth_date": holder.birth_date.isoformat() if holder.birth_date else None,
        }
        if holder
        else None,
        "representative": {
            "kind": agent.role.value,
            "name": agent.name,
            "document_type": agent.document_type.value,
            "document_number": agent.document_number,
            "relationship": agent.relationship,
        }
        if agent
        else None,
        "card_check": {
            "card_number": check.card_number,
            "unreadable": check.unreadable,
            "differences": list(check.differences),
            "override_by": check.override_by,
            "override_reason": check.override_reason,
        }
        if check
        else None,
        "fee": {
            "amount": f"{fee.amount:.2f}",
            "waiver": fee.waiver,
            "waiver_proof": fee.waiver_proof,
        }
        if fee
        else None,
        "correction": {
            "items": [{"field": i.field, "old": i.old, "new": i.new} for i in correction.items],
            "certificate_no": correction.certificate_no,
            "certificate_office": correction.certificate_office,
        }
        if correction
        else None,
        "materials": dict(details.materials),
    }


def from_json(stored: dict[str, Any] | None) -> ApplicationDetails:
    """The details a row keeps; parts missing or malformed read as absent, never an error."""
    stored = stored if isinstance(stored, dict) else {}
    flow = stored.get("flow")
    materials = stored.get("materials")
    return ApplicationDetails(
        holder=_holder(_part(stored, "holder")),
        representative=_representative(_part(stored, "representative")),
        card_check=_card_check(_part(stored, "card_check")),
        fee=_fee(_part(stored, "fee")),
        correction=_correction(_part(stored, "correction")),
        materials={str(k): bool(v) for k, v in materials.items()}
        if isinstance(materials, dict)
        else {},
        flow=flow if isinstance(flow, dict) else {},
    )


def _part(stored: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = stored.get(key)
    return value if isinstance(value, dict) else None


def _text(part: dict[str, Any], key: str) -> str | None:
    value = part.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _document_type(part: dict[str, Any]) -> DocumentType:
    value = part.get("document_type")
    return (
        DocumentType(value)
        if value in DocumentType._value2member_map_
        else (DocumentType.RESIDENT_ID)
    )


def _holder(part: dict[str, Any] | None) -> Holder | None:
    if part is None:
        return None
    sex = part.get("sex")
    birth = _text(part, "birth_date")
    try:
        born = date.fromisoformat(birth) if birth else None
    except ValueError:
        born = None
    return Holder(
        name=_text(part, "name") or "",
        document_type=_document_type(part),
        document_number=_text(part, "document_number") or "",
        sex=Sex(sex) if sex in Sex._value2member_map_ else None,
        birth_date=born,
    )


def _representative(part: dict[str, Any] | None) -> Representative | None:
    if part is None or part.get("kind") not in RepresentativeRole._value2member_map_:
        return None
    return Representative(
        role=RepresentativeRole(part["kind"]),
        name=_text(part, "name") or "",
        document_type=_document_type(part),
        document_number=_text(part, "document_number") or "",
        relationship=_text(part, "relationship") or "",
    )


def _card_check(part: dict[str, Any] | None) -> CardCheck | None:
    if part is None:
        return None
    differences = part.get("differences")
    return CardCheck(
        card_number=_text(part, "card_number") or "",
        unreadable=part.get("unreadable") is True,
        differences=tuple(str(d) for d in differences) if isinstance(differences, list) else (),
        override_by=_text(part, "override_by"),
        override_reason=_text(part, "override_reason"),
    )


def _fee(part: dict[str, Any] | None) -> FeeChoice | None:
    if part is None:
        return None
    try:
        amount = Decimal(str(part.get("amount", "0")))
    except InvalidOperation:
        amount = Decimal("0.00")  # a waiver is still a waiver when the amount is unreadable
    return FeeChoice(amount, _text(part, "waiver"), _text(part, "waiver_proof"))


def _correction(part: dict[str, Any] | None) -> Correction | None:
    if part is None:
        return None
    items = part.get("items")
    return Correction(
        items=tuple(
            CorrectedValue(
                str(item.get("field", "")), str(item.get("old", "")), str(item.get("new", ""))
            )
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict)
        ),
        certificate_no=_text(part, "certificate_no"),
        certificate_office=_text(part, "certificate_office"),
    )
