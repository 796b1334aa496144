"""Starting the window, as fresh child processes drawn offscreen, each against a bare PySide6
baseline measured in the same run (medians; the two kinds of process alternated):

- cold start: from spawning the process until the sign-in dialog is shown with its events
  processed (the clerk can type), against a bare QWidget shown the same way (goal ≤ 1.5×); and
  until it is ready to sign in (the rules and the schema check, which run in the background
  once the dialog is up, done), on a SQLite file prepared with `db upgrade` and
  `demo seed`;
- sign-in: the demo clerk signing in through the dialog until the main window shows its first
  counts, against a bare QMainWindow created and shown in the same process; and what one
  argon2 check of the password, deliberately slow, takes of that by itself.

The children get a temporary HOME and XDG folders: no user settings or logs are touched.
Run it as `.venv/bin/python -m bench.startup`.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import Figure, Goal, print_table

GOAL = 1.5
XDG_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")


def child_environment(home: Path) -> dict[str, str]:
    environment = dict(os.environ, HOME=str(home), QT_QPA_PLATFORM="offscreen")
    for variable in XDG_FOLDERS:
        folder = home / variable.lower()
        folder.mkdir()
        environment[variable] = str(folder)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700)  # Qt refuses a runtime folder others may read
    environment["XDG_RUNTIME_DIR"] = str(runtime)
    return environment


def prepared_database(home: Path, environment: dict[str, str]) -> str:
    url = f"sqlite:///{home / 'counter.sqlite3'}"
    for command in (["db", "upgrade"], ["demo", "seed"]):
        subprocess.run(
            [sys.executable, "-m", "counter_app", "--db", url, *command],
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return url


class Child:
    """A child process timed from its spawn until it prints `shown`, and until `ready`; then
    its other reports."""

    def __init__(self, arguments: list[str], environment: dict[str, str], log: Path) -> None:
        self._log = log
        with log.open("w") as errors:
            started = time.perf_counter()
            self._process = subprocess.Popen(
                [sys.executable, "-m", *arguments],
                env=environment,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
            assert self._process.stdout is not None
            self.shown_ms = self._until("shown", started)
            self.ready_ms = self._until("ready", started)

    def _until(self, marker: str, started: float) -> float:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if line.strip() != marker:
            self._failed(line)
        return (time.perf_counter() - started) * 1000

    def reports(self, *names: str) -> list[float]:
        """The values of the `name value` lines printed after `ready`, once the child ended."""
        assert self._process.stdout is not None
        output = self._process.stdout.read()  # not communicate(): it skips what readline buffered
        self._process.wait(timeout=60)
        values = dict(line.split() for line in output.splitlines())
        if self._process.returncode != 0 or not set(names) <= set(values):
            self._failed(output)
        return [float(values[name]) for name in names]

    def _failed(self, output: str = "") -> None:
        self._process.kill()
        self._process.wait()
        errors = self._log.read_text()[-2000:]
        raise RuntimeError(f"{self._process.args} failed:\n{output}{errors}")


def measure(quick: bool) -> list[Figure]:
    pairs = 5 if quick else 15  # start-ups vary on a shared machine: the median of many
    bare_starts, counter_starts, counter_ready = [], [], []
    bare_windows, sign_ins, checks = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        environment = child_environment(home)
        url = prepared_database(home, environment)
        log = home / "child.log"
        for pair in range(pairs):
            # Alternated, so drift on a shared machine hits both alike.
            for which in ("bare", "counter") if pair % 2 == 0 else ("counter", "bare"):
                if which == "bare":
                    bare = Child(["bench.startup_bare"], environment, log)
                    bare.reports()
                    bare_starts.append(bare.shown_ms)
                    continue
                counter = Child(["bench.startup_counter", url], environment, log)
                counter_starts.append(counter.shown_ms)
                counter_ready.append(counter.ready_ms)
                bare_window, sign_in, check = counter.reports(
                    "bare_main_window", "sign_in", "password_check"
                )
                bare_windows.append(bare_window)
                sign_ins.append(sign_in)
                checks.append(check)
    median = statistics.median
    return [
        Figure(
            f"cold start to the sign-in window ({pairs} each)",
            median(counter_starts),
            "ms",
            median(bare_starts),
            Goal(GOAL),
        ),
        Figure(
            "  and until it can sign in (schema checked)",
            median(counter_ready),
            "ms",
            median(bare_starts),
        ),
        Figure(
            f"sign-in to the main window ({pairs} each)",
            median(sign_ins),
            "ms",
            median(bare_windows),
        ),
        Figure("  of which one argon2 password check", median(checks), "ms"),
    ]


def main() -> int:
    print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
