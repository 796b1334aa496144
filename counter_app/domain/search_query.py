"""What a clerk typed or scanned into the search, and what it is taken for: an ID, card,
receipt or other document's number by its shape, else a name. No database: the window reads a
query's kind before it asks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.domain.masking import mask_card_number, mask_id_number

_ID_18 = re.compile(r"[0-9]{17}[0-9X]")
_ID_15 = re.compile(r"[0-9]{15}")
_CARD = re.compile(r"[A-Z][0-9A-Z]{7}[0-9X]")
# Outlet code (digits), the day as YYYYMMDD, a 4-digit counter: see services/receipts.py.
_RECEIPT = re.compile(r"[0-9]+(?P<day>[0-9]{8})[0-9]{4}")
# Passports and permits: letters and digits, at least one digit (a Latin name has none).
_DOCUMENT = re.compile(r"[0-9A-Z]*[0-9][0-9A-Z]*")


class QueryKind(StrEnum):
    ID_NUMBER = "id_number"
    CARD_NUMBER = "card_number"
    RECEIPT_NO = "receipt_no"
    DOCUMENT_NUMBER = "document_number"  # another document type's number
    NAME = "name"


@dataclass(frozen=True)
class Query:
    """What the clerk typed or scanned, and what it was taken for."""

    kind: QueryKind
    text: str  # normalised: upper-case and without spaces for numbers

    @property
    def shown(self) -> str:
        """The query as the screen may show it: identity and card numbers masked."""
        if self.kind is QueryKind.CARD_NUMBER:
            return mask_card_number(self.text)
        if self.kind in (QueryKind.ID_NUMBER, QueryKind.DOCUMENT_NUMBER):
            return mask_id_number(self.text)
        return self.text

    @property
    def audited(self) -> str:
        # A name is personal data the found person's id already records; a number goes masked.
        return self.kind.value if self.kind is QueryKind.NAME else f"{self.kind.value} {self.shown}"


def read_query(text: str) -> Query:
    """Decide from its shape what the text is; anything that is no number is a name."""
    compact = "".join(text.split()).upper()
    if compact.isascii():
        if _ID_18.fullmatch(compact) or _ID_15.fullmatch(compact):
            return Query(QueryKind.ID_NUMBER, compact)
        if _CARD.fullmatch(compact):
            return Query(QueryKind.CARD_NUMBER, compact)
        if (receipt := _RECEIPT.fullmatch(compact)) and _is_day(receipt["day"]):
            return Query(QueryKind.RECEIPT_NO, compact)
        if _DOCUMENT.fullmatch(compact):
            return Query(QueryKind.DOCUMENT_NUMBER, compact)
    return Query(QueryKind.NAME, " ".join(text.split()))


def _is_day(yyyymmdd: str) -> bool:
    try:
        datetime.strptime(yyyymmdd, "%Y%m%d")
    except ValueError:
        return False
    return True
