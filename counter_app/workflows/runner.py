"""What the database and the printer do as a flow goes on: the draft saved at every step, the
holder recorded, losses reported, the application submitted, the card issued, documents kept.

Every method blocks (database, printer): the window calls them in the background.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.application import Action, Business, Reason, State, normalised_receipt_no
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.printing.data import StaffMember
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
)
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound
from counter_app.services.holders import HolderRecord
from counter_app.services.people import NewCard, NewPerson
from counter_app.store.database import Database
from counter_app.workflows import facts, records
from counter_app.workflows.businesses import start
from counter_app.workflows.checks import parse_date
from counter_app.workflows.context import Collectable, Context, KnownCard
from counter_app.workflows.flow import Flow
from counter_app.workflows.log_fields import log_fields
from counter_app.workflows.names import LossAction, StepId
from counter_app.workflows.steps.cards import take_card
from counter_app.workflows.steps.paperwork import APPLICATION_BUSINESSES, form_fingerprint

log = logging.getLogger(__name__)

# The correction a replacement follows, kept among the reason step's values.
FOLLOWS = "follows_correction"
# What a submission keeps to print, in the order it keeps them.
SUBMISSION_DOCUMENTS = (DocumentKind.PAYMENT_VOUCHER, DocumentKind.ACCEPTANCE_RECEIPT)
_LOSS_REPORTS = {
    LossAction.REPORT_TEMPORARY: (LossKind.TEMPORARY, LossChannel.COUNTER),
    LossAction.REPORT_FORMAL: (LossKind.FORMAL, LossChannel.COUNTER),
    LossAction.RECORD_HOTLINE: (LossKind.TEMPORARY, LossChannel.HOTLINE),
}


@dataclass(frozen=True)
class Recall:
    """What the counter knows of the holder with this document."""

    document_type: DocumentType
    number: str
    record: HolderRecord | None
    cards: tuple[KnownCard, ...]


@dataclass(frozen=True)
class Kept:
    """A document the finished business left to print, in the order to print it."""

    kind: DocumentKind
    document_id: int


class FlowRunner:
    def __init__(self, db: Database, actor: Actor, rules: LocalityRules) -> None:
        self.db, self.actor, self.rules = db, actor, rules
        # Documents each finished flow kept, by flow; the form printed for each flow, with the
        # fingerprint of the answers it was made from.
        self.kept: dict[int, list[Kept]] = {}
        self._forms: dict[int, tuple[int, str]] = {}
        # The key each flow's draft is created with: a retried holder step gets the same draft.
        self._draft_keys: dict[int, uuid.UUID] = {}

    @property
    def clerk(self) -> StaffMember:
        return StaffMember(self.actor.staff_no, self.actor.name)

    def context(self) -> Context:
        return Context(today=date.today(), rules=self.rules)

    def start(self, business: Business) -> Flow:
        self.actor.require(Permission.TAKE_APPLICATIONS)
        return start(business, self.context())

    def start_follow_up(self, correction_id: int) -> Flow:
        """The replacement an approved correction leads to: the holder's record corrected
        first, then a replacement for changed information, filled from that record."""
        person_id = corrections.apply_correction(self.db, self.actor, correction_id)
        flow = self.start(Business.REPLACEMENT)
        flow.values[StepId.REASON].update(
            {"reason": Reason.INFORMATION_CHANGE.value, FOLLOWS: str(correction_id)}
        )
        record = holders.by_id(self.db, self.actor, person_id)
        flow.values[StepId.HOLDER].update(
            {"document_type": record.document_type.value, "document_number": record.document_number}
        )
        self.apply_holder(flow, Recall(record.document_type, record.document_number, record, ()))
        self.refresh_cards(flow)
        return flow

    # -- filling in ----------------------------------------------------------------------------
    # Look-ups come in two halves: `find_…` asks the database (in the background) and changes
    # nothing; `apply_…` puts the answer into the flow (on the window's thread).
    def find_holder(self, document_type: DocumentType, number: str) -> Recall:
        found = holders.find(self.db, self.actor, document_type, number)
        if found is None:
            return Recall(document_type, number, None, ())
        return Recall(document_type, number, found, self._known_cards(found.person_id))

    @staticmethod
    def apply_holder(flow: Flow, recall: Recall) -> bool:
        """A returning customer: their record fills what the clerk has not typed, and their
        cards are known. False for a new customer, or an answer overtaken by more typing."""
        if (recall.document_type, recall.number) != (
            facts.document_type(flow),
            facts.holder_number(flow),
        ):
            return False
        found = recall.record
        if found is None:
            flow.context.person_id, flow.context.cards = None, ()
            return False
        recorded = {
            "name": found.name,
            "sex": found.sex,
            "birth_date": found.birth_date.isoformat() if found.birth_date else "",
            "ethnicity": found.ethnicity or "",
            "address": found.address or "",
            "phone": found.phone or "",
        }
        for name, value in recorded.items():
            if value and not flow.get(StepId.HOLDER, name):
                flow.set(name, value, StepId.HOLDER)
        flow.context.person_id, flow.context.cards = found.person_id, recall.cards
        return True

    def refresh_cards(self, flow: Flow) -> None:
        if flow.context.person_id is not None:
            flow.context.cards = self._known_cards(flow.context.person_id)

    def _known_cards(self, person_id: int) -> tuple[KnownCard, ...]:
        standing = losses.cards_of(self.db, person_id, date.today())
        return tuple(
            KnownCard(
                card.card_id,
                card.card_number,
                card.status,
                card.loss_kind,
                card.reissue_application_id,
                card.reissue_receipt_no,
            )
            for card in standing
        )

    def take_card(self, flow: Flow, card: CardSnapshot) -> None:
        """The card in the reader fills the current card step (old or new card)."""
        flow.context.card = card
        if flow.current.id in {StepId.OLD_CARD, StepId.NEW_CARD}:
            take_card(flow, flow.current.id, card)

    def find_collectable(self, receipt_no: str) -> Collectable | None:
        try:
            case = pickup.find_for_pickup(self.db, normalised_receipt_no(receipt_no))
        except NotFound:
            return None
        return Collectable(
            case.application_id,
            case.version,
            case.state,
            case.receipt_no,
            case.holder_name,
            case.document_type.value,
            case.document_number,
            case.old_card_number,
        )

    @staticmethod
    def apply_collectable(flow: Flow, receipt_no: str, found: Collectable | None) -> bool:
        """False when the clerk has typed on since the look-up began."""
        if normalised_receipt_no(flow.get(StepId.RECEIPT, "receipt_no")) != normalised_receipt_no(
            receipt_no
        ):
            return False
        flow.context.collectable = found
        flow.context.looked_up_receipt = normalised_receipt_no(receipt_no)
        return True

    def authorise_override(
        self, flow: Flow, staff_no: str, password: str, reason: str
    ) -> StaffMember:
        """A supervisor accepts an old card that differs from the document, on this screen."""
        supervisor = auth.authorise(
            self.db,
            staff_no,
            password,
            Permission.DECIDE_APPLICATIONS,
            self.actor,
            "card_mismatch_overridden",
            flow.application_id,
        )
        flow.set("override_by", supervisor.staff_no, StepId.OLD_CARD)
        flow.set("override_reason", reason.strip(), StepId.OLD_CARD)
        return StaffMember(supervisor.staff_no, supervisor.name)

    def record_formal_loss(self, flow: Flow) -> None:
        """Reissue: the lost card is reported formally at the counter, now (irreversible)."""
        card_id = self._card_id(flow, flow.get(StepId.LOSS, "card"))
        losses.report_loss(
            self.db,
            self.actor,
            card_id,
            LossKind.FORMAL,
            LossChannel.COUNTER,
            self.rules,
            flow.context.today,
        )
        self.refresh_cards(flow)

    # -- completing steps ----------------------------------------------------------------------
    def complete(self, flow: Flow) -> bool:
        """Complete the current step, do what it calls for, keep the draft, and move on;
        False when the business is finished."""
        # What the step calls for is done first: a refusal leaves the step open, as it was.
        step = flow.require_valid()
        if step.id == StepId.HOLDER:
            self._identify(flow)
        elif step.id == StepId.SUBMIT:
            self._submit(flow)
        elif step.id == StepId.ISSUE:
            self._issue(flow)
        elif step.id == StepId.LOSS_ACTION:
            self._loss_action(flow)
        flow.complete()
        if step.acts_once:
            log.info("business finished %s", log_fields(flow))
            return False
        moved = flow.advance()
        self.save(flow)
        log.info("step completed %s", log_fields(flow))
        return moved

    def _identify(self, flow: Flow) -> None:
        person = facts.holder(flow)
        flow.context.person_id = holders.ensure(
            self.db,
            self.actor,
            NewPerson(
                person.document_type,
                person.document_number,
                person.name,
                person.sex,
                person.birth_date,
                person.ethnicity,
                person.address,
                person.phone,
            ),
        )
        self.refresh_cards(flow)
        if flow.business in APPLICATION_BUSINESSES and flow.application_id is None:
            summary = drafts.start(
                self.db,
                self.actor,
                flow.business,
                facts.reason(flow),
                flow.context.person_id,
                self.rules.outlet.code,
                records.details(flow),
                idempotency_key=self._draft_keys.setdefault(id(flow), uuid.uuid4()),
            )
            flow.application_id, flow.version = summary.id, summary.version
            follows = flow.get(StepId.REASON, FOLLOWS)
            if follows:
                corrections.mark_followed(self.db, self.actor, int(follows), summary.id)

    def save(self, flow: Flow) -> None:
        """Keep the draft as it stands (after every step, and after the form was printed)."""
        if flow.application_id is None or flow.version is None:
            return
        flow.version = drafts.save(
            self.db,
            self.actor,
            flow.application_id,
            flow.version,
            records.details(flow),
            reason=facts.reason(flow),
        )

    def _submit(self, flow: Flow) -> None:
        try:
            self._submit_draft(flow)
        except drafts.NotADraft as refused:
            if refused.state is not State.SUBMITTED:
                raise
            # A retry of a submission that was stored but whose answer was lost (the server
            # restarted as it answered): it was stored whole, so take it as it is.
            self._take_stored_submission(flow)

    def _take_stored_submission(self, flow: Flow) -> None:
        assert flow.application_id is not None
        summary = drafts.own_application(self.db, self.actor, flow.application_id)
        flow.version, flow.receipt_no = summary.version, summary.receipt_no
        self.kept[id(flow)] = [
            Kept(document.kind, document.id)
            for document in documents.history(self.db, application_id=flow.application_id)
            if document.kind in SUBMISSION_DOCUMENTS
        ]

    def _submit_draft(self, flow: Flow) -> None:
        assert flow.application_id is not None and flow.version is not None
        # One transaction: a crash or a lost connection leaves the draft as it was, or the
        # whole submission (receipt number, fee voucher, kept documents), never a part of it.
        with self.db.transaction():
            old_number = records.old_card_number(flow)
            old_card_id = self._card_id(flow, old_number) if old_number else None
            fee = drafts.FeeTaken(facts.fee_due(flow), facts.waiver(flow))
            version = drafts.save(
                self.db,
                self.actor,
                flow.application_id,
                flow.version,
                records.details(flow),
                reason=facts.reason(flow),
                old_card_id=old_card_id,
                materials=records.materials(flow),
                fee=fee,
            )
            summary = applications.transition(
                self.db, self.actor, flow.application_id, Action.SUBMIT, version
            )
            assert summary.receipt_no is not None  # given at submission
            kept: list[Kept] = []
            if fee.amount:
                voucher_no = f"{summary.receipt_no}F"
                drafts.record_payment(self.db, self.actor, flow.application_id, voucher_no)
                voucher = records.payment_voucher(
                    flow, summary.receipt_no, voucher_no, datetime.now(UTC), self.clerk
                )
                kept.append(self._keep(DocumentKind.PAYMENT_VOUCHER, voucher, flow.application_id))
            receipt = documents.keep_acceptance_receipt(
                self.db, self.actor, flow.application_id, self.rules
            )
            kept.append(Kept(DocumentKind.ACCEPTANCE_RECEIPT, receipt))
        flow.version, flow.receipt_no = summary.version, summary.receipt_no
        self.kept[id(flow)] = kept

    def _issue(self, flow: Flow) -> None:
        found = flow.context.collectable
        assert found is not None  # the receipt step found it
        number = flow.get(StepId.NEW_CARD, "card_number")
        card = (
            flow.context.card
            if flow.context.card and flow.context.card.card_number == number
            else None
        )
        new_card = NewCard(
            number,
            card.spec_version if card else "",
            card.card_id if card else None,
            card.issue_date if card else None,
            card.expiry_date if card else None,
        )
        collector = records.representative_record(flow)
        # One transaction: the card handed over and its confirmation kept, or neither.
        with self.db.transaction():
            pickup.complete_pickup(
                self.db, self.actor, found.application_id, found.version, new_card, collector
            )
            flow.application_id, flow.receipt_no = found.application_id, found.receipt_no
            data = records.pickup_confirmation(flow, datetime.now(UTC), self.clerk)
            kept = self._keep(DocumentKind.PICKUP_CONFIRMATION, data, found.application_id)
        self.kept[id(flow)] = [kept]

    def _loss_action(self, flow: Flow) -> None:
        # One transaction: the report recorded and its confirmation kept, or neither.
        with self.db.transaction():
            self.kept[id(flow)] = self._record_loss_action(flow)

    def _record_loss_action(self, flow: Flow) -> list[Kept]:
        card_id = self._card_id(flow, flow.get(StepId.LOSS_ACTION, "card"))
        action = LossAction(flow.get(StepId.LOSS_ACTION, "action"))
        if action is LossAction.CANCEL:
            losses.cancel_loss(self.db, self.actor, card_id, flow.context.today)
            return []
        kind, channel = _LOSS_REPORTS[action]
        report_id = losses.report_loss(
            self.db,
            self.actor,
            card_id,
            kind,
            channel,
            self.rules,
            flow.context.today,
            reported_on=parse_date(flow.get(StepId.LOSS_ACTION, "called_on")),
        )
        standing = losses.card_standing(self.db, card_id, flow.context.today)
        data = records.loss_confirmation(
            flow,
            self.rules.outlet,
            kind,
            channel,
            standing.reported_at or datetime.now(UTC),
            standing.expires_on,
            self.clerk,
        )
        document_id = documents.keep(
            self.db,
            self.actor,
            DocumentKind.LOSS_REPORT_CONFIRMATION,
            data,
            loss_report_id=report_id,
        )
        return [Kept(DocumentKind.LOSS_REPORT_CONFIRMATION, document_id)]

    def _card_id(self, flow: Flow, number: str) -> int:
        assert flow.context.person_id is not None  # the holder step recorded the person
        spec = flow.context.card.spec_version if flow.context.card else ""
        return holders.ensure_card(self.db, self.actor, flow.context.person_id, number, spec)

    def _keep(self, kind: DocumentKind, data: object, application_id: int | None) -> Kept:
        return Kept(kind, documents.keep(self.db, self.actor, kind, data, application_id))

    # -- documents -----------------------------------------------------------------------------
    def prepare_form(self, flow: Flow) -> tuple[int, bytes, int]:
        """The application form for signature, kept with the draft: (document id, PDF, reprint
        number). The same answers give the same kept form, printed again if asked."""
        fingerprint = form_fingerprint(flow)
        kept = self._forms.get(id(flow))
        if kept is None or kept[1] != fingerprint:
            data = records.application_form(flow, self.clerk, flow.context.today, flow.receipt_no)
            document_id = documents.keep(
                self.db, self.actor, DocumentKind.APPLICATION_FORM, data, flow.application_id
            )
            kept = (document_id, fingerprint)
            self._forms[id(flow)] = kept
        pdf, reprint = documents.next_print(self.db, kept[0])
        return kept[0], pdf, reprint

    def form_printed(self, flow: Flow, document_id: int) -> None:
        """The form went to the printer: the step counts it printed, and the draft keeps that."""
        if self._forms.get(id(flow), (None, ""))[0] == document_id:
            flow.set("printed", self._forms[id(flow)][1], StepId.FORM)

    def documents_of(self, flow: Flow) -> list[Kept]:
        return list(self.kept.get(id(flow), []))

    # -- drafts --------------------------------------------------------------------------------
    def resume(self, application_id: int) -> Flow:
        record = drafts.load(self.db, self.actor, application_id)
        flow = start(record.business, self.context())
        flow.application_id, flow.version = record.application_id, record.version
        flow.context.person_id = record.person_id
        self.refresh_cards(flow)  # before restoring: the cards decide some steps' checks
        flow.restore(record.details.get("flow", {}))
        return flow

    def cancel(self, flow: Flow, reason: str) -> None:
        if flow.application_id is None or flow.version is None:
            return
        summary = applications.transition(
            self.db, self.actor, flow.application_id, Action.CANCEL, flow.version, note=reason
        )
        flow.version = summary.version
