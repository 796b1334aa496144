"""The social security card session: select SSSE, read EF05 and EF06 by tag, decode, check."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from counter_app.card import records
from counter_app.card.apdu import ApduChannel, command
from counter_app.card.atr import historical_bytes
from counter_app.card.authentication import Authentication, Authenticator
from counter_app.card.errors import (
    ApplicationLocked,
    CardLocked,
    CardNotGenuine,
    FileNotFound,
    NotSocialSecurityCard,
    PsamNotFound,
    RecordNotFound,
    SecurityNotSatisfied,
)
from counter_app.card.snapshot import NO_TERMINAL, CardSnapshot
from counter_app.domain import cardnumber, idnumber

log = logging.getLogger(__name__)
__all__ = ["Authenticator", "SocialSecurityCardSession", "algorithm_of"]

SSSE_NAME = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")  # "sx1.sh.社会保障" in GBK
MF_ID = bytes.fromhex("3F00")
EF05_BY_TAG = 0x28  # P2 for READ RECORD by tag in the EF with SFI 5, without selecting it
EF06_BY_TAG = 0x30


@dataclass(frozen=True)
class Item:
    tag: int
    length: int  # the value's length in the spec; Le is this plus the 2-byte header


EF05_ITEMS = {
    "card_id": Item(0x01, 16),
    "card_type": Item(0x02, 1),
    "spec_version": Item(0x03, 4),
    "init_org": Item(0x04, 12),
    "issue_date": Item(0x05, 4),
    "expiry_date": Item(0x06, 4),
    "card_number": Item(0x07, 9),
}
EF06_ITEMS = {
    "ssn": Item(0x08, 18),
    "name": Item(0x09, 30),
    "name_extension": Item(0x4E, 20),
    "sex": Item(0x0A, 1),
    "ethnicity": Item(0x0B, 1),
    "birthplace": Item(0x0C, 3),
    "birth_date": Item(0x0D, 4),
}
# Items a card may lack: a 1.0 card has no spec version and often no name extension.
OPTIONAL = {"spec_version", "name_extension"}
# What a third-generation card shows without authentication; the rest may answer 6982.
READABLE_WITHOUT_AUTH = {"card_id", "spec_version", "card_number"}


class SocialSecurityCardSession:
    def __init__(
        self, channel: ApduChannel, atr: bytes, authenticator: Authenticator | None = None
    ) -> None:
        self._channel, self._atr, self._authenticator = channel, atr, authenticator
        self.authentication_attempted = False  # the card may hold an open EF06 afterwards

    def read(self) -> CardSnapshot:
        algorithm = self._select_ssse()
        try:
            card = {name: self._read(EF05_BY_TAG, name, item) for name, item in EF05_ITEMS.items()}
        except FileNotFound:
            # An MF without EF05 (a bank card answers SELECT 3F00 too): not our application.
            raise NotSocialSecurityCard("the card has no social security files") from None
        self._authentication: Authentication | None = None
        holder = self._read_holder(card, algorithm)
        return self._snapshot(card, holder, algorithm)

    # -- commands --------------------------------------------------------------------------------
    def _select_ssse(self) -> int | None:
        try:
            fci = self._channel.send(command(0x00, 0xA4, 0x04, 0x00, SSSE_NAME), "SELECT SSSE")
        except FileNotFound:
            # Some cards make SSSE the MF itself: select it, then read the EFs as usual.
            try:
                fci = self._channel.send(command(0x00, 0xA4, 0x00, 0x00, MF_ID), "SELECT MF")
            except FileNotFound:
                raise NotSocialSecurityCard("the card has no social security application") from None
            except ApplicationLocked:
                raise CardLocked("the social security application is locked") from None
        except ApplicationLocked:
            raise CardLocked("the social security application is locked") from None
        return algorithm_of(fci)

    def _read(self, sfi_p2: int, name: str, item: Item, may_be_closed: bool = True) -> bytes | None:
        """One record by tag; None for an optional item the card lacks, or (`may_be_closed`)
        for an item behind the card's read key."""
        apdu = command(0x00, 0xB2, item.tag, sfi_p2, le=item.length + 2)
        try:
            return records.strip_header(self._channel.send(apdu, f"READ {name}"), item.tag)
        except RecordNotFound:
            if name in OPTIONAL:
                return None
            raise
        except SecurityNotSatisfied:
            if name in READABLE_WITHOUT_AUTH or not may_be_closed:
                raise
            return None

    def _read_holder(
        self, card: dict[str, bytes | None], algorithm: int | None
    ) -> dict[str, bytes | None] | None:
        """EF06, authenticating first when the card asks for it and we can; None if we cannot.

        A 3.0 card keeps EF06 behind its read key: with an authenticator it is authenticated
        straight away (no probe, one APDU less). Otherwise EF06 is read as it is, and a 6982
        calls for the authenticator. With nothing to authenticate with, a 3.0 card is still
        asked, in case it is one that leaves EF06 open: where a card and the spec disagree,
        the card wins.
        """
        items = list(EF06_ITEMS.items())

        def open_items() -> dict[str, bytes | None]:
            return {name: self._read(EF06_BY_TAG, name, item, False) for name, item in items}

        tried = False
        if (card["spec_version"] or b"").startswith(b"3") and self._authenticator is not None:
            if self._authenticate(card, algorithm):
                return open_items()
            tried = True
        first_name, first_item = items[0]
        first = self._read(EF06_BY_TAG, first_name, first_item)
        if first is not None:
            # EF06 is open: a later item refused is a failed read, not an item left out.
            holder = {first_name: first}
            holder.update(
                {name: self._read(EF06_BY_TAG, name, item, False) for name, item in items[1:]}
            )
            return holder
        # 6982: the holder data are behind the card's read key RKSSSE.
        if tried or not self._authenticate(card, algorithm):
            return None
        return open_items()

    def _authenticate(self, card: dict[str, bytes | None], algorithm: int | None) -> bool:
        """Whether EF06 is open now; False when there is nothing to authenticate with."""
        if self._authenticator is None:
            return False
        self.authentication_attempted = True
        try:
            result = self._authenticator.authenticate(
                self._channel,
                (card["card_id"] or b"").hex().upper(),
                historical_bytes(self._atr),
                algorithm,
            )
        except PsamNotFound as missing:
            log.info("holder data not read: %s", missing)
            return False
        except CardNotGenuine as suspect:
            suspect.card_number = records.ascii_text(card["card_number"] or b"")
            raise
        self._authentication = result or Authentication()
        return True

    # -- decoding ----------------------------------------------------------------------------------
    def _snapshot(
        self,
        card: dict[str, bytes | None],
        holder: dict[str, bytes | None] | None,
        algorithm: int | None,
    ) -> CardSnapshot:
        def value(source: dict[str, bytes | None] | None, name: str) -> bytes:
            return (source or {}).get(name) or b""

        snapshot = CardSnapshot(
            atr=self._atr,
            historical_bytes=historical_bytes(self._atr),
            card_id=value(card, "card_id").hex().upper(),
            card_type=records.ascii_text(value(card, "card_type")),
            spec_version=records.ascii_text(value(card, "spec_version")),
            init_org=records.bcd(value(card, "init_org")),
            issue_date=records.bcd_date(value(card, "issue_date")),
            expiry_date=records.bcd_date(value(card, "expiry_date")),
            card_number=records.ascii_text(value(card, "card_number")),
            algorithm=algorithm,
            ssn=records.ascii_text(value(holder, "ssn")).upper(),
            # The extension continues the name's bytes; a character may straddle the two.
            name=records.gb18030_text(
                value(holder, "name").rstrip(b"\x00") + value(holder, "name_extension")
            ),
            sex=records.ascii_text(value(holder, "sex")),
            ethnicity=records.bcd(value(holder, "ethnicity")),
            birthplace=records.bcd(value(holder, "birthplace")),
            birth_date=records.bcd_date(value(holder, "birth_date")),
            holder_data_read=holder is not None,
            authenticated=self._authentication is not None,
            terminal_number=(self._authentication or Authentication()).terminal_number
            or NO_TERMINAL,
        )
        return _with_inconsistencies(snapshot)


def algorithm_of(fci: bytes) -> int | None:
    """The `86 01 <alg>` inside the SSSE's FCI, if the card gives one."""
    marker = fci.find(b"\x86\x01")
    return fci[marker + 2] if marker >= 0 and marker + 2 < len(fci) else None


def _with_inconsistencies(snapshot: CardSnapshot) -> CardSnapshot:
    found: list[str] = []
    try:
        cardnumber.validate(snapshot.card_number)
    except cardnumber.InvalidCardNumber:
        found.append("card_number_check")
    if snapshot.holder_data_read:
        try:
            number = idnumber.validate(snapshot.ssn)
        except idnumber.InvalidIdNumber:
            found.append("ssn_check")
        else:
            if snapshot.birth_date and idnumber.birth_date(number) != snapshot.birth_date:
                found.append("birth_date_mismatch")
            if snapshot.sex in ("1", "2") and idnumber.sex(number).value != snapshot.sex:
                found.append("sex_mismatch")
    return replace(snapshot, inconsistencies=tuple(found)) if found else snapshot
