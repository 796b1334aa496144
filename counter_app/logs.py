"""Logging to a rotating file in the user's log directory, with every number masked."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from counter_app.domain.masking import mask_numbers_in_text

LOG_FILE_NAME = "counter_app.log"


class MaskingFormatter(logging.Formatter):
    """Masks ID and card numbers in the finished line, tracebacks and arguments included."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_numbers_in_text(super().format(record))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir("counter_app"))


def configure(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the application's log to a rotating file; returns the file's path."""
    directory = log_dir or default_log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE_NAME
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("counter_app")
    root.setLevel(level)
    for existing in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(existing)
        existing.close()
    root.addHandler(handler)
    return path
