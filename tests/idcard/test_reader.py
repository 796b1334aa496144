"""The session and the port's discovery through real pseudo-terminals: the simulated reader's
process, and ptys whose far end is silent, noisy or scripted."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from counter_app.idcard import errors
from counter_app.idcard.discovery import candidate_ports, find_reader, is_reader
from counter_app.idcard.frames import Command, answer_frame, command_frame
from counter_app.idcard.reader import PHOTO_SIZE, IdCardReader, open_port, read_card
from counter_app.idcard.simulator.profiles import load_idcard_profiles, placeholder_photo
from tests.idcard import ptys
from tests.idcard.conftest import SimulatedReader

SHORT = 0.3  # seconds: what the tests let a misbehaving reader have


@pytest.mark.parametrize("key", list(load_idcard_profiles()))
def test_every_simulated_card_reads_as_its_profile(
    idcard_reader: SimulatedReader, key: str
) -> None:
    idcard_reader.insert(key)
    card = read_card(idcard_reader.port)
    profile = load_idcard_profiles()[key]
    assert card == profile.card
    assert len(card.photo) == PHOTO_SIZE
    assert card.photo == placeholder_photo(key)


def test_one_session_reads_cards_as_they_come_and_go(idcard_reader: SimulatedReader) -> None:
    idcard_reader.remove()
    with IdCardReader.open(idcard_reader.port, SHORT) as reader:
        with pytest.raises(errors.NoCard, match="000080"):
            reader.read_card()
        idcard_reader.insert("li_si")
        assert reader.read_card().name == "李四"
        idcard_reader.insert("liu_jianguo")
        assert reader.read_card().name == "刘建国"
        idcard_reader.remove()
        with pytest.raises(errors.SelectFailed, match="000081"):
            reader.select_card()
        with pytest.raises(errors.NoCard, match="000041"):
            reader.read_text_and_photo()


def test_the_simulated_reader_refuses_bad_frames_as_a_reader_does(
    idcard_reader: SimulatedReader,
) -> None:
    line = open_port(idcard_reader.port, SHORT)  # raw bytes, past the session's checks
    try:
        line.write(command_frame(Command.SAM_STATUS)[:-1] + b"\x00")  # a wrong checksum
        assert line.read(11) == answer_frame(0x10)
        line.write(command_frame(0x7777))
        assert line.read(11) == answer_frame(0x21)
        line.write(command_frame(Command.SAM_STATUS))
        assert line.read(11) == answer_frame(0x90)
    finally:
        line.close()


def test_a_silent_port_is_no_answer_after_the_timeout() -> None:
    with ptys.silent() as pty:
        started = time.monotonic()
        with pytest.raises(errors.NoAnswer, match="no answer"):
            read_card(pty.port, timeout=SHORT)
        assert SHORT <= time.monotonic() - started < SHORT + 1.0
        assert pty.commands[0].head == Command.FIND_CARD


def test_a_noisy_port_is_a_garbled_answer() -> None:
    with ptys.noisy() as pty, pytest.raises(errors.GarbledAnswer, match="no whole frame"):
        read_card(pty.port, timeout=SHORT)


def test_a_bad_checksum_is_a_garbled_answer_at_once() -> None:
    bad = answer_frame(0x9F, bytes(4))[:-1] + b"\x00"
    with ptys.answering(bad) as pty, pytest.raises(errors.BadChecksum):
        read_card(pty.port, timeout=5.0)


@pytest.mark.parametrize("path", ["/nonexistent/ttyUSB9", "/dev/null"])
def test_a_path_that_is_no_serial_port_is_unavailable(path: str) -> None:
    with pytest.raises(errors.PortUnavailable, match=path):
        read_card(path)


def test_a_port_held_by_another_session_is_unavailable(idcard_reader: SimulatedReader) -> None:
    with (
        IdCardReader.open(idcard_reader.port),
        pytest.raises(errors.PortUnavailable, match="lock"),
    ):
        read_card(idcard_reader.port)


def test_discovery_picks_the_port_that_answers_the_sam_status(
    idcard_reader: SimulatedReader, tmp_path: Path
) -> None:
    not_a_tty = tmp_path / "ttyFILE"
    not_a_tty.write_bytes(b"")
    with ptys.silent() as silent, ptys.noisy() as noisy:
        candidates = [str(not_a_tty), silent.port, noisy.port, idcard_reader.port]
        assert find_reader(candidates, timeout=SHORT) == idcard_reader.port
        # Every port was asked at once; the silent one's question arrives in its own time.
        deadline = time.monotonic() + 2.0
        while not silent.commands and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [frame.head for frame in silent.commands] == [Command.SAM_STATUS]


def test_discovery_takes_a_reader_whose_sam_is_faulty() -> None:
    with ptys.answering(answer_frame(0x60)) as faulty:
        assert is_reader(faulty.port, SHORT)
        assert find_reader([faulty.port], timeout=SHORT) == faulty.port
        with IdCardReader.open(faulty.port, SHORT) as reader, pytest.raises(errors.SamFault):
            reader.sam_status()


def test_discovery_without_a_reader_names_the_ports_it_tried() -> None:
    with ptys.silent() as silent, pytest.raises(errors.NoReaderFound, match=silent.port):
        find_reader([silent.port, "/dev/null"], timeout=SHORT)
    with pytest.raises(errors.NoReaderFound, match="lists none"):
        find_reader([])


def test_the_simulated_reader_is_the_first_candidate(
    idcard_reader: SimulatedReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTER_APP_RUNTIME_DIR", str(idcard_reader.directory))
    assert candidate_ports()[0] == idcard_reader.port


def test_a_card_whose_data_lengths_disagree_is_garbled() -> None:
    data = (256).to_bytes(2, "big") + (1024).to_bytes(2, "big") + bytes(100)
    answers = {
        Command.FIND_CARD: answer_frame(0x9F, bytes(4)),
        Command.SELECT_CARD: answer_frame(0x90, bytes(8)),
        Command.READ_TEXT_PHOTO: answer_frame(0x90, data),
    }
    with (
        ptys.ScriptedPty(lambda frame: answers[Command(frame.head)]) as pty,
        pytest.raises(errors.GarbledAnswer, match="104 bytes"),
    ):
        read_card(pty.port, timeout=SHORT)


def test_the_photo_is_passed_on_untouched(idcard_reader: SimulatedReader) -> None:
    idcard_reader.insert("wang_xiaoming")
    card = read_card(idcard_reader.port)
    assert replace(card, photo=b"") == replace(
        load_idcard_profiles()["wang_xiaoming"].card, photo=b""
    )
    assert card.photo == placeholder_photo("wang_xiaoming")
