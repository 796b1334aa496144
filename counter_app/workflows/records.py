"""What a flow leaves behind: the application's details (read by the supervisor's queue and its
flags) and the application form it prints for signature. The documents of a finished business
(voucher, receipt, confirmations) are made by the use case that stores it."""

from __future__ import annotations

from datetime import date

from counter_app.domain.application import Reason
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.rules import Label
from counter_app.printing.data import (
    ApplicationFormData,
    FeeLine,
    FieldCorrection,
    MaterialCheck,
    StaffMember,
)
from counter_app.workflows import facts
from counter_app.workflows.flow import Flow
from counter_app.workflows.steps.paperwork import checklist

CORRECTED_ITEM_LABELS = {
    "id_number": Label("公民身份号码", "ID number"),
    "name": Label("姓名", "Name"),
    "sex": Label("性别", "Sex"),
    "ethnicity": Label("民族", "Ethnicity"),
    "birth_date": Label("出生日期", "Birth date"),
    "address": Label("地址", "Address"),
    "phone": Label("联系电话", "Phone"),
}


def details(flow: Flow) -> ApplicationDetails:
    """Everything the clerk saw and entered, for the draft and the supervisor."""
    return ApplicationDetails(
        holder=facts.holder(flow),
        representative=facts.representative(flow),
        card_check=facts.card_check(flow),
        fee=facts.fee(flow),
        correction=facts.correction(flow),
        materials=facts.materials(flow),
        flow=flow.snapshot(),
    )


def application_form(
    flow: Flow, clerk: StaffMember, applied_on: date, receipt_no: str | None
) -> ApplicationFormData:
    rules = flow.context.rules
    reason = facts.reason(flow)
    provided = facts.materials(flow)
    holder = facts.holder(flow)
    assert holder is not None  # an application's holder step comes before its form
    corrections: tuple[FieldCorrection, ...] = ()
    certificate = None
    correction = facts.correction(flow)
    if reason in {Reason.ID_NUMBER, Reason.NAME, Reason.OTHER_ITEM} and correction is not None:
        corrections = tuple(
            FieldCorrection(CORRECTED_ITEM_LABELS[item.field], item.old, item.new)
            for item in correction.items
        )
        certificate = correction.certificate_no
    return ApplicationFormData(
        outlet=rules.outlet,
        business=flow.business,
        reason=reason,
        holder=holder,
        clerk=clerk,
        applied_on=applied_on,
        receipt_no=receipt_no,
        old_card_number=facts.old_card_number(flow),
        representative=facts.representative(flow),
        materials=tuple(
            MaterialCheck(material.label, required, provided.get(material.code, False))
            for material, required in checklist(flow)
        ),
        fee=fee_line(flow),
        corrections=corrections,
        certificate_no=certificate,
    )


def fee_line(flow: Flow) -> FeeLine:
    settled = facts.fee(flow)
    code = settled.waiver if settled else None
    waiver = flow.context.rules.waivers.get(code) if code else None
    return FeeLine(facts.fee_due(flow), None, waiver.label if waiver else None)
