"""The baseline of cold start, run as a child process by bench.startup: a bare PySide6
window shown and its events processed, then `shown` and `ready` on stdout (a bare window has
nothing more to wait for)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.show()
    app.processEvents()
    print("shown", flush=True)
    print("ready", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
