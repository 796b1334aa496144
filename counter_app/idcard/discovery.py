"""Which serial port the ID card reader is on: the one that answers the SAM status command.

The simulated reader's port comes first when it runs, then every serial port the system lists.
All are asked at once, so a silent port costs one short wait, not one each.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from serial.tools import list_ports

from counter_app.idcard.errors import IdCardError, NoReaderFound, ReaderStatusError
from counter_app.idcard.reader import IdCardReader

PROBE_TIMEOUT = 1.0  # a reader answers the SAM status in milliseconds


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
    """The first of `candidates` (default: candidate_ports()) with a reader; NoReaderFound."""
    ports = list(candidate_ports() if candidates is None else candidates)
    if ports:
        with ThreadPoolExecutor(max_workers=min(len(ports), 16)) as pool:
            answers = pool.map(lambda port: is_reader(port, timeout), ports)
            for port, answered in zip(ports, answers, strict=True):
                if answered:
                    return port
    tried = ", ".join(ports) if ports else "the system lists none"
    raise NoReaderFound(f"no serial port answered as one ({tried})")
