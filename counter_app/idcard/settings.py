"""The workstation's `idcard/port` setting, read without Qt.

The window stores its settings with QSettings in an INI file (ui/settings.py); the command line
reads the one key it needs from that file itself, so `counter-app idcard read` does not load Qt.
"""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

SECTION, KEY = "idcard", "port"
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r"}


def settings_file() -> Path:
    """Where QSettings keeps the window's settings on Linux (GenericConfigLocation)."""
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "counter_app" / "counter_app.ini"


def configured_port(path: Path | None = None) -> str | None:
    """The port the setting names; None when it is unset, empty or the file unreadable."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(path or settings_file(), encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get(SECTION, KEY, fallback="").strip()
    # QSettings quotes a value with characters special to INI files and escapes within it.
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = _ESCAPE.sub(lambda match: _ESCAPED.get(match[1], match[1]), value[1:-1])
    return value or None
