"""The workstation's settings: typed, with their defaults in one place, stored by QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from counter_app.workstation import this_workstation

LANGUAGES = ("zh_CN", "en")


def default_settings_file() -> Path:
    """~/.config/counter_app/counter_app.ini, or under $XDG_CONFIG_HOME when it is set."""
    config = QStandardPaths.StandardLocation.GenericConfigLocation
    return Path(QStandardPaths.writableLocation(config)) / "counter_app" / "counter_app.ini"


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self._store = QSettings(str(path or default_settings_file()), QSettings.Format.IniFormat)

    def _get(self, key: str, default: object) -> object:
        return self._store.value(key, default)

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", "zh_CN"))
        return value if value in LANGUAGES else "zh_CN"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._store.setValue("ui/language", value)

    @property
    def idle_lock_minutes(self) -> float:
        """Minutes without input before the screen locks; 0 turns the lock off."""
        try:
            return max(0.0, float(self._get("session/idle_lock_minutes", 5)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 5.0

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: float) -> None:
        self._store.setValue("session/idle_lock_minutes", float(value))

    @property
    def database_url(self) -> str | None:
        return str(self._get("database/url", "")) or None

    @property
    def rules_file(self) -> Path | None:
        value = str(self._get("rules/file", ""))
        return Path(value) if value else None

    @property
    def printer(self) -> str:
        """The CUPS queue documents go to; empty: CUPS's default printer."""
        return str(self._get("printing/printer", "")).strip()

    @printer.setter
    def printer(self, value: str) -> None:
        self._store.setValue("printing/printer", value.strip())

    @property
    def psam_reader(self) -> str | None:
        """The reader holding the PSAM; unset: found among the readers by its application."""
        return str(self._get("card/psam_reader", "")).strip() or None

    @property
    def workstation(self) -> str:
        return str(self._get("workstation/name", "")) or this_workstation()

    def sync(self) -> None:
        self._store.sync()
