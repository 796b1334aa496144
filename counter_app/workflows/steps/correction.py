"""Correction of holder information: old and new values side by side. A 15-digit number's
18-digit form is computed and shown, never typed."""

from __future__ import annotations

from counter_app.domain import idnumber
from counter_app.domain.application import Business, Reason
from counter_app.domain.details import CorrectedValue, Correction
from counter_app.domain.person import Holder
from counter_app.workflows import facts
from counter_app.workflows.checks import check_date, normalised_document
from counter_app.workflows.fields import Choice, Field, Kind
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import CorrectedItem, StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step
from counter_app.workflows.steps.identity import SEXES, phone_problem

NEEDS_CERTIFICATE = frozenset({Reason.ID_NUMBER, Reason.NAME})


def _holder(flow: Flow) -> Holder:
    holder = facts.holder(flow)
    assert holder is not None  # the holder step comes before the correction
    return holder


def _recorded(holder: Holder, item: CorrectedItem) -> str:
    """The holder's value of `item` as the holder step recorded it."""
    if item is CorrectedItem.SEX:
        return holder.sex.value if holder.sex else ""
    if item is CorrectedItem.BIRTH_DATE:
        return holder.birth_date.isoformat() if holder.birth_date else ""
    value = {
        CorrectedItem.ETHNICITY: holder.ethnicity,
        CorrectedItem.ADDRESS: holder.address,
        CorrectedItem.PHONE: holder.phone,
    }[item]
    return value or ""


def is_upgrade(flow: Flow) -> bool:
    """A first-generation number: the correction is its upgrade to 18 characters."""
    number = _holder(flow).document_number
    return facts.reason(flow) is Reason.ID_NUMBER and len(number) == 15 and number.isdigit()


def corrected_item(flow: Flow) -> CorrectedItem | None:
    text = flow.get(StepId.CORRECTION, "item")
    return CorrectedItem(text) if text in {i.value for i in CorrectedItem} else None


def old_and_new(flow: Flow) -> tuple[str, str, str]:
    """(item, old value, new value) of the correction, new value as it will be stored."""
    values = flow.values[StepId.CORRECTION]
    reason = facts.reason(flow)
    if reason is Reason.ID_NUMBER:
        old = _holder(flow).document_number
        new = upgraded(old) if is_upgrade(flow) else values.get("new_value", "").strip().upper()
        return "id_number", old, new
    if reason is Reason.NAME:
        return "name", _holder(flow).name, values.get("new_value", "").strip()
    item = corrected_item(flow)
    if item is None:
        return "", "", ""
    return item.value, _recorded(_holder(flow), item), values.get("new_value", "").strip()


def upgraded(number: str) -> str:
    try:
        return idnumber.upgrade_15_to_18(number)
    except ValueError:
        return ""


class CorrectionStep(Step):
    id = StepId.CORRECTION

    def applies(self, flow: Flow) -> bool:
        return flow.business is Business.CORRECTION

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        reason = facts.reason(flow)
        shown = (Field("old_value", Kind.SHOWN),)
        if reason is Reason.OTHER_ITEM:
            items = tuple(Choice(item.value) for item in CorrectedItem)
            new = _new_value_field(corrected_item(flow))
            fields = (Field("item", Kind.CHOICE, choices=items), *shown, new)
        elif is_upgrade(flow):
            fields = (*shown, Field("new_value", Kind.SHOWN))
        else:
            fields = (*shown, Field("new_value", max_length=40))
        needed = reason in NEEDS_CERTIFICATE
        return (
            *fields,
            Field("certificate_no", required=needed, max_length=40),
            Field("certificate_office", required=needed, max_length=60),
        )

    def answer(self, flow: Flow) -> Correction | None:
        values = flow.values[self.id]
        if not values:
            return None  # nothing entered yet
        item, old, new = old_and_new(flow)
        return Correction(
            items=(CorrectedValue(item, old, new),) if item else (),
            certificate_no=values.get("certificate_no", "").strip() or None,
            certificate_office=values.get("certificate_office", "").strip() or None,
        )

    def shown(self, flow: Flow) -> dict[str, str]:
        _, old, new = old_and_new(flow)
        return {"old_value": old, "new_value": new} if is_upgrade(flow) else {"old_value": old}

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        item, old, new = old_and_new(flow)
        if not new:
            return []  # the field's own check says it is required
        if new == old:
            return [Problem("new_value", Code.SAME_AS_OLD)]
        if item == "id_number" and not is_upgrade(flow):
            _, problem = normalised_document(
                "new_value", _holder(flow).document_type, new, flow.context.today
            )
            return [problem] if problem else []
        if item == CorrectedItem.BIRTH_DATE:
            problem = check_date("new_value", new, flow.context.today)
            return [problem] if problem else []
        if item == CorrectedItem.PHONE:
            return phone_problem("new_value", new)
        return []


def _new_value_field(item: CorrectedItem | None) -> Field:
    if item is CorrectedItem.SEX:
        return Field("new_value", Kind.CHOICE, choices=SEXES)
    if item is CorrectedItem.BIRTH_DATE:
        return Field("new_value", Kind.DATE)
    return Field("new_value", max_length=200 if item is CorrectedItem.ADDRESS else 40)
