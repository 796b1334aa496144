"""How an application's flags, times and waiting read on screen, in the window's language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from counter_app.domain.application import State
from counter_app.domain.flags import Flag
from counter_app.ui.labels import state_label

# Called by this exact name so that lupdate finds every text.
translate = QCoreApplication.translate

NOTHING = "—"


def stored_state_label(value: str) -> str:
    """A state as the database and its news name it; the raw value for one no longer known."""
    try:
        return state_label(State(value))
    except ValueError:
        return value


def flag_label(flag: Flag) -> str:
    return {
        Flag.CARD_OVERRIDE: translate("Applications", "Card data overridden"),
        Flag.FEE_WAIVED: translate("Applications", "Fee waived"),
        Flag.AGENT: translate("Applications", "Agent or guardian"),
        Flag.ID_CORRECTION: translate("Applications", "ID number corrected"),
    }[flag]


def flags_text(flags: Iterable[Flag]) -> str:
    """The flags in one fixed order, or a dash when there is nothing unusual."""
    present = set(flags)
    words = [flag_label(flag) for flag in Flag if flag in present]
    return translate("Applications", "; ").join(words) if words else NOTHING


def waiting_text(waiting: timedelta) -> str:
    """`45 min`, `2 h 05 min`, `3 d 4 h`: how long an application has waited."""
    minutes = max(int(waiting.total_seconds() // 60), 0)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return (
            translate("Applications", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            translate("Applications", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", f"{minutes:02d}")
        )
    return translate("Applications", "%1 min").replace("%1", str(minutes))


def minute_text(moment: datetime | None) -> str:
    """`2026-11-21 14:05`, local time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else NOTHING


def second_text(moment: datetime) -> str:
    """`2026-11-21 14:05:03`, local time: when a decision was taken."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
