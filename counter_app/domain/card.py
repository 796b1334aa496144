"""What the counter knows about a card's standing, apart from its chip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class CardStatus(StrEnum):
    ACTIVE = "active"
    LOST_TEMPORARY = "lost_temporary"  # 临时挂失: lapses after the rules' validity
    LOST_FORMAL = "lost_formal"  # 正式挂失
    PENDING_PICKUP = "pending_pickup"  # produced, not yet collected and activated
    CANCELLED = "cancelled"


class LossKind(StrEnum):
    TEMPORARY = "temporary"
    FORMAL = "formal"


class LossChannel(StrEnum):
    HOTLINE = "hotline"  # 12333
    COUNTER = "counter"


class LossAction(StrEnum):
    REPORT_TEMPORARY = "report_temporary"
    REPORT_FORMAL = "report_formal"
    RECORD_HOTLINE = "record_hotline"  # a temporary loss the customer made by the 12333 hotline
    CANCEL = "cancel"  # 解挂


@dataclass(frozen=True)
class NewCard:
    """A card as the counter records it: read from its chip, or known by its number."""

    card_number: str
    spec_version: str
    card_id_code: str | None = None
    issue_date: date | None = None
    expiry_date: date | None = None
    status: CardStatus = CardStatus.ACTIVE
