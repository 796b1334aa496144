"""Every visible string goes through Qt's translations, and the Chinese one is complete."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from counter_app.ui.session import CounterSession
from tests.ui.conftest import PASSWORD, sign_in

UI_DIR = Path(__file__).parents[2] / "counter_app" / "ui"
TS_FILE = UI_DIR / "i18n" / "counter_app_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_chinese_translation_is_finished() -> None:
    unfinished = [
        source
        for (_, source), message in messages(TS_FILE).items()
        if (translation := message.find("translation")) is None
        or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not "".join(translation.itertext()).strip()
    ]
    assert unfinished == []


def test_every_source_string_is_in_the_translation_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(path) for path in UI_DIR.rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS_FILE))
    assert missing == set(), "run scripts/update-translations.sh and translate the new strings"


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
    return [text for text in texts if text.strip()]


def untranslated(texts: list[str]) -> list[str]:
    """Texts with letters but no Chinese: names, numbers and keys alone are fine."""
    return [t for t in texts if re.search(r"[A-Za-z]{3,}", t) and not CJK.search(t)]


def test_windows_speak_chinese_by_default(qtbot: QtBot, session: CounterSession) -> None:
    login = session.login
    assert login is not None
    assert untranslated(visible_texts(login)) == []
    sign_in(qtbot, session, "0201", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None)
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: "在线" in window.database_status.text())
    texts = visible_texts(window) + [a.text() for a in window.toolbar.actions()]
    assert untranslated(texts) == []
    assert any("审批队列" in text for text in texts)


def test_language_switch_applies_at_once_and_is_kept(qtbot: QtBot, session: CounterSession) -> None:
    login = session.login
    assert login is not None
    assert login.windowTitle() == "柜员签到"
    login.language.setCurrentIndex(login.language.findData("en"))
    # Qt posts the change to every widget; it arrives with the next turn of the event loop.
    qtbot.waitUntil(lambda: login.windowTitle() == "Sign in to the counter")
    assert login.sign_in_button.text() == "Sign in"
    assert session.settings.language == "en"
    login.staff_no.setText("0101")
    login.language.setCurrentIndex(login.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: login.sign_in_button.text() == "签到")
    assert login.staff_no.text() == "0101"  # switching loses nothing typed
