"""The use cases as one signed-in staff member reaches them: the only door the window, the
command line and the workflows use. The caller is the session's actor; no request names its
own actor. Every method blocks (database, printer, later the network): the window calls them
in the background.

Rules are enforced behind this door, not by the caller: a client that skips the steps is
refused here with the same errors the steps would have shown.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Protocol

from counter_app.api.models import (
    Actor,
    ApplicationDetail,
    ApplicationDetails,
    ApplicationSummary,
    CardStanding,
    CorrectionToFollow,
    Credentials,
    DailyReport,
    DocumentSummary,
    DraftRecord,
    DraftSummary,
    Holder,
    HolderOnRecord,
    Kept,
    LossRequest,
    NewDraft,
    OwnRow,
    PersonFile,
    PersonHit,
    PickupCase,
    PickupRequest,
    QueueFilter,
    QueueOrder,
    QueuePage,
    RevealedNumbers,
    SendToPrinter,
    StaffSummary,
    Submission,
    Submitted,
)
from counter_app.domain.application import Action, Reason, State
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.printing.kinds import DocumentKind


class CounterApi(Protocol):
    @property
    def actor(self) -> Actor:
        """Who is signed in."""

    @property
    def rules(self) -> LocalityRules:
        """The locality rules in force."""

    # -- the session ---------------------------------------------------------------------------
    def lock_screen(self) -> None: ...
    def unlock_screen(self, password: str) -> None: ...
    def sign_out(self, why: str = "user") -> None: ...
    def authorised(
        self, supervisor: Credentials, what: str, object_id: object = None
    ) -> CounterApi:
        """A supervisor signs in on this screen for one act: the interface as that supervisor,
        for that act (audited in their name, the clerk's in the detail)."""

    # -- holders and their cards ---------------------------------------------------------------
    def find_holder(self, document_type: DocumentType, number: str) -> HolderOnRecord | None: ...
    def holder(self, person_id: int) -> HolderOnRecord: ...
    def record_holder(self, holder: Holder) -> int:
        """The holder added, or their record brought up to date; their person id."""

    def cards_of(self, person_id: int, today: date) -> list[CardStanding]: ...
    def record_not_genuine(self, card_number: str, card_id: str, where: str) -> None: ...

    # -- applications being taken --------------------------------------------------------------
    def start_draft(self, draft: NewDraft) -> ApplicationSummary: ...
    def save_draft(
        self, application_id: int, version: int, details: ApplicationDetails, reason: Reason | None
    ) -> int:
        """The draft kept as it stands; its new version."""

    def load_draft(self, application_id: int) -> DraftRecord: ...
    def my_drafts(self) -> list[DraftSummary]: ...
    def open_drafts(self) -> int: ...
    def own_application(self, application_id: int) -> ApplicationSummary: ...
    def submit(self, submission: Submission) -> Submitted:
        """The draft submitted with its fee, voucher and receipt, or nothing at all."""

    def transition(
        self, application_id: int, action: Action, version: int, note: str | None = None
    ) -> ApplicationSummary:
        """Cancel, reopen, approve or reject: the note is the reason where one is needed."""

    def authorise_override(self, application_id: int | None, supervisor: Credentials) -> Actor:
        """A supervisor accepts an old card that differs from the holder's document."""

    def report_loss(self, request: LossRequest) -> tuple[Kept, ...]:
        """The report recorded (or cancelled) with its confirmation kept, or nothing at all."""

    def find_for_pickup(self, receipt_no: str) -> PickupCase | None: ...
    def complete_pickup(self, request: PickupRequest) -> tuple[Kept, ...]:
        """The card handed over, the old one cancelled, the confirmation kept: all or none."""

    def corrections_awaiting_replacement(self) -> list[CorrectionToFollow]: ...
    def apply_correction(self, correction_id: int) -> int:
        """The holder's record corrected; their person id."""

    # -- documents -----------------------------------------------------------------------------
    def keep_document(
        self, kind: DocumentKind, data: object, application_id: int | None
    ) -> int: ...
    def next_print(self, document_id: int) -> tuple[bytes, int]:
        """The document's PDF as its next print will be, and that print's reprint number."""

    def record_print(self, document_id: int, job: str) -> int: ...
    def print_document(self, document_id: int, printer: str | None, send: SendToPrinter) -> int: ...
    def document_history(
        self, application_id: int | None = None, receipt_no: str | None = None
    ) -> list[DocumentSummary]: ...
    def find_receipt(self, receipt_no: str) -> int: ...
    def document_preview(self, document_id: int) -> tuple[DocumentKind, bytes]: ...

    # -- the supervisor's queue and a clerk's own applications ---------------------------------
    def queue_page(
        self,
        where: QueueFilter | None = None,
        order: QueueOrder = QueueOrder.OLDEST,
        offset: int = 0,
        limit: int = 50,
    ) -> QueuePage: ...
    def decidable_count(self) -> int: ...
    def own_applications(
        self, states: Collection[State], offset: int = 0, limit: int = 50
    ) -> tuple[OwnRow, ...]: ...
    def application_detail(self, application_id: int) -> ApplicationDetail: ...
    def revealed_numbers(self, application_id: int) -> RevealedNumbers: ...

    # -- search and reports --------------------------------------------------------------------
    def find_people(self, text: str, limit: int = 20) -> list[PersonHit]: ...
    def person_file(self, person_id: int) -> PersonFile: ...
    def daily_report(self, day: date) -> DailyReport: ...

    # -- administration ------------------------------------------------------------------------
    def add_staff(self, staff_no: str, name: str, role: Role, password: str) -> None: ...
    def list_staff(self) -> list[StaffSummary]: ...
    def unlock_staff(self, staff_no: str) -> None: ...
    def change_password(
        self, staff_no: str, new_password: str, old_password: str | None = None
    ) -> None: ...
