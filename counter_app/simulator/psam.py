"""A simulated PSAM: the secure module a counter's second reader slot holds (psam.md).

It holds the IRK (key 08) and RKSSSE (key 0A) of one key set at 1, 2 or 3 levels, for 3DES in
the MF (environment `sx1.sh.社会保障`) and SM4 in `sx3…`; both have the ADF DF01 (AID
D15600000590). Commands: SELECT, READ BINARY of the terminal number (EF 0016, while the MF or an
environment is current), DELIVERY SESSION KEY (BF DE), CIPHER DATA (80 FA), GET RESPONSE. No
PIN. A T=0 PSAM answers data with 61xx first.
"""

from __future__ import annotations

from counter_app.card import crypto
from counter_app.card.psam import ADF_ID, PSAM_AID, TERMINAL_NUMBER_SFI, environment_name
from counter_app.simulator.apdu import (
    SW,
    Command,
    MalformedCommand,
    Reply,
    response_waiting,
    status,
    wrong_le,
)
from counter_app.simulator.security import PsamProfile, held_key, load_security

ATR_PREFIX = bytes.fromhex("3B6D0000")
KEY_TYPE = 0x07
ENVIRONMENTS = {
    environment_name(algorithm): algorithm
    for algorithm in (crypto.ALGORITHM_3DES, crypto.ALGORITHM_SM4)
}
MF_ID = 0x3F00


class SimulatedPsam:
    """One PSAM answering APDUs; `transmit` takes a C-APDU and returns the R-APDU."""

    def __init__(self, profile: PsamProfile) -> None:
        historical = bytes.fromhex(profile.atr_historical)
        self.profile = profile
        self.atr = ATR_PREFIX[:1] + bytes([0x60 | len(historical)]) + ATR_PREFIX[2:] + historical
        self.terminal_number = bytes.fromhex(profile.terminal_number)
        roots = load_security().keys[profile.roots]
        # Per algorithm, per key id: what this PSAM holds.
        self.keys: dict[int, dict[int, bytes]] = {}
        for algorithm in ENVIRONMENTS.values():
            rule = crypto.rule_for(algorithm)
            self.keys[algorithm] = {
                0x08: held_key(roots.irk, rule, profile.levels, profile.region),
                0x0A: held_key(roots.rksse, rule, profile.levels, profile.region),
            }
        self._t0 = profile.protocol == "T0"
        self.commands = 0  # every APDU received, for tests that pull the PSAM mid-way
        self._clear()

    def power_on(self) -> None:
        self._clear()

    def power_off(self) -> None:
        self._clear()

    def reset(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.environment = crypto.ALGORITHM_3DES  # the MF is the 3DES environment
        self.in_adf = False
        self.session_key: bytes | None = None
        self._pending: Reply | None = None

    def transmit(self, apdu: bytes) -> bytes:
        self.commands += 1
        try:
            command = Command.parse(apdu)
        except MalformedCommand:
            self._pending = None
            return status(SW.WRONG_LENGTH).to_bytes()
        if (command.cla, command.ins) == (0x00, 0xC0):
            return self._get_response(command).to_bytes()
        self._pending = None
        handler = {
            (0x00, 0xA4): self._select,
            (0x00, 0xB0): self._read_binary,
            (0x00, 0xB2): lambda _: status(SW.FILE_NOT_FOUND),  # no record files here
            (0xBF, 0xDE): self._delivery_session_key,
            (0x80, 0xFA): self._cipher_data,
        }.get((command.cla, command.ins))
        if handler is None:
            known_ins = command.ins in (0xA4, 0xB0, 0xB2, 0xDE, 0xFA)
            return status(SW.CLA_NOT_SUPPORTED if known_ins else SW.INS_NOT_SUPPORTED).to_bytes()
        reply = handler(command)
        if self._t0 and reply.data:
            self._pending = reply
            return response_waiting(len(reply.data)).to_bytes()
        return reply.to_bytes()

    @property
    def rule(self) -> crypto.CipherRule:
        return crypto.rule_for(self.environment)

    def _get_response(self, command: Command) -> Reply:
        pending = self._pending
        if pending is None:
            return status(SW.CONDITIONS_NOT_SATISFIED)
        if command.le != len(pending.data):
            return wrong_le(len(pending.data))
        self._pending = None
        return pending

    def _select(self, command: Command) -> Reply:
        if command.p1 == 0x04 and command.p2 == 0x00:
            if command.data in ENVIRONMENTS:
                self.environment, self.in_adf = ENVIRONMENTS[command.data], False
                self.session_key = None
                return Reply(
                    SW.OK,
                    bytes([0x6F, 2 + len(command.data), 0x84, len(command.data)]) + command.data,
                )
            if command.data == PSAM_AID:
                self.in_adf, self.session_key = True, None
                return Reply(SW.OK, bytes([0x6F, 8, 0x84, 6]) + PSAM_AID)
            return status(SW.FILE_NOT_FOUND)
        if command.p1 == 0x00 and command.p2 == 0x00 and len(command.data) == 2:
            if command.data == ADF_ID:
                self.in_adf, self.session_key = True, None
                return status(SW.OK)
            if int.from_bytes(command.data, "big") == MF_ID:
                self._clear()
                return status(SW.OK)
            return status(SW.FILE_NOT_FOUND)
        return status(SW.WRONG_P1P2)

    def _read_binary(self, command: Command) -> Reply:
        if command.p1 != 0x80 | TERMINAL_NUMBER_SFI or self.in_adf:
            return status(SW.FILE_NOT_FOUND)
        data = self.terminal_number[command.p2 :]
        if command.le not in (0, len(data)):
            return wrong_le(len(data))
        return Reply(SW.OK, data)

    def _delivery_session_key(self, command: Command) -> Reply:
        if not self.in_adf:
            return status(SW.CONDITIONS_NOT_SATISFIED)
        levels, key_type = command.p1 >> 5, command.p1 & 0x1F
        key = self.keys[self.environment].get(command.p2)
        if key is None or key_type != KEY_TYPE:
            return status(SW.KEY_NOT_FOUND)
        if levels != self.profile.levels:
            return status(SW.WRONG_DATA)
        rule = self.rule
        if len(command.data) != 8 * levels + rule.block:
            return status(SW.WRONG_LENGTH)
        factors = [command.data[8 * i : 8 * i + 8] for i in range(levels)]  # lowest first
        process = command.data[8 * levels :]
        diversified = rule.diversify(key, list(reversed(factors)))
        self.session_key = rule.encrypt(diversified, process)
        return status(SW.OK)

    def _cipher_data(self, command: Command) -> Reply:
        if self.session_key is None:
            return status(SW.NO_SESSION_KEY)
        if not command.data or len(command.data) % self.rule.block:
            return status(SW.WRONG_LENGTH)
        return Reply(SW.OK, self.rule.cipher(self.session_key, command.data))
