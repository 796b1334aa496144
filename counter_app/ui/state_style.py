"""One colour per state everywhere, always beside the state's words (never colour alone)."""

from __future__ import annotations

from counter_app.domain.application import State

STATE_COLOURS = {
    State.DRAFT: "#616161",
    State.SUBMITTED: "#1565c0",
    State.APPROVED: "#2e7d32",
    State.REJECTED: "#c62828",
    State.IN_PRODUCTION: "#6a1b9a",
    State.READY: "#ef6c00",
    State.ISSUED: "#00695c",
    State.CANCELLED: "#8d6e63",
}
