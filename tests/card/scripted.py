"""A transport that answers from a script: for status-word paths no real card takes on demand."""

from __future__ import annotations

from collections.abc import Callable


class ScriptedTransport:
    """Answers each command from `script` (hex command → list of hex answers, used in turn)."""

    def __init__(self, script: dict[str, list[str]], on_unknown: str = "6D00") -> None:
        self._script = {command.upper(): list(answers) for command, answers in script.items()}
        self._on_unknown = on_unknown
        self.log: list[str] = []
        self.before_transmit: Callable[[bytes], None] | None = None

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        if self.before_transmit:
            self.before_transmit(apdu)
        key = apdu.hex().upper()
        self.log.append(key)
        answers = self._script.get(key)
        answer = bytes.fromhex(answers.pop(0) if answers else self._on_unknown)
        return answer[:-2], int.from_bytes(answer[-2:], "big")
