"""The log file: identity and card numbers never reach it in full."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from counter_app import logs

ID_18 = "11010519491231002X"
ID_18_MASKED = "110105********002X"
ID_18_DIGITS = "320102198503121234"
ID_15 = "110105491231002"
CARD = "A12345674"
FULL_NUMBERS = (ID_18, ID_18.lower(), ID_18_DIGITS, ID_15, CARD)


@pytest.fixture
def app_logger() -> Iterator[logging.Logger]:
    """The application's logger, its file handlers removed again after the test."""
    logger = logging.getLogger("counter_app")
    level = logger.level
    before = list(logger.handlers)
    yield logger
    for handler in [h for h in logger.handlers if h not in before]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(level)


def read(path: Path) -> str:
    for handler in logging.getLogger("counter_app").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_numbers_in_messages_arguments_and_tracebacks_are_masked(
    tmp_path: Path, app_logger: logging.Logger
) -> None:
    path = logs.configure(tmp_path)
    assert path.parent == tmp_path
    log = logging.getLogger("counter_app.services.people")

    log.info(f"looked up {ID_18} in the message")
    log.info("looked up %s as an argument", ID_18)
    log.info("digits only: %s", ID_18_DIGITS)
    log.warning("old 15-digit number %s", ID_15)
    log.info("card %s read, holder %r", CARD, {"id": ID_18.lower()})
    try:
        raise ValueError(f"no person with ID {ID_18} (card {CARD})")
    except ValueError:
        log.exception("lookup failed")

    written = read(path)
    for full in FULL_NUMBERS:
        assert full not in written
    assert written.count(ID_18_MASKED) >= 3
    assert "320102********1234" in written
    assert "11***********02" in written  # a 15-digit number keeps even less
    assert "A12****74" in written
    # The traceback itself is there, only masked.
    assert "Traceback (most recent call last)" in written
    assert f"ValueError: no person with ID {ID_18_MASKED} (card A12****74)" in written
    # Masking is not over-eager: ordinary words and short numbers stay readable.
    assert "looked up" in written and "lookup failed" in written


def test_levels_below_info_are_not_written(tmp_path: Path, app_logger: logging.Logger) -> None:
    path = logs.configure(tmp_path)
    log = logging.getLogger("counter_app.test")
    log.debug("quiet line")
    log.info("loud line")
    written = read(path)
    assert "loud line" in written
    assert "quiet line" not in written


def test_configuring_twice_writes_each_line_once(
    tmp_path: Path, app_logger: logging.Logger
) -> None:
    first = logs.configure(tmp_path)
    second = logs.configure(tmp_path)
    assert first == second
    assert sum(isinstance(h, RotatingFileHandler) for h in app_logger.handlers) == 1

    logging.getLogger("counter_app.ui").info("only once %s", ID_18)
    lines = [line for line in read(second).splitlines() if "only once" in line]
    assert len(lines) == 1
    assert lines[0].endswith(f"only once {ID_18_MASKED}")


def test_reconfiguring_moves_the_log_to_the_new_directory(
    tmp_path: Path, app_logger: logging.Logger
) -> None:
    old = logs.configure(tmp_path / "old")
    new = logs.configure(tmp_path / "new")
    logging.getLogger("counter_app").info("after the move")
    assert "after the move" in read(new)
    assert "after the move" not in old.read_text(encoding="utf-8")
