"""Whether a card's chip names the holder: what the old card of a replacement and the new card
handed over at pickup are compared with."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.person import DocumentType


@dataclass(frozen=True)
class ChipHolder:
    """Who a card's chip says its holder is, as read (empty where nothing could be read)."""

    name: str
    number: str  # the social security number
    sex: str = ""  # the Sex code
    birth_date: str = ""  # ISO date


def comparable_number(document_type: DocumentType | str, number: str) -> str | None:
    """The social security number on a resident's card is their ID number; holders of other
    documents get numbers of another scheme, which cannot be compared."""
    return number if document_type == DocumentType.RESIDENT_ID else None


def differences(
    card: ChipHolder,
    name: str,
    number: str | None,
    sex: str | None = None,
    born: str | None = None,
) -> list[str]:
    """The items in which the card disagrees with the person: name, number, sex, birth date
    (None: not compared). A card whose holder data could not be read (a 3.0 card without a
    PSAM) differs in every item compared."""
    read = {
        "name": card.name.strip(),
        "number": card.number.strip().upper(),
        "sex": card.sex,
        "birth_date": card.birth_date,
    }
    person = {"name": name.strip(), "number": number, "sex": sex, "birth_date": born}
    return [item for item in read if person[item] is not None and read[item] != person[item]]
