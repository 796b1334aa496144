"""The sign-in window comes up before the heavy layers load (they follow in the background):
starting the window imports no database, PDF or card library, nor the interface to the use
cases (which brings the services), the rules file's parser, the log file's handlers or the
messages the dialog needs only once the database answers."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "sqlalchemy",
    "alembic",
    "reportlab",
    "smartcard",
    "psycopg",
    "counter_app.api",
    "counter_app.api.interface",
    "counter_app.api.models",
    "counter_app.api.local",
    "counter_app.ui.page_context",
    "counter_app.ui.main_window",
    "counter_app.domain.rules",
    "counter_app.ui.messages",
    "logging.handlers",
    "platformdirs",
    "socket",
)

PROBE = """
import sys
from counter_app.cli.main import window_options
from counter_app.ui.app import start
counter = start(window_options(["--db", sys.argv[1]]))
print(",".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def test_the_window_starts_without_the_heavy_layers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'counter.sqlite3'}"
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), url],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    assert done.stdout.strip() == "", f"loaded before the window was up: {done.stdout}"
