"""counter_app's own start, run as a child process by bench.startup.

`python -m bench.startup_counter URL` starts the window as `counter-app --db URL` does, prints
`shown` once the sign-in dialog is shown with its events processed (the clerk can type), and
`ready` once what runs in the background before anyone can sign in (the rules, the schema
check) has finished. Then it prints, in
milliseconds: `bare_main_window`, a bare QMainWindow created and shown (first, while nothing
else waits in the event queue, so that it is charged with its own events only); `sign_in`, the
demo clerk signing in through the dialog until the main window shows its first counts; and
`password_check`, what one argon2 check of the clerk's password takes by itself.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QMainWindow

from counter_app.cli.main import window_options
from counter_app.ui.app import Counter, start

# The demo clerk (counter_app.services.demo), imported only after `ready`: the start-up timed is
# the window's own, not this probe's.
CLERK_NO, CLERK_PASSWORD = "0101", "demo0101"
TIMEOUT_S = 60.0


def wait_until(condition: Callable[[], bool]) -> None:
    """Processes events as they come (no polling delay) until `condition` holds."""
    wake = QTimer()  # in case the condition turns true without an event of its own
    wake.start(50)
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there in time")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        wake.stop()


def bare_main_window_ms() -> float:
    start = time.perf_counter()
    window = QMainWindow()
    window.resize(1366, 768)  # the main window's size
    window.show()
    QCoreApplication.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    window.close()
    return elapsed


def sign_in_ms(counter: Counter) -> float:
    session = counter.session
    login = session.login
    assert login is not None
    start = time.perf_counter()
    login.staff_no.setText(CLERK_NO)
    login.password.setText(CLERK_PASSWORD)
    login.sign_in_button.click()
    # The business list is filled when the first counts arrive.
    wait_until(
        lambda: (
            session.window is not None
            and session.window.isVisible()
            and session.window.businesses.count() > 0
        )
    )
    return (time.perf_counter() - start) * 1000


def password_check_ms() -> float:
    """What signing in spends on argon2 by design, whatever the window does."""
    from counter_app.services import passwords

    stored = passwords.hash_password(CLERK_PASSWORD)
    start = time.perf_counter()
    assert passwords.matches(stored, CLERK_PASSWORD)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> int:
    (database_url,) = argv
    options = window_options(["--db", database_url])
    assert options is not None
    counter = start(options)
    if isinstance(counter, int):
        return counter
    login = counter.session.login
    assert login is not None
    QCoreApplication.processEvents()
    print("shown", flush=True)
    wait_until(lambda: login.ready)
    print("ready", flush=True)
    # A clerk takes seconds to type: by then the window has loaded what follows sign-in.
    wait_until(lambda: not counter.session.background.busy)
    print(f"bare_main_window {bare_main_window_ms():.3f}", flush=True)
    print(f"sign_in {sign_in_ms(counter):.3f}", flush=True)
    print(f"password_check {password_check_ms():.3f}", flush=True)
    if counter.session.window is not None:
        counter.session.window.close()  # stops the card watcher and the live updates
    counter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
