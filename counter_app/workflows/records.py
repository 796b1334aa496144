"""What a flow leaves behind: the application's details (read by the supervisor's queue and its
flags) and the data of the documents it prints."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType
from counter_app.domain.rules import Label, Outlet
from counter_app.printing.data import (
    ApplicationFormData,
    FeeLine,
    FieldCorrection,
    Holder,
    LossReportConfirmationData,
    MaterialCheck,
    PaymentVoucherData,
    PickupConfirmationData,
    Representative,
    RepresentativeRole,
    StaffMember,
)
from counter_app.workflows import facts
from counter_app.workflows.fields import ticked
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import Representation, StepId
from counter_app.workflows.steps.cards import OldCardStep
from counter_app.workflows.steps.correction import old_and_new
from counter_app.workflows.steps.paperwork import MATERIAL_PREFIX, checklist

CORRECTED_ITEM_LABELS = {
    "id_number": Label("公民身份号码", "ID number"),
    "name": Label("姓名", "Name"),
    "sex": Label("性别", "Sex"),
    "ethnicity": Label("民族", "Ethnicity"),
    "birth_date": Label("出生日期", "Birth date"),
    "address": Label("地址", "Address"),
    "phone": Label("联系电话", "Phone"),
}


def representative(flow: Flow) -> Representative | None:
    kind = facts.representation(flow)
    if kind is Representation.NONE:
        return None
    values = flow.values[StepId.REPRESENTATIVE]
    return Representative(
        role=RepresentativeRole(kind.value),
        name=values.get("name", "").strip(),
        document_type=facts.document_type(flow, StepId.REPRESENTATIVE),
        document_number=values.get("document_number", "").strip().upper(),
        relationship=values.get("relationship", "").strip(),
        phone=values.get("phone", "").strip() or None,
    )


def representative_record(flow: Flow) -> dict[str, str] | None:
    """Who acts for the holder, as the application's details keep it."""
    agent = representative(flow)
    if agent is None:
        return None
    return {
        "kind": agent.role.value,
        "name": agent.name,
        "document_type": agent.document_type.value,
        "document_number": agent.document_number,
        "relationship": agent.relationship,
    }


def holder(flow: Flow) -> Holder:
    person = facts.holder(flow)
    return Holder(
        name=person.name,
        document_type=person.document_type,
        document_number=person.document_number,
        sex=person.sex,
        ethnicity=person.ethnicity,
        birth_date=person.birth_date,
        address=person.address,
        phone=person.phone,
    )


def old_card_number(flow: Flow) -> str | None:
    if OldCardStep().applies(flow):
        return OldCardStep().card_number(flow) or None
    if flow.business is Business.REISSUE:
        return flow.get(StepId.LOSS, "card").strip().upper() or None
    return None


def card_check(flow: Flow) -> dict[str, Any] | None:
    step = OldCardStep()
    if not step.applies(flow):
        return None
    values = flow.values[StepId.OLD_CARD]
    return {
        "card_number": step.card_number(flow),
        "unreadable": ticked(values.get("unreadable")),
        "differences": [] if ticked(values.get("unreadable")) else step.card_differences(flow),
        "override_by": values.get("override_by") or None,
        "override_reason": values.get("override_reason") or None,
    }


def correction(flow: Flow) -> dict[str, Any] | None:
    if StepId.CORRECTION not in flow.completed and not flow.values[StepId.CORRECTION]:
        return None
    item, old, new = old_and_new(flow)
    values = flow.values[StepId.CORRECTION]
    return {
        "items": [{"field": item, "old": old, "new": new}] if item else [],
        "certificate_no": values.get("certificate_no", "").strip() or None,
        "certificate_office": values.get("certificate_office", "").strip() or None,
    }


def materials(flow: Flow) -> dict[str, bool]:
    values = flow.values[StepId.MATERIALS]
    return {
        material.code: ticked(values.get(MATERIAL_PREFIX + material.code))
        for material, _ in checklist(flow)
    }


def details(flow: Flow) -> dict[str, Any]:
    """Everything the clerk saw and entered, for the draft and the supervisor."""
    person = holder(flow)
    return {
        "flow": flow.snapshot(),
        "holder": {
            "name": person.name,
            "document_type": person.document_type.value,
            "document_number": person.document_number,
            "sex": person.sex.value if person.sex else None,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        },
        "representative": representative_record(flow),
        "card_check": card_check(flow),
        "fee": {"amount": f"{facts.fee_due(flow):.2f}", "waiver": facts.waiver(flow)}
        if facts.reason(flow) is not None
        else None,
        "correction": correction(flow),
        "materials": materials(flow),
    }


def application_form(
    flow: Flow, clerk: StaffMember, applied_on: date, receipt_no: str | None
) -> ApplicationFormData:
    rules = flow.context.rules
    reason = facts.reason(flow)
    provided = materials(flow)
    corrections: tuple[FieldCorrection, ...] = ()
    certificate = None
    if reason in {Reason.ID_NUMBER, Reason.NAME, Reason.OTHER_ITEM}:
        item, old, new = old_and_new(flow)
        corrections = (FieldCorrection(CORRECTED_ITEM_LABELS[item], old, new),) if item else ()
        certificate = flow.get(StepId.CORRECTION, "certificate_no").strip() or None
    return ApplicationFormData(
        outlet=rules.outlet,
        business=flow.business,
        reason=reason,
        holder=holder(flow),
        clerk=clerk,
        applied_on=applied_on,
        receipt_no=receipt_no,
        old_card_number=old_card_number(flow),
        representative=representative(flow),
        materials=tuple(
            MaterialCheck(material.label, required, provided.get(material.code, False))
            for material, required in checklist(flow)
        ),
        fee=fee_line(flow),
        corrections=corrections,
        certificate_no=certificate,
    )


def fee_line(flow: Flow, voucher_no: str | None = None) -> FeeLine:
    code = facts.waiver(flow)
    waiver = flow.context.rules.waivers.get(code) if code else None
    return FeeLine(facts.fee_due(flow), voucher_no, waiver.label if waiver else None)


def payment_voucher(
    flow: Flow, receipt_no: str, voucher_no: str, paid_at: datetime, clerk: StaffMember
) -> PaymentVoucherData:
    line = fee_line(flow, voucher_no)
    return PaymentVoucherData(
        outlet=flow.context.rules.outlet,
        receipt_no=receipt_no,
        voucher_no=voucher_no,
        business=flow.business,
        reason=facts.reason(flow),
        payer=(representative(flow) or holder(flow)).name,
        amount=line.amount,
        paid_at=paid_at,
        clerk=clerk,
        waiver=line.waiver,
    )


def pickup_confirmation(
    flow: Flow, collected_at: datetime, clerk: StaffMember
) -> PickupConfirmationData:
    found = flow.context.collectable
    assert found is not None  # the receipt step found it
    return PickupConfirmationData(
        outlet=flow.context.rules.outlet,
        receipt_no=found.receipt_no,
        holder_name=found.holder_name,
        document_type=DocumentType(found.document_type),
        document_number=found.document_number,
        new_card_number=flow.get(StepId.NEW_CARD, "card_number"),
        collected_at=collected_at,
        clerk=clerk,
        collector=representative(flow),
        old_card_number=found.old_card_number,
    )


def loss_confirmation(
    flow: Flow,
    outlet: Outlet,
    kind: LossKind,
    channel: LossChannel,
    reported_at: datetime,
    expires_on: date | None,
    clerk: StaffMember,
) -> LossReportConfirmationData:
    person = holder(flow)
    return LossReportConfirmationData(
        outlet=outlet,
        holder_name=person.name,
        document_type=person.document_type,
        document_number=person.document_number,
        card_number=flow.get(StepId.LOSS_ACTION, "card").strip().upper(),
        kind=kind,
        channel=channel,
        reported_at=reported_at,
        clerk=clerk,
        expires_on=expires_on,
    )
