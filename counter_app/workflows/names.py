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


class CorrectedItem(StrEnum):
    SEX = "sex"
    ETHNICITY = "ethnicity"
    BIRTH_DATE = "birth_date"
    ADDRESS = "address"
    PHONE = "phone"
