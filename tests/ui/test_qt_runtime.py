"""The Qt binding itself: a broken release would abort the window after a day's work."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_pythons_reference_counts(qapp) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 returned True from emit() without a reference of its own: every emit took
    # one from True, and Python 3.11 aborts when the count reaches zero ("bool_dealloc").
    emitter = _Emitter()
    emitter.changed.connect(lambda _: None)
    before = sys.getrefcount(True)
    for _ in range(100):
        emitter.changed.emit(1)
    assert sys.getrefcount(True) - before > -10
