"""Which serial port the ID card reader is on: the one that answers the SAM status command.

The simulated reader's port comes first when it runs, then every serial port the system lists.
All are asked at once, and the first to answer is taken: a silent port costs at most one
short wait, and none once another port has answered.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Sequence

from serial.tools import list_ports

from counter_app.idcard.errors import IdCardError, NoReaderFound, ReaderStatusError
from counter_app.idcard.reader import IdCardReader

PROBE_TIMEOUT = 1.0  # a reader answers the SAM status in milliseconds
_OPEN_SLACK = 1.0  # beyond the probe's own wait, for opening and closing the port


def candidate_ports() -> list[str]:
    """The simulated reader's port (when it runs), then the system's serial ports."""
    # Loaded only here: reading a card on a named port needs nothing of the simulator.
    from counter_app.idcard.simulator.control import simulated_port

    ports = [simulated_port()] + [port.device for port in list_ports.comports()]
    return list(dict.fromkeys(port for port in ports if port))


def is_reader(port: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether an ID card reader answers on `port` (one whose SAM is faulty counts: it is there)."""
    try:
        with IdCardReader.open(port, timeout) as reader:
            reader.sam_status()
    except ReaderStatusError:
        return True  # a sound answer frame, even one that reports a fault
    except IdCardError:
        return False
    return True


def find_reader(candidates: Sequence[str] | None = None, timeout: float = PROBE_TIMEOUT) -> str:
    """The first of `candidates` (default: candidate_ports()) to answer as a reader; else
    NoReaderFound. Ports that have not answered yet are left to finish on their own."""
    ports = list(candidate_ports() if candidates is None else candidates)
    answers: queue.SimpleQueue[tuple[str, bool]] = queue.SimpleQueue()
    for port in ports:
        # Daemon threads: a silent port's wait must not hold up the answer, nor the exit.
        threading.Thread(
            target=lambda port=port: answers.put((port, is_reader(port, timeout))),
            name=f"ID card reader probe {port}",
            daemon=True,
        ).start()
    for _ in ports:
        try:
            port, answered = answers.get(timeout=timeout + _OPEN_SLACK)
        except queue.Empty:
            break  # a port that hangs even on opening is no reader to wait for
        if answered:
            return port
    tried = ", ".join(ports) if ports else "the system lists none"
    raise NoReaderFound(f"no serial port answered as one ({tried})")
