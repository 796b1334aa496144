"""What the counter knows about a card's standing, apart from its chip."""

from __future__ import annotations

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
