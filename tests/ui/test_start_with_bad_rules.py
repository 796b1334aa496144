"""A rules file that cannot be used: the window still starts, its sign-in dialog names the bad
key and lets nobody sign in, and it reads the file again by itself once IT staff correct it.
The window runs as `counter-app --db URL --rules FILE` does, in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from counter_app.resources import DEFAULT_RULES_FILE
from counter_app.store.database import Database

PROBE = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QEventLoop
from counter_app.cli.main import window_options
from counter_app.ui.app import start

url, rules_file, good_rules = sys.argv[1:]
counter = start(window_options(["--db", url, "--rules", rules_file, "--lang", "zh_CN"]))
login = counter.session.login
login.staff_no.setText("0101")
login.password.setText("a password")

def wait_until(condition):
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, login.message.text()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)

wait_until(lambda: "规则" in login.message.text())
print(login.message.text())
print("sign-in enabled:", login.sign_in_button.isEnabled())
Path(rules_file).write_text(Path(good_rules).read_text(encoding="utf-8"), encoding="utf-8")
wait_until(lambda: login.ready)
print("ready after the correction:", login.sign_in_button.isEnabled())
counter.close()
"""


def test_a_bad_rules_file_is_named_in_the_dialog_and_read_again(
    tmp_path: Path, ui_db: Database
) -> None:
    good = DEFAULT_RULES_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "rules.toml"
    bad.write_text(good.replace("lead_time_working_days = ", "lead_time_working_days = -"))
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ui_db.url, str(bad), str(DEFAULT_RULES_FILE)],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    told, closed, reopened = done.stdout.splitlines()
    assert "规则文件无法使用" in told
    assert "production.lead_time_working_days" in told  # the bad key, as IT staff need it
    assert closed == "sign-in enabled: False"
    assert reopened == "ready after the correction: True"
    # The log file was set up behind the dialog, in the XDG state folder.
    log = (tmp_path / "state" / "counter_app" / "log" / "counter_app.log").read_text("utf-8")
    assert "starting counter_app" in log
