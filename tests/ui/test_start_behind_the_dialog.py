"""What the window sets up behind its sign-in dialog, in a process of its own as `counter-app
--db URL --rules FILE` runs it. A rules file that cannot be used: the dialog names the bad key,
lets nobody sign in, and reads the file again by itself once IT staff correct it. A log folder
that cannot be used: the counter works all the same, and says so on stderr."""

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

url, rules_file, good_rules, *only = sys.argv[1:]
counter = start(window_options(["--db", url, "--rules", rules_file, "--lang", "zh_CN"]))
login = counter.session.login
login.staff_no.setText("0101")
login.password.setText("a password")

def wait_until(condition):
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, login.message.text()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)

if only == ["ready"]:
    wait_until(lambda: login.ready)
    print("ready:", login.sign_in_button.isEnabled())
    counter.close()
    sys.exit(0)
wait_until(lambda: "规则" in login.message.text())
print(login.message.text())
print("sign-in enabled:", login.sign_in_button.isEnabled())
Path(rules_file).write_text(Path(good_rules).read_text(encoding="utf-8"), encoding="utf-8")
wait_until(lambda: login.ready)
print("ready after the correction:", login.sign_in_button.isEnabled())
counter.close()
"""


def start_window(tmp_path: Path, state_home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(state_home),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=90, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_a_bad_rules_file_is_named_in_the_dialog_and_read_again(
    tmp_path: Path, ui_db: Database
) -> None:
    good = DEFAULT_RULES_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "rules.toml"
    bad.write_text(good.replace("lead_time_working_days = ", "lead_time_working_days = -"))
    done = start_window(tmp_path, tmp_path / "state", ui_db.url, str(bad), str(DEFAULT_RULES_FILE))
    told, closed, reopened = done.stdout.splitlines()
    assert "规则文件无法使用" in told
    assert "production.lead_time_working_days" in told  # the bad key, as IT staff need it
    assert closed == "sign-in enabled: False"
    # The password typed meanwhile is still there: the button needs both fields.
    assert reopened == "ready after the correction: True"
    # The log file was set up behind the dialog, in the XDG state folder.
    log = (tmp_path / "state" / "counter_app" / "log" / "counter_app.log").read_text("utf-8")
    assert "starting counter_app" in log


def test_a_log_folder_that_cannot_be_used_costs_the_file_not_the_counter(
    tmp_path: Path, ui_db: Database
) -> None:
    not_a_folder = tmp_path / "state"
    not_a_folder.write_text("a file where the log folder should go\n")
    rules = tmp_path / "rules.toml"
    rules.write_text(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))
    done = start_window(tmp_path, not_a_folder, ui_db.url, str(rules), str(rules), "ready")
    assert done.stdout.splitlines() == ["ready: True"]
    assert "no log file, logging to stderr only" in done.stderr
