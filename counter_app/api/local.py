"""The interface in-process: the use cases called directly, on this workstation's database.

The embedded mode (one workstation alone: training, a demo) and the administration commands use
it; an outlet's counters will reach the same use cases over the network instead.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

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
from counter_app.domain.application import Action, Reason, State, normalised_receipt_no
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission, Role
from counter_app.domain.rules import LocalityRules
from counter_app.printing.kinds import DocumentKind
from counter_app.services import (
    applications,
    auth,
    corrections,
    documents,
    drafts,
    holders,
    losses,
    pickup,
    queue,
    reports,
    search,
    staff,
    submission,
    suspect_cards,
)
from counter_app.services.errors import NotFound
from counter_app.store.database import Database


def sign_in(
    db: Database, rules: LocalityRules, staff_no: str, password: str, workstation: str
) -> LocalCounterApi:
    """The interface for the staff member the password proves (BadCredentials, AccountLocked,
    AccountInactive otherwise)."""
    return LocalCounterApi(db, auth.sign_in(db, staff_no, password, workstation), rules)


class LocalCounterApi:
    def __init__(self, db: Database, actor: Actor, rules: LocalityRules) -> None:
        self._db, self._actor, self._rules = db, actor, rules

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def rules(self) -> LocalityRules:
        return self._rules

    # -- the session ---------------------------------------------------------------------------
    def lock_screen(self) -> None:
        auth.screen_locked(self._db, self._actor)

    def unlock_screen(self, password: str) -> None:
        auth.unlock_screen(self._db, self._actor, password)

    def sign_out(self, why: str = "user") -> None:
        auth.sign_out(self._db, self._actor, why)

    def authorised(
        self, supervisor: Credentials, what: str, object_id: object = None
    ) -> LocalCounterApi:
        deciding = auth.authorise(
            self._db,
            supervisor.staff_no,
            supervisor.password,
            Permission.DECIDE_APPLICATIONS,
            self._actor,
            what,
            object_id,
        )
        return LocalCounterApi(self._db, deciding, self._rules)

    # -- holders and their cards ---------------------------------------------------------------
    def find_holder(self, document_type: DocumentType, number: str) -> HolderOnRecord | None:
        return holders.find(self._db, self._actor, document_type, number)

    def holder(self, person_id: int) -> HolderOnRecord:
        return holders.by_id(self._db, self._actor, person_id)

    def record_holder(self, holder: Holder) -> int:
        return holders.ensure(self._db, self._actor, holder)

    def cards_of(self, person_id: int, today: date) -> list[CardStanding]:
        self._actor.require(Permission.TAKE_APPLICATIONS)
        return losses.cards_of(self._db, person_id, today)

    def record_not_genuine(self, card_number: str, card_id: str, where: str) -> None:
        suspect_cards.record_not_genuine(self._db, self._actor, card_number, card_id, where)

    # -- applications being taken --------------------------------------------------------------
    def start_draft(self, draft: NewDraft) -> ApplicationSummary:
        return drafts.start(self._db, self._actor, self._rules, draft)

    def save_draft(
        self, application_id: int, version: int, details: ApplicationDetails, reason: Reason | None
    ) -> int:
        return drafts.save(self._db, self._actor, application_id, version, details, reason=reason)

    def load_draft(self, application_id: int) -> DraftRecord:
        return drafts.load(self._db, self._actor, application_id)

    def my_drafts(self) -> list[DraftSummary]:
        return drafts.mine(self._db, self._actor)

    def open_drafts(self) -> int:
        return applications.open_drafts(self._db, self._actor)

    def own_application(self, application_id: int) -> ApplicationSummary:
        return drafts.own_application(self._db, self._actor, application_id)

    def submit(self, request: Submission) -> Submitted:
        return submission.submit(self._db, self._actor, self._rules, request)

    def transition(
        self, application_id: int, action: Action, version: int, note: str | None = None
    ) -> ApplicationSummary:
        return applications.transition(
            self._db, self._actor, application_id, action, version, note=note
        )

    def authorise_override(self, application_id: int | None, supervisor: Credentials) -> Actor:
        return auth.authorise(
            self._db,
            supervisor.staff_no,
            supervisor.password,
            Permission.DECIDE_APPLICATIONS,
            self._actor,
            submission.OVERRIDE_AUTHORISED,
            application_id,
        )

    def report_loss(self, request: LossRequest) -> tuple[Kept, ...]:
        return losses.record_loss_action(self._db, self._actor, self._rules, request)

    def find_for_pickup(self, receipt_no: str) -> PickupCase | None:
        self._actor.require(Permission.TAKE_APPLICATIONS)
        try:
            return pickup.find_for_pickup(self._db, normalised_receipt_no(receipt_no))
        except NotFound:
            return None

    def complete_pickup(self, request: PickupRequest) -> tuple[Kept, ...]:
        return pickup.hand_over(self._db, self._actor, self._rules, request)

    def corrections_awaiting_replacement(self) -> list[CorrectionToFollow]:
        return corrections.awaiting_replacement(self._db, self._actor)

    def apply_correction(self, correction_id: int) -> int:
        return corrections.apply_correction(self._db, self._actor, correction_id)

    # -- documents -----------------------------------------------------------------------------
    def keep_document(self, kind: DocumentKind, data: object, application_id: int | None) -> int:
        return documents.keep(self._db, self._actor, kind, data, application_id)

    def next_print(self, document_id: int) -> tuple[bytes, int]:
        return documents.next_print(self._db, document_id)

    def record_print(self, document_id: int, job: str) -> int:
        return documents.record_print(self._db, self._actor, document_id, job)

    def print_document(self, document_id: int, printer: str | None, send: SendToPrinter) -> int:
        return documents.print_document(self._db, self._actor, document_id, printer, send)

    def document_history(
        self, application_id: int | None = None, receipt_no: str | None = None
    ) -> list[DocumentSummary]:
        return documents.history(self._db, application_id=application_id, receipt_no=receipt_no)

    def find_receipt(self, receipt_no: str) -> int:
        return documents.find_receipt(self._db, receipt_no)

    def document_preview(self, document_id: int) -> tuple[DocumentKind, bytes]:
        return queue.document_preview(self._db, self._actor, document_id)

    # -- the supervisor's queue and a clerk's own applications ---------------------------------
    def queue_page(
        self,
        where: QueueFilter | None = None,
        order: QueueOrder = QueueOrder.OLDEST,
        offset: int = 0,
        limit: int = queue.DEFAULT_PAGE,
    ) -> QueuePage:
        return queue.queue_page(
            self._db, self._actor, self._rules.outlet.code, where, order, offset, limit
        )

    def decidable_count(self) -> int:
        return queue.decidable_count(self._db, self._actor, self._rules.outlet.code)

    def own_applications(
        self,
        states: Collection[State] = queue.OWN_STATES,
        offset: int = 0,
        limit: int = queue.DEFAULT_PAGE,
    ) -> tuple[OwnRow, ...]:
        return queue.own_applications(self._db, self._actor, states, offset, limit)

    def application_detail(self, application_id: int) -> ApplicationDetail:
        return queue.application_detail(self._db, self._actor, application_id)

    def revealed_numbers(self, application_id: int) -> RevealedNumbers:
        return queue.revealed_numbers(self._db, self._actor, application_id)

    # -- search and reports --------------------------------------------------------------------
    def find_people(self, text: str, limit: int = 20) -> list[PersonHit]:
        return search.find_people(self._db, self._actor, text, limit)

    def person_file(self, person_id: int) -> PersonFile:
        return search.person_file(self._db, self._actor, person_id)

    def daily_report(self, day: date) -> DailyReport:
        return reports.daily_report(self._db, self._actor, self._rules.outlet, day)

    # -- administration ------------------------------------------------------------------------
    def add_staff(self, staff_no: str, name: str, role: Role, password: str) -> None:
        staff.add(self._db, self._actor, staff_no, name, role, password)

    def list_staff(self) -> list[StaffSummary]:
        return staff.list_all(self._db, self._actor)

    def unlock_staff(self, staff_no: str) -> None:
        staff.unlock(self._db, self._actor, staff_no)

    def change_password(
        self, staff_no: str, new_password: str, old_password: str | None = None
    ) -> None:
        staff.change_password(self._db, self._actor, staff_no, new_password, old_password)
