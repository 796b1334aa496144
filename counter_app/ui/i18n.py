"""Loading the window's language: Chinese by default, English (the source text) on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).with_name("i18n")


class MissingTranslation(RuntimeError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is missing: run scripts/setup.sh to compile the translations")


class Language:
    """Installs one language's translators at a time, replacing the previous ones."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.code = "en"

    def apply(self, code: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication must exist first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        self.code = code
        if code == "en":
            QLocale.setDefault(QLocale("en_US"))
            return
        QLocale.setDefault(QLocale(code))
        ours = QTranslator(app)
        path = I18N_DIR / f"counter_app_{code}.qm"
        if not ours.load(str(path)):
            raise MissingTranslation(path)
        qt_own = QTranslator(app)  # Qt's dialogs' buttons (OK, Cancel, …)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for translator in (ours, qt_own):
            if translator is ours or translator.load(f"qtbase_{code}", qt_dir):
                app.installTranslator(translator)
                self._installed.append(translator)
