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
    # Other threads of the suite hold and drop references to True meanwhile (tens at most):
    # enough emits that a lost reference per emit stands far beyond that.
    emits = 5000
    before = sys.getrefcount(True)
    for _ in range(emits):
        emitter.changed.emit(1)
    assert sys.getrefcount(True) - before > -emits // 10
