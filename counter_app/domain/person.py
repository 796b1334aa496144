"""Who a holder is on paper: sex codes and identity documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Sex(StrEnum):
    # The values are the codes the card's chip stores (EF06 tag 0A).
    MALE = "1"
    FEMALE = "2"
    UNSPECIFIED = "9"


class DocumentType(StrEnum):
    RESIDENT_ID = "resident_id"  # 居民身份证
    HK_MACAO_PERMIT = "hk_macao_permit"  # 港澳居民来往内地通行证 / 居住证
    TAIWAN_PERMIT = "taiwan_permit"  # 台湾居民来往大陆通行证 / 居住证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    PASSPORT = "passport"


class InvalidDocumentNumber(ValueError):
    """A document number that fails the checks for its document type."""

    def __init__(self, message: str, document_type: DocumentType) -> None:
        super().__init__(message)
        self.document_type = document_type


# Other documents have no published check scheme we can rely on: only their shape is checked.
_OTHER_DOCUMENT = re.compile(r"[A-Z0-9]{5,20}")


def validate_document(doc_type: DocumentType, number: str, today: date | None = None) -> str:
    """The normalised number, or InvalidDocumentNumber (InvalidIdNumber for resident IDs)."""
    if doc_type is DocumentType.RESIDENT_ID:
        # Imported here because idnumber imports this module for Sex and the error base class.
        from counter_app.domain import idnumber

        return idnumber.validate(number, today)
    text = number.strip()
    # ASCII is checked before upper(): some non-ASCII letters upper-case into ASCII ones.
    if not text.isascii() or not _OTHER_DOCUMENT.fullmatch(text.upper()):
        raise InvalidDocumentNumber(
            f"a {doc_type.value} number must be 5 to 20 letters A-Z or digits", doc_type
        )
    return text.upper()


@dataclass(frozen=True)
class Holder:
    """A card holder as one identity document names them: the one shape every layer uses (the
    steps' answers, the person's record, the documents, the supervisor's view)."""

    name: str
    document_type: DocumentType
    document_number: str
    sex: Sex | None = None
    ethnicity: str | None = None  # GB/T 3304 code ("01") or a name
    birth_date: date | None = None
    address: str | None = None
    phone: str | None = None


# Below this age the holder comes with a guardian (a minor cannot apply alone).
GUARDIAN_AGE = 16


def age_on(born: date, today: date) -> int:
    """Full years from `born` to `today`."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class RepresentativeRole(StrEnum):
    AGENT = "agent"  # 代办人
    GUARDIAN = "guardian"  # 监护人, for a minor or a person without capacity


@dataclass(frozen=True)
class Representative:
    """Who acts for the holder: an agent or a guardian."""

    role: RepresentativeRole
    name: str
    document_type: DocumentType
    document_number: str
    relationship: str  # as the clerk recorded it, e.g. "配偶"
    phone: str | None = None
