"""The clerk's sentence for each failure names the failure: a full disk is not a lost server."""

from __future__ import annotations

from counter_app.store.database import DatabaseUnavailable, DiskFull
from counter_app.ui.messages import describe_error


def test_a_full_disk_is_told_apart_from_an_unreachable_database(language) -> None:  # type: ignore[no-untyped-def]
    full = describe_error(DiskFull("database or disk is full"))
    away = describe_error(DatabaseUnavailable("connection refused"))
    assert "磁盘已满" in full and "完好" in full
    assert "磁盘" not in away and full != away
