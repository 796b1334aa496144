"""The requests that carry a business's result to the use case that stores it. They import
nothing above the domain: the services take them as they are."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossAction, NewCard
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.person import DocumentType, Representative
from counter_app.printing.kinds import DocumentKind


@dataclass(frozen=True)
class Credentials:
    """A supervisor's staff number and password, sent with the one decision they authorise."""

    staff_no: str
    password: str


@dataclass(frozen=True)
class Kept:
    """A document a finished business left to print, in the order to print it."""

    kind: DocumentKind
    document_id: int


@dataclass(frozen=True)
class NewDraft:
    business: Business
    reason: Reason | None
    person_id: int
    details: ApplicationDetails
    # The same key again (a retry whose answer was lost) gives the same draft.
    idempotency_key: uuid.UUID
    # The approved correction this replacement follows, if any.
    follows_correction: int | None = None


@dataclass(frozen=True)
class Submission:
    """A draft handed in whole: everything its steps settled, checked again by the use case."""

    application_id: int
    version: int  # the draft's, as last saved
    reason: Reason | None
    details: ApplicationDetails  # holder, representative, card check, fee, materials
    old_card_number: str | None  # the card replaced or reissued
    old_card_spec: str = ""  # its specification version, when read from the chip


@dataclass(frozen=True)
class LossRequest:
    """A loss report, a hotline report recorded, or a report cancelled, for one card."""

    person_id: int
    card_number: str
    action: LossAction
    today: date
    called_on: date | None = None  # the day of the hotline call
    card_spec: str = ""
    # A reissue's formal loss, recorded from its own page, prints no confirmation.
    keep_confirmation: bool = True


@dataclass(frozen=True)
class PickupRequest:
    """The new card handed over, and what the counter saw when it was."""

    application_id: int
    version: int
    new_card: NewCard
    # The name and the document number the new card's chip carries.
    card_holder_name: str
    card_document_number: str
    # The holder's document the collector showed (the holder in person), or None with an agent.
    shown_document_type: DocumentType | None
    shown_document_number: str | None
    collector: Representative | None  # None: the holder in person
