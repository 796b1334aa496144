"""A virtual social security card: the chip's files and commands, with one profile's quirks.

Commands: SELECT (by DF name, by file id, the MF), READ RECORD (by tag or number, in the current
EF or by SFI), GET CHALLENGE, GET RESPONSE (T=0 cards), and on 3.0 cards INTERNAL AUTHENTICATE
(key IRK) and EXTERNAL AUTHENTICATE (key RKSSSE, id 0A). Quirks come from the profile: a T=0 card
answers data with 61xx first; an SSSE-as-MF card has its files under 3F00; a locked card answers
9303 to the SSSE select; a 3.0 card keeps EF06 behind external authentication, with keys
diversified from the simulator's roots (security.py); a bank-only card has no social security
application.

A 3.0 card as the spec has it: a challenge serves one EXTERNAL AUTHENTICATE and dies with any
other command; EF06 answers 6982 until external authentication succeeds; a wrong cryptogram
answers 63Cx with x tries left, and 6983 once none are left; reset and power-off forget the
challenge and the authentication (not the tries), as does selecting another application.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from counter_app.card import crypto
from counter_app.resources.simulated_cards import CardProfile, SimulatedCard
from counter_app.simulator.apdu import (
    SW,
    Command,
    MalformedCommand,
    Reply,
    response_waiting,
    status,
    verification_failed,
    wrong_le,
)
from counter_app.simulator.records import ef05_records, ef06_records, tlv
from counter_app.simulator.security import CardSecurity, card_security

SSSE_NAME = "sx1.sh.社会保障".encode("gbk")
UNIONPAY_AID = bytes.fromhex("A000000333010101")
MF_ID = 0x3F00
EF05_ID = 0xEF05
EF06_ID = 0xEF06
# What real cards send: TS 3B, T0 6D (TB1 and TC1 follow, then 13 historical bytes), TB1 00,
# TC1 00. No TD1, so T=0 is implied and there is no TCK; vpcd speaks T=1 to pcscd regardless.
ATR_PREFIX = bytes.fromhex("3B6D0000")
HISTORICAL_LENGTH = 13
ALGORITHM_3DES = 0x01
ALGORITHM_SM4 = 0x03  # third-generation cards
KEY_RKSSSE = 0x0A

INS_SELECT = 0xA4
INS_READ_RECORD = 0xB2
INS_GET_CHALLENGE = 0x84
INS_EXTERNAL_AUTHENTICATE = 0x82
INS_INTERNAL_AUTHENTICATE = 0x88
INS_GET_RESPONSE = 0xC0


class Directory(Enum):
    MF = "MF"
    SSSE = "SSSE"
    UNIONPAY = "UnionPay"


@dataclass(frozen=True)
class ElementaryFile:
    fid: int
    sfi: int
    records: tuple[bytes, ...]  # whole TLV records, record number 1 first
    protected: bool  # reading needs external authentication first

    def by_number(self, number: int) -> bytes | None:
        return self.records[number - 1] if 1 <= number <= len(self.records) else None

    def by_tag(self, tag: int) -> bytes | None:
        return next((record for record in self.records if record[0] == tag), None)


def fci(df_name: bytes, proprietary: bytes) -> bytes:
    return tlv(0x6F, tlv(0x84, df_name) + tlv(0xA5, proprietary))


def ssse_fci(algorithm: int) -> bytes:
    # 9F0C (issuer discretionary data) holds the 86 template naming the card's algorithm.
    return fci(SSSE_NAME, bytes.fromhex("9F0C03") + tlv(0x86, bytes([algorithm])))


UNIONPAY_FCI = fci(UNIONPAY_AID, tlv(0x50, b"UnionPay") + tlv(0x87, b"\x01"))


class SocialSecurityCard:
    """One chip answering APDUs; `transmit` takes a C-APDU and returns the R-APDU."""

    def __init__(
        self, profile: CardProfile, random_bytes: Callable[[int], bytes] = os.urandom
    ) -> None:
        historical = bytes.fromhex(profile.atr_historical)
        if len(historical) != HISTORICAL_LENGTH:
            raise ValueError(f"card {profile.key}: atr_historical must be 13 bytes (26 hex)")
        self.profile = profile
        self.atr = ATR_PREFIX + historical
        self._t0 = profile.protocol == "T0"
        self._random_bytes = random_bytes
        self._files: dict[int, ElementaryFile] = {}
        self._fci = b""
        self._ssse_as_mf = False
        self._locked = False
        self.security: CardSecurity | None = None
        if isinstance(profile, SimulatedCard):
            self.security = card_security(profile, historical)
            third_generation = self.security is not None
            self._files = {
                EF05_ID: ElementaryFile(EF05_ID, 5, ef05_records(profile), protected=False),
                EF06_ID: ElementaryFile(
                    EF06_ID, 6, ef06_records(profile), protected=third_generation
                ),
            }
            self._fci = ssse_fci(self.security.algorithm if self.security else ALGORITHM_3DES)
            self._ssse_as_mf = profile.ssse_as_mf
            self._locked = profile.locked
        # Tries left on RKSSSE: kept in the chip, so a reset does not give them back.
        self.rksse_tries = self.security.rksse_tries if self.security else 0
        self._commands: dict[int, Callable[[Command], Reply]] = {
            INS_SELECT: self._select,
            INS_READ_RECORD: self._read_record,
            INS_GET_CHALLENGE: self._get_challenge,
            INS_EXTERNAL_AUTHENTICATE: self.external_authenticate,
            INS_INTERNAL_AUTHENTICATE: self.internal_authenticate,
        }
        self._clear()

    @property
    def has_ssse(self) -> bool:
        return bool(self._files)

    # Power and reset: a fresh chip, nothing selected, nothing proven.

    def power_on(self) -> None:
        self._clear()

    def power_off(self) -> None:
        self._clear()

    def reset(self) -> None:
        self._clear()

    def _clear(self) -> None:
        self.authenticated = False
        self.challenge: bytes | None = None
        self._directory: Directory | None = None
        self._ef: ElementaryFile | None = None
        self._pending: Reply | None = None  # T=0: the answer waiting for GET RESPONSE

    # Commands

    def transmit(self, apdu: bytes) -> bytes:
        try:
            command = Command.parse(apdu)
        except MalformedCommand:
            self._pending = None
            self.challenge = None
            return status(SW.WRONG_LENGTH).to_bytes()
        if command.ins == INS_GET_RESPONSE and command.cla == 0x00:
            return self._get_response(command).to_bytes()
        self._pending = None  # any other command discards an answer nobody fetched
        if command.ins != INS_EXTERNAL_AUTHENTICATE:
            # The card remembers its last challenge for the very next command only.
            self.challenge = None
        if command.cla != 0x00:
            return status(SW.CLA_NOT_SUPPORTED).to_bytes()
        handler = self._commands.get(command.ins)
        reply = handler(command) if handler else status(SW.INS_NOT_SUPPORTED)
        return self._deliver(reply).to_bytes()

    def internal_authenticate(self, command: Command) -> Reply:
        """`00 88 00 00 10 r1 ‖ r2`: the IRK's session key for r1 applied to r2 (8 bytes)."""
        if self.security is None:
            return status(SW.INS_NOT_SUPPORTED)
        if (command.p1, command.p2) != (0, 0):
            return status(SW.WRONG_P1P2)
        if len(command.data) != 16:
            return status(SW.WRONG_LENGTH)
        if command.le not in (None, 0, 8):
            return wrong_le(8)
        rule = crypto.rule_for(self.security.algorithm)
        r1, r2 = command.data[:8], command.data[8:]
        return Reply(SW.OK, rule.authentication(rule.session_key(self.security.irk, r1), r2))

    def external_authenticate(self, command: Command) -> Reply:
        """`00 82 00 0A 10 auth ‖ raw` (or Lc 11 with key version 01): RKSSSE's session key for
        the last challenge must give `auth` for `raw`. Success opens EF06 until reset."""
        challenge, self.challenge = self.challenge, None  # single use, whatever the outcome
        if self.security is None:
            return status(SW.SECURITY_NOT_SATISFIED)
        if (command.p1, command.p2) != (0, KEY_RKSSSE):
            return status(SW.KEY_NOT_FOUND)
        if len(command.data) not in (16, 17) or command.data[16:] not in (b"", b"\x01"):
            return status(SW.WRONG_LENGTH)
        if self.rksse_tries == 0:
            return status(SW.AUTHENTICATION_BLOCKED)
        if challenge is None or len(challenge) != 8:
            return status(SW.NO_VALID_CHALLENGE)
        rule = crypto.rule_for(self.security.algorithm)
        auth, raw = command.data[:8], command.data[8:16]
        expected = rule.authentication(rule.session_key(self.security.rksse, challenge), raw)
        if auth != expected:
            self.rksse_tries -= 1
            return verification_failed(self.rksse_tries)
        self.rksse_tries = self.security.rksse_tries or self.rksse_tries
        self.authenticated = True
        return status(SW.OK)

    def _deliver(self, reply: Reply) -> Reply:
        # T=0 has no room for data in the first answer: the reader must ask with GET RESPONSE.
        if self._t0 and reply.data:
            self._pending = reply
            return response_waiting(len(reply.data))
        return reply

    def _get_response(self, command: Command) -> Reply:
        if (command.p1, command.p2) != (0, 0):
            self._pending = None
            return status(SW.WRONG_P1P2)
        pending = self._pending
        if pending is None:
            return status(SW.CONDITIONS_NOT_SATISFIED)
        if command.le != len(pending.data):
            return wrong_le(len(pending.data))  # the answer stays waiting
        self._pending = None
        return pending

    def _select(self, command: Command) -> Reply:
        if command.p2 != 0x00:
            return status(SW.WRONG_P1P2)
        if command.p1 == 0x04:
            return self._select_by_name(command.data)
        if command.p1 in (0x00, 0x02):
            if len(command.data) != 2:
                return status(SW.WRONG_LENGTH)
            return self._select_by_id(command.p1, int.from_bytes(command.data, "big"))
        return status(SW.WRONG_P1P2)

    def _select_by_name(self, name: bytes) -> Reply:
        if name == UNIONPAY_AID:
            self._enter(Directory.UNIONPAY)
            return Reply(SW.OK, UNIONPAY_FCI)
        if name != SSSE_NAME or not self.has_ssse or self._ssse_as_mf:
            return status(SW.FILE_NOT_FOUND)
        if self._locked:
            return status(SW.APPLICATION_LOCKED)
        self._enter(Directory.SSSE)
        return Reply(SW.OK, self._fci)

    def _select_by_id(self, p1: int, fid: int) -> Reply:
        if fid == MF_ID and p1 == 0x00:
            if self._locked:
                return status(SW.APPLICATION_LOCKED)
            self._enter(Directory.MF)
            return Reply(SW.OK, self._fci if self._ssse_as_mf else b"")
        ef = self._files_here().get(fid)
        if ef is None:
            return status(SW.FILE_NOT_FOUND)
        self._ef = ef
        return status(SW.OK)

    def _enter(self, directory: Directory) -> None:
        if directory is not self._directory:
            self.authenticated = False  # another application: the read key's grant ends
        self._directory = directory
        self._ef = None

    def _files_here(self) -> dict[int, ElementaryFile]:
        if self._directory is Directory.SSSE or (
            self._directory is Directory.MF and self._ssse_as_mf
        ):
            return self._files
        return {}

    def _read_record(self, command: Command) -> Reply:
        sfi, mode = command.p2 >> 3, command.p2 & 0x07
        if mode not in (0x00, 0x04) or command.p1 == 0:
            return status(SW.WRONG_P1P2)
        if sfi == 0:
            ef = self._ef
            if ef is None:
                return status(SW.NO_CURRENT_EF)
        else:
            ef = next((f for f in self._files_here().values() if f.sfi == sfi), None)
            if ef is None:
                return status(SW.FILE_NOT_FOUND)
            self._ef = ef  # reading by SFI makes the file current (ISO 7816-4)
        if ef.protected and not self.authenticated:
            return status(SW.SECURITY_NOT_SATISFIED)
        record = ef.by_number(command.p1) if mode == 0x04 else ef.by_tag(command.p1)
        if record is None:
            return status(SW.RECORD_NOT_FOUND)
        if command.le != len(record):
            return wrong_le(len(record))
        return Reply(SW.OK, record)

    def _get_challenge(self, command: Command) -> Reply:
        if (command.p1, command.p2) != (0, 0):
            return status(SW.WRONG_P1P2)
        if command.le not in (4, 8):
            return wrong_le(8)
        self.challenge = self._random_bytes(command.le)
        return Reply(SW.OK, self.challenge)
