"""Starting the window: crash reports, language and database, then the sign-in dialog; the log
file and the rules follow behind the dialog, once its first frame is out."""

from __future__ import annotations

import logging
import sys
from argparse import Namespace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QApplication

from counter_app import __version__
from counter_app.store.database import Database
from counter_app.store.engine import resolve_url
from counter_app.ui.crash_hook import install_excepthook
from counter_app.ui.i18n import Language, MissingTranslation
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings

if TYPE_CHECKING:
    from counter_app.card.qt_bridge import CardWatcher
    from counter_app.domain.rules import LocalityRules

log = logging.getLogger(__name__)
READABLE_POINT_SIZE = 12


class Counter(NamedTuple):
    """The started application: its sign-in dialog is shown, its event loop not yet running."""

    app: QApplication
    session: CounterSession
    db: Database

    def close(self) -> None:
        self.session.wait()
        self.db.dispose()


def start(args: Namespace) -> Counter | int:
    """Everything before the event loop; an exit code when the database setting cannot be used
    (the user was told)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("counter_app")
    app.setApplicationVersion(__version__)
    install_excepthook()
    # Read at arm's length across the counter: never smaller than 12 points.
    font = app.font()
    font.setPointSize(max(font.pointSize(), READABLE_POINT_SIZE))
    app.setFont(font)
    settings = Settings()
    language = Language()
    early_problems: list[str] = []  # logged once the log file is set up
    try:
        language.apply(args.lang or settings.language)
    except MissingTranslation as error:
        early_problems.append(f"{error}; falling back to English")  # English beats no window
        language.apply("en")
    try:
        db = Database(resolve_url(args.db or settings.database_url))
    except ValueError as error:  # a malformed URL or an unusable folder: IT staff must fix it
        from PySide6.QtWidgets import QMessageBox  # loaded for this message alone

        title = app.translate("Startup", "The database setting cannot be used")
        QMessageBox.critical(None, title, str(error))
        return 2
    session = CounterSession(
        db,
        partial(_load_rules, args.rules or settings.rules_file),
        settings,
        language,
        watcher_factory=lambda: _watcher(settings),
    )
    session.finished.connect(app.quit)
    session.start()
    assert session.login is not None
    session.login.first_frame.connect(
        lambda: session.background.run(partial(_start_log, early_problems))
    )
    return Counter(app, session, db)


def run(args: Namespace) -> int:
    counter = start(args)
    if isinstance(counter, int):
        return counter
    try:
        return counter.app.exec()
    finally:
        counter.close()


def _start_log(early_problems: list[str]) -> None:
    """The log file, once, in the background behind the sign-in dialog. A folder that cannot
    hold it costs the file (the log goes to stderr), never the counter."""
    from counter_app import logs

    try:
        log_file = logs.configure()
    except OSError as error:
        log.error("no log file, logging to stderr only: %s", error)
    else:
        log.info("starting counter_app %s, log %s", __version__, log_file)
    for problem in early_problems:
        log.error("%s", problem)


def _load_rules(rules_file: Path | None) -> LocalityRules:
    """The rules, read in the background once the sign-in dialog is up, and again until they
    can be used (the dialog names what is wrong with them)."""
    from counter_app.resources import load_rules

    return load_rules(rules_file)


def _watcher(settings: Settings) -> CardWatcher:
    """The card watcher of a signed-in window (loaded then, not at start), reading through the
    PSAM reader the settings name, if any; otherwise the PSAM is found by its application."""
    from counter_app.card.qt_bridge import CardWatcher
    from counter_app.card.reader import read_card

    return CardWatcher(partial(read_card, psam_reader=settings.psam_reader))
