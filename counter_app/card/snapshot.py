"""What one complete read of a card found: immutable, and gone when the card is removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from counter_app.domain.masking import mask_card_number, mask_id_number

NO_TERMINAL = "0" * 12  # the interchange string's terminal number without a PSAM


@dataclass(frozen=True)
class CardSnapshot:
    atr: bytes
    historical_bytes: bytes
    card_id: str  # card identification code, 32 hex characters
    card_type: str
    spec_version: str  # "" on a 1.0 card
    init_org: str
    issue_date: date | None
    expiry_date: date | None
    card_number: str
    algorithm: int | None  # from the SSSE FCI: 1 3DES, 2 SSF33, 3 SM4
    # Holder data (EF06): empty on a third-generation card read without a PSAM.
    ssn: str = ""
    name: str = ""
    sex: str = ""
    ethnicity: str = ""
    birthplace: str = ""
    birth_date: date | None = None
    holder_data_read: bool = True
    # A 3.0 card's holder data came through internal and external authentication (a PSAM):
    # the card is genuine, and the interchange string carries the PSAM's terminal number.
    authenticated: bool = False
    terminal_number: str = NO_TERMINAL
    # What did not add up (check characters, birth data against the number): shown, not fatal,
    # since where a real card and the rules disagree the card is what the customer holds.
    inconsistencies: tuple[str, ...] = field(default=())

    @property
    def generation(self) -> str:
        return self.spec_version[:3] if self.spec_version else "1.0"

    @property
    def needs_psam(self) -> bool:
        return not self.holder_data_read

    @property
    def region_code(self) -> str:
        return self.card_id[:6]

    def is_expired(self, today: date) -> bool:
        return self.expiry_date is not None and self.expiry_date < today

    def interchange(self, terminal_number: str | None = None, device_number: str = "") -> str:
        """The `|`-separated, `|`-terminated line upstream card systems expect; the terminal
        number is the PSAM's that authenticated the card, else twelve zeros."""
        if terminal_number is None:
            terminal_number = self.terminal_number
        fields = [
            self.region_code,
            self.ssn,
            self.card_number,
            self.card_id,
            self.name,
            self.historical_bytes.hex().upper(),
            self.spec_version,
            _yyyymmdd(self.issue_date),
            _yyyymmdd(self.expiry_date),
            terminal_number,
            device_number,
        ]
        return "|".join(fields) + "|"

    def as_json(self) -> dict[str, Any]:
        """The full record for `card read --json` (asked for explicitly: numbers unmasked)."""
        return {
            "atr": self.atr.hex().upper(),
            "historical_bytes": self.historical_bytes.hex().upper(),
            "card_id": self.card_id,
            "card_type": self.card_type,
            "spec_version": self.spec_version,
            "init_org": self.init_org,
            "issue_date": _iso(self.issue_date),
            "expiry_date": _iso(self.expiry_date),
            "card_number": self.card_number,
            "ssn": self.ssn,
            "name": self.name,
            "sex": self.sex,
            "ethnicity": self.ethnicity,
            "birthplace": self.birthplace,
            "birth_date": _iso(self.birth_date),
            "region_code": self.region_code,
            "interchange": self.interchange(),
            "needs_psam": self.needs_psam,
            "authenticated": self.authenticated,
            "terminal_number": self.terminal_number,
            "inconsistencies": list(self.inconsistencies),
        }

    @property
    def masked_ssn(self) -> str:
        return mask_id_number(self.ssn) if self.ssn else ""

    @property
    def masked_card_number(self) -> str:
        return mask_card_number(self.card_number) if self.card_number else ""


def _yyyymmdd(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
