"""What a read ID card holds: one frozen value, whatever its layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from counter_app.idcard.ethnicity import Ethnicity, ethnicity


class CardType(StrEnum):
    RESIDENT = "resident"  # 居民身份证
    HK_MO_TW = "hk_mo_tw"  # 港澳台居民居住证
    FOREIGN = "foreign"  # 外国人永久居留身份证
    FOREIGN_2023 = "foreign_2023"  # its 2023 version

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    CardType.RESIDENT: "resident ID card (居民身份证)",
    CardType.HK_MO_TW: "residence permit of Hong Kong, Macao and Taiwan residents "
    "(港澳台居民居住证)",
    CardType.FOREIGN: "foreign permanent resident ID card (外国人永久居留身份证)",
    CardType.FOREIGN_2023: "foreign permanent resident ID card, 2023 version "
    "(外国人永久居留身份证)",
}

# The keys beyond the common ones that each type's JSON carries: only what the card has.
EXTRA_KEYS: dict[CardType, tuple[str, ...]] = {
    CardType.RESIDENT: (),
    CardType.HK_MO_TW: ("pass_number", "issue_count"),
    CardType.FOREIGN: ("english_name", "nationality"),
    CardType.FOREIGN_2023: ("english_name", "nationality", "issue_count"),
}
LONG_TERM = "long_term"


@dataclass(frozen=True)
class IdCard:
    """One card's text as the reader decrypted it, and its photo as the reader sent it."""

    card_type: CardType
    name: str  # the Chinese name; a foreign card may leave it blank ("")
    sex: str  # GB/T 2261.1: "1" male, "2" female
    ethnicity: str | None  # GB 3304's two digits; None where the card has none
    birth_date: date
    address: str | None  # None on foreign cards
    id_number: str  # the ID number; on the older foreign card its 15-character card number
    issuing_authority: str | None  # None on foreign cards
    valid_from: date
    valid_to: date | None  # None: long term (长期)
    pass_number: str | None = None  # the permit's Mainland travel permit number
    issue_count: str | None = None  # the permit's issue count, the 2023 card's renewal count
    english_name: str | None = None  # foreign cards
    nationality: str | None = None  # foreign cards: ISO 3166-1 alpha-3
    card_version: str | None = None  # the older foreign card
    authority_code: str | None = None  # the older foreign card's issuing authority code
    previous_number_link: str | None = None  # the 2023 card's link to an older card's number
    photo: bytes = field(default=b"", repr=False)  # WLT: only the vendor's library decodes it

    @property
    def long_term(self) -> bool:
        return self.valid_to is None

    def expired(self, today: date | None = None) -> bool:
        """Valid to a day before today; a long-term card never expires."""
        return self.valid_to is not None and self.valid_to < (today or date.today())

    @property
    def display_name(self) -> str:
        """The Chinese name, or the English one on a foreign card that has no Chinese name."""
        return self.name or self.english_name or ""

    @property
    def ethnic_group(self) -> Ethnicity | None:
        return ethnicity(self.ethnicity) if self.ethnicity else None

    def as_json(self, today: date | None = None) -> dict[str, Any]:
        """The card as `counter-app idcard read --json` prints it: numbers in full."""
        data: dict[str, Any] = {
            "card_type": self.card_type.value,
            "name": self.display_name,
            "sex": self.sex,
            "ethnicity": self.ethnicity,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number": self.id_number,
            "issuing_authority": self.issuing_authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": LONG_TERM if self.valid_to is None else self.valid_to.isoformat(),
            "expired": self.expired(today),
        }
        for key in EXTRA_KEYS[self.card_type]:
            data[key] = getattr(self, key)
        return data
