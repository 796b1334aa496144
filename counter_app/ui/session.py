"""One counter's session: sign in, the main window, the idle lock, sign out, and again."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.i18n import Language
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.settings import Settings

# What comes after sign-in is loaded while the sign-in dialog waits for the clerk (see start):
# the dialog is up in a fraction of the time it would take to load it all first.
if TYPE_CHECKING:
    from counter_app.api.interface import CounterApi
    from counter_app.card.qt_bridge import CardWatcher
    from counter_app.domain.rules import LocalityRules
    from counter_app.store.schema import SchemaStatus
    from counter_app.ui.idle_lock import IdleWatcher, LockScreen
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.reprint_dialog import ReprintDialog
    from counter_app.ui.training_panel import SimulatorControl

AFTER_SIGN_IN = (
    "counter_app.api.local",
    "counter_app.ui.idle_lock",
    "counter_app.ui.main_window",
    "counter_app.ui.reprint_dialog",
)


def _real_watcher() -> CardWatcher:
    from counter_app.card.qt_bridge import CardWatcher

    return CardWatcher()


def _load_after_sign_in() -> None:
    for module in AFTER_SIGN_IN:
        importlib.import_module(module)


class CounterSession(QObject):
    finished = Signal()  # the clerk quit at the sign-in dialog

    def __init__(
        self,
        db: Database,
        load_rules: Callable[[], LocalityRules],
        settings: Settings,
        language: Language,
        background: Background | None = None,
        watcher_factory: Callable[[], CardWatcher] | None = _real_watcher,
        simulator: SimulatorControl | None = None,
    ) -> None:
        """`load_rules` reads the locality rules, in the background once the sign-in dialog is
        up; `watcher_factory` makes each main window's card watcher (None: no card reading);
        `simulator` replaces counter_app.simulator.control in the training panel (tests)."""
        super().__init__()
        self.db, self.settings, self.language = db, settings, language
        self._load_rules = load_rules
        self._rules: LocalityRules | None = None
        self.background = background or Background(self)
        # Sign-in, lock, unlock and sign-out, one after another: the audit trail records them
        # in the order they happened, whatever else the pool is busy with.
        in_order = QThreadPool(self)
        in_order.setMaxThreadCount(1)
        self._session_events = Background(self, in_order)
        self._watcher_factory, self._simulator = watcher_factory, simulator
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.lock_screen: LockScreen | None = None
        self.reprint_dialog: ReprintDialog | None = None
        self._idle: IdleWatcher | None = None

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the session's background work: before quitting, and in tests."""
        events_done = self._session_events.wait(msecs)
        return self.background.wait(msecs) and events_done  # both waited for, whatever the first

    @property
    def rules(self) -> LocalityRules:
        """The locality rules: loaded before the sign-in dialog lets anyone sign in."""
        assert self._rules is not None, "the rules are read once the sign-in dialog is ready"
        return self._rules

    def start(self) -> None:
        workstation = self.settings.workstation

        def sign_in(staff_no: str, password: str) -> CounterApi:
            # The interface (and the services and SQLAlchemy under it) is loaded off the
            # window's thread, after the dialog is up: it is the first thing a clerk sees.
            from counter_app.api import local

            return local.sign_in(self.db, self.rules, staff_no, password, workstation)

        self.login = LoginDialog(
            self._session_events,
            self.language.code,
            readiness=self._readiness,
            sign_in=sign_in,
        )
        self.login.language_chosen.connect(self.switch_language)
        self.login.accepted.connect(self._signed_in)
        self.login.rejected.connect(self.finished)
        # Loaded while the clerk types, once the dialog is up (see AFTER_SIGN_IN).
        self.login.first_frame.connect(lambda: self.background.run(_load_after_sign_in))
        self.login.show()

    def _readiness(self) -> SchemaStatus:
        """In the background, again until it succeeds: the rules (once; a bad file is named in
        the dialog and read again at the next try), then whether the database fits."""
        if self._rules is None:
            # Read on the window's thread only after this job has answered.
            self._rules = self._load_rules()
        return self.db.schema_status()

    def switch_language(self, code: str) -> None:
        """Takes effect at once in every open window, and is kept for the next start."""
        self.language.apply(code)
        self.settings.language = code
        self.settings.sync()

    def _signed_in(self) -> None:
        assert self.login is not None and self.login.api is not None
        api: CounterApi = self.login.api
        self.login.deleteLater()
        self.login = None
        from counter_app.ui.idle_lock import IdleWatcher
        from counter_app.ui.main_window import MainWindow

        watcher = self._watcher_factory() if self._watcher_factory is not None else None
        self.window = MainWindow(
            api,
            self.background,
            self.db,
            watcher=watcher,
            simulator=self._simulator,
            printer=lambda: self.settings.printer or None,
        )
        self.window.sign_out_requested.connect(lambda: self.sign_out("user"))
        self.window.lock_requested.connect(self.lock)
        self.window.about_requested.connect(self._about)
        self.window.reprint_requested.connect(self.reprint)
        self._idle = IdleWatcher(self.settings.idle_lock_minutes, self)
        self._idle.idle.connect(self.lock)
        self._idle.start()
        self.window.show()

    def lock(self) -> None:
        if self.window is None or self.lock_screen is not None:
            return
        from counter_app.ui.idle_lock import LockScreen

        api = self.window.context.api
        assert self._idle is not None
        self._idle.stop()
        self._session_events.run(api.lock_screen)
        self.lock_screen = LockScreen(api, self._session_events, self.window)
        self.lock_screen.accepted.connect(self._unlocked)
        self.lock_screen.signed_out.connect(lambda: self.sign_out("from the lock screen"))
        self.lock_screen.open()

    def _unlocked(self) -> None:
        self.lock_screen = None
        if self._idle is not None:
            self._idle.start()

    def sign_out(self, why: str) -> None:
        if self.window is None:
            return
        api = self.window.context.api
        self._session_events.run(lambda: api.sign_out(why))
        if self._idle is not None:
            self._idle.stop()
            self._idle.deleteLater()
            self._idle = None
        self.lock_screen = None
        self.reprint_dialog = None  # a child of the window: it goes with it
        self.window.stop_watching()  # joins the reader thread before the window goes
        self.window.close()
        self.window.deleteLater()
        self.window = None
        self.start()

    def _about(self) -> None:
        from counter_app.ui.about_dialog import AboutDialog

        AboutDialog(self.rules, self.db.description, self.window).open()

    def reprint(self) -> None:
        """F9: one reprint dialog per window, with the printer the settings name now."""
        if self.window is None or self.lock_screen is not None:
            return
        if self.reprint_dialog is None:
            from counter_app.ui.reprint_dialog import ReprintDialog

            self.reprint_dialog = ReprintDialog(self.window.context, self.window)
        self.reprint_dialog.open()
        self.reprint_dialog.receipt_no.setFocus()
