"""The application a clerk takes, its businesses, reasons and lifecycle."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Business(StrEnum):
    REPLACEMENT = "replacement"  # 换卡
    REISSUE = "reissue"  # 补卡 (after a loss report)
    CORRECTION = "correction"  # 信息更正
    PICKUP = "pickup"  # 领卡与启用
    LOSS_REPORT = "loss_report"  # 挂失 / 解挂


class Reason(StrEnum):
    EXPIRED = "expired"
    DAMAGED = "damaged"
    UPGRADE = "upgrade"
    INFORMATION_CHANGE = "information_change"
    LOST = "lost"
    QUALITY = "quality"
    ID_NUMBER = "id_number"
    NAME = "name"
    OTHER_ITEM = "other_item"


REASONS_BY_BUSINESS: dict[Business, tuple[Reason, ...]] = {
    Business.REPLACEMENT: (
        Reason.EXPIRED,
        Reason.DAMAGED,
        Reason.UPGRADE,
        Reason.INFORMATION_CHANGE,
        Reason.QUALITY,
    ),
    Business.REISSUE: (Reason.LOST,),
    Business.CORRECTION: (Reason.ID_NUMBER, Reason.NAME, Reason.OTHER_ITEM),
    Business.PICKUP: (),
    Business.LOSS_REPORT: (Reason.LOST,),
}


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    IN_PRODUCTION = "in_production"
    READY = "ready"
    ISSUED = "issued"
    CANCELLED = "cancelled"


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    REOPEN = "reopen"  # a rejected application goes back to its clerk as a draft
    START_PRODUCTION = "start_production"
    MARK_READY = "mark_ready"
    ISSUE = "issue"
    CANCEL = "cancel"


# The whole lifecycle: (from, action) -> to. Nothing else is a transition.
TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.DRAFT, Action.SUBMIT): State.SUBMITTED,
    (State.SUBMITTED, Action.APPROVE): State.APPROVED,
    (State.SUBMITTED, Action.REJECT): State.REJECTED,
    (State.REJECTED, Action.REOPEN): State.DRAFT,
    (State.APPROVED, Action.START_PRODUCTION): State.IN_PRODUCTION,
    (State.IN_PRODUCTION, Action.MARK_READY): State.READY,
    (State.READY, Action.ISSUE): State.ISSUED,
    (State.DRAFT, Action.CANCEL): State.CANCELLED,
    (State.SUBMITTED, Action.CANCEL): State.CANCELLED,
}

# A supervisor has said yes: the card is being made, waits, or was handed over.
APPROVED_OR_LATER = frozenset({State.APPROVED, State.IN_PRODUCTION, State.READY, State.ISSUED})

# Handed in and not over: a card for it is still to come. While one of these replaces a card,
# no other application may replace or reissue that card.
UNDER_WAY = frozenset({State.SUBMITTED, State.APPROVED, State.IN_PRODUCTION, State.READY})

# Decisions a maker may never take on their own application (four eyes).
CHECKER_ACTIONS = frozenset({Action.APPROVE, Action.REJECT})


class IllegalTransition(ValueError):
    """The lifecycle does not list this action from this state."""

    def __init__(self, state: State, action: Action) -> None:
        super().__init__(f"cannot {action.value} an application that is {state.value}")
        self.state = state
        self.action = action


def next_state(state: State, action: Action) -> State:
    """The state `action` leads to from `state`, or IllegalTransition."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise IllegalTransition(state, action) from None


def allowed_actions(state: State) -> frozenset[Action]:
    return frozenset(action for (source, action) in TRANSITIONS if source == state)


def is_final(state: State) -> bool:
    return not allowed_actions(state)


def normalised_receipt_no(text: str) -> str:
    """A receipt number as a clerk typed it or a scanner sent it: full-width characters (an
    input method's) made plain, white space and line ends dropped, upper case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()
