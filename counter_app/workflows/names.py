"""Step ids and the choices' values that flows, runner and window share."""

from __future__ import annotations

from enum import StrEnum


class StepId(StrEnum):
    REASON = "reason"
    HOLDER = "holder"
    REPRESENTATIVE = "representative"
    OLD_CARD = "old_card"
    LOSS = "loss"
    CORRECTION = "correction"
    MATERIALS = "materials"
    FEE = "fee"
    FORM = "form"
    SUBMIT = "submit"
    RECEIPT = "receipt"
    COLLECTOR = "collector"
    NEW_CARD = "new_card"
    ISSUE = "issue"
    LOSS_ACTION = "loss_action"


class Representation(StrEnum):
    NONE = "none"  # the holder in person
    AGENT = "agent"
    GUARDIAN = "guardian"


class LossAction(StrEnum):
    REPORT_TEMPORARY = "report_temporary"
    REPORT_FORMAL = "report_formal"
    RECORD_HOTLINE = "record_hotline"  # a temporary loss the customer made by the 12333 hotline
    CANCEL = "cancel"  # 解挂


class CorrectedItem(StrEnum):
    SEX = "sex"
    ETHNICITY = "ethnicity"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"
    PHONE = "phone"


# Below this age the holder comes with a guardian (a minor cannot apply alone).
GUARDIAN_AGE = 16
