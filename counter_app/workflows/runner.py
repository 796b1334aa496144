"""What the use cases do as a flow goes on: the draft saved at every step, the holder recorded,
losses reported, the application submitted, the card issued, documents kept.

The runner reaches the use cases only through the interface; each business-ending step is one
use case, whose transaction is the service's. Every method that calls the interface blocks: the
window calls them in the background.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from counter_app.api.interface import CounterApi
from counter_app.api.models import (
    Credentials,
    HolderOnRecord,
    Kept,
    LossRequest,
    NewCard,
    NewDraft,
    PickupRequest,
    Submission,
)
from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.application import Action, Business, Reason, normalised_receipt_no
from counter_app.domain.card import LossAction
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission
from counter_app.printing.data import StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.workflows import facts, records
from counter_app.workflows.businesses import start
from counter_app.workflows.context import Collectable, Context, KnownCard
from counter_app.workflows.flow import Flow, PrintedForm
from counter_app.workflows.log_fields import log_fields
from counter_app.workflows.names import StepId
from counter_app.workflows.steps.cards import take_card
from counter_app.workflows.steps.identity import FOLLOWS
from counter_app.workflows.steps.paperwork import APPLICATION_BUSINESSES, form_fingerprint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recall:
    """What the counter knows of the holder with this document."""

    document_type: DocumentType
    number: str
    record: HolderOnRecord | None
    cards: tuple[KnownCard, ...]


class FlowRunner:
    def __init__(self, api: CounterApi) -> None:
        self.api = api

    @property
    def clerk(self) -> StaffMember:
        return StaffMember(self.api.actor.staff_no, self.api.actor.name)

    def context(self) -> Context:
        return Context(today=date.today(), rules=self.api.rules)

    def start(self, business: Business) -> Flow:
        self.api.actor.require(Permission.TAKE_APPLICATIONS)
        return start(business, self.context())

    def start_follow_up(self, correction_id: int) -> Flow:
        """The replacement an approved correction leads to: the holder's record corrected
        first, then a replacement for changed information, filled from that record."""
        person_id = self.api.apply_correction(correction_id)
        flow = self.start(Business.REPLACEMENT)
        flow.set("reason", Reason.INFORMATION_CHANGE.value, StepId.REASON)
        flow.set(FOLLOWS, str(correction_id), StepId.REASON)
        found = self.api.holder(person_id)
        flow.set("document_type", found.holder.document_type.value, StepId.HOLDER)
        flow.set("document_number", found.holder.document_number, StepId.HOLDER)
        holder = found.holder
        self.apply_holder(flow, Recall(holder.document_type, holder.document_number, found, ()))
        self.refresh_cards(flow)
        return flow

    # -- filling in ----------------------------------------------------------------------------
    # Look-ups come in two halves: `find_…` asks the use cases (in the background) and changes
    # nothing; `apply_…` puts the answer into the flow (on the window's thread).
    def find_holder(self, document_type: DocumentType, number: str) -> Recall:
        found = self.api.find_holder(document_type, number)
        if found is None:
            return Recall(document_type, number, None, ())
        return Recall(document_type, number, found, self._known_cards(found.person_id))

    @staticmethod
    def apply_holder(flow: Flow, recall: Recall) -> bool:
        """A returning customer: their record fills what the clerk has not typed, and their
        cards are known. False for a new customer, or an answer overtaken by more typing."""
        typed = facts.holder(flow)
        if typed is None or (recall.document_type, recall.number) != (
            typed.document_type,
            typed.document_number,
        ):
            return False
        if recall.record is None:
            flow.context.person_id, flow.context.cards = None, ()
            return False
        found = recall.record.holder
        recorded = {
            "name": found.name,
            "sex": found.sex.value if found.sex else "",
            "birth_date": found.birth_date.isoformat() if found.birth_date else "",
            "ethnicity": found.ethnicity or "",
            "address": found.address or "",
            "phone": found.phone or "",
        }
        for name, value in recorded.items():
            if value and not flow.get(StepId.HOLDER, name):
                flow.set(name, value, StepId.HOLDER)
        flow.context.person_id, flow.context.cards = recall.record.person_id, recall.cards
        return True

    def refresh_cards(self, flow: Flow) -> None:
        if flow.context.person_id is not None:
            flow.context.cards = self._known_cards(flow.context.person_id)

    def _known_cards(self, person_id: int) -> tuple[KnownCard, ...]:
        return tuple(
            KnownCard(
                card.card_id,
                card.card_number,
                card.status,
                card.loss_kind,
                card.reissue_application_id,
                card.reissue_receipt_no,
            )
            for card in self.api.cards_of(person_id, date.today())
        )

    def take_card(self, flow: Flow, card: CardSnapshot) -> None:
        """The card in the reader fills the current card step (old or new card)."""
        flow.context.card = card
        if flow.current.id in {StepId.OLD_CARD, StepId.NEW_CARD}:
            take_card(flow, flow.current.id, card)

    def find_collectable(self, receipt_no: str) -> Collectable | None:
        case = self.api.find_for_pickup(receipt_no)
        if case is None:
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
        typed = normalised_receipt_no(flow.get(StepId.RECEIPT, "receipt_no"))
        if typed != normalised_receipt_no(receipt_no):
            return False
        flow.context.collectable = found
        flow.context.looked_up_receipt = normalised_receipt_no(receipt_no)
        return True

    def authorise_override(
        self, flow: Flow, staff_no: str, password: str, reason: str
    ) -> StaffMember:
        """A supervisor accepts an old card that differs from the document, on this screen."""
        supervisor = self.api.authorise_override(
            flow.application_id, Credentials(staff_no, password)
        )
        flow.set("override_by", supervisor.staff_no, StepId.OLD_CARD)
        flow.set("override_reason", reason.strip(), StepId.OLD_CARD)
        return StaffMember(supervisor.staff_no, supervisor.name)

    def record_formal_loss(self, flow: Flow) -> None:
        """Reissue: the lost card is reported formally at the counter, now (irreversible)."""
        assert flow.context.person_id is not None  # the holder step recorded the person
        self.api.report_loss(
            LossRequest(
                flow.context.person_id,
                flow.get(StepId.LOSS, "card").strip().upper(),
                LossAction.REPORT_FORMAL,
                flow.context.today,
                card_spec=self._card_spec(flow),
                keep_confirmation=False,
            )
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
        holder = facts.holder(flow)
        assert holder is not None  # this is the holder step
        flow.context.person_id = self.api.record_holder(holder)
        self.refresh_cards(flow)
        if flow.business in APPLICATION_BUSINESSES and flow.application_id is None:
            summary = self.api.start_draft(
                NewDraft(
                    flow.business,
                    facts.reason(flow),
                    flow.context.person_id,
                    records.details(flow),
                    flow.draft_key,
                    follows_correction=facts.follows_correction(flow),
                )
            )
            flow.application_id, flow.version = summary.id, summary.version

    def save(self, flow: Flow) -> None:
        """Keep the draft as it stands (after every step, and after the form was printed)."""
        if flow.application_id is None or flow.version is None:
            return
        flow.version = self.api.save_draft(
            flow.application_id, flow.version, records.details(flow), facts.reason(flow)
        )

    def _submit(self, flow: Flow) -> None:
        assert flow.application_id is not None and flow.version is not None
        submitted = self.api.submit(
            Submission(
                flow.application_id,
                flow.version,
                facts.reason(flow),
                records.details(flow),
                facts.old_card_number(flow),
                self._card_spec(flow),
            )
        )
        flow.version, flow.receipt_no = submitted.summary.version, submitted.summary.receipt_no
        flow.kept = submitted.kept

    def _issue(self, flow: Flow) -> None:
        found = flow.context.collectable
        assert found is not None  # the receipt step found it
        read = flow.answer(StepId.NEW_CARD, facts.CardRead)
        collector = flow.answer(StepId.COLLECTOR, facts.CollectorAnswer)
        assert read is not None and collector is not None  # their steps come first
        card = (
            flow.context.card
            if flow.context.card and (flow.context.card.card_number == read.card_number)
            else None
        )
        agent = facts.representative(flow)
        flow.kept = self.api.complete_pickup(
            PickupRequest(
                found.application_id,
                found.version,
                NewCard(
                    read.card_number,
                    card.spec_version if card else "",
                    card.card_id if card else None,
                    card.issue_date if card else None,
                    card.expiry_date if card else None,
                ),
                card_holder_name=read.name,
                card_document_number=read.ssn,
                shown_document_type=None if agent else DocumentType(found.document_type),
                shown_document_number=None if agent else collector.holder_document_number,
                collector=agent,
            )
        )
        flow.application_id, flow.receipt_no = found.application_id, found.receipt_no

    def _loss_action(self, flow: Flow) -> None:
        answer = flow.answer(StepId.LOSS_ACTION, facts.LossActionAnswer)
        assert answer is not None and flow.context.person_id is not None
        flow.kept = self.api.report_loss(
            LossRequest(
                flow.context.person_id,
                answer.card_number,
                answer.action,
                flow.context.today,
                called_on=answer.called_on if answer.action is LossAction.RECORD_HOTLINE else None,
                card_spec=self._card_spec(flow),
            )
        )

    @staticmethod
    def _card_spec(flow: Flow) -> str:
        return flow.context.card.spec_version if flow.context.card else ""

    # -- documents -----------------------------------------------------------------------------
    def prepare_form(self, flow: Flow) -> tuple[int, bytes, int]:
        """The application form for signature, kept with the draft: (document id, PDF, reprint
        number). The same answers give the same kept form, printed again if asked."""
        fingerprint = form_fingerprint(flow)
        printed = flow.printed_form
        if printed is None or printed.fingerprint != fingerprint:
            data = records.application_form(flow, self.clerk, flow.context.today, flow.receipt_no)
            document_id = self.api.keep_document(
                DocumentKind.APPLICATION_FORM, data, flow.application_id
            )
            printed = flow.printed_form = PrintedForm(document_id, fingerprint)
        pdf, reprint = self.api.next_print(printed.document_id)
        return printed.document_id, pdf, reprint

    @staticmethod
    def form_printed(flow: Flow, document_id: int) -> None:
        """The form went to the printer: the step counts it printed, and the draft keeps that."""
        printed = flow.printed_form
        if printed is not None and printed.document_id == document_id:
            flow.set("printed", printed.fingerprint, StepId.FORM)

    @staticmethod
    def documents_of(flow: Flow) -> list[Kept]:
        return list(flow.kept)

    # -- drafts --------------------------------------------------------------------------------
    def resume(self, application_id: int) -> Flow:
        record = self.api.load_draft(application_id)
        flow = start(record.business, self.context())
        flow.application_id, flow.version = record.application_id, record.version
        flow.context.person_id = record.person_id
        self.refresh_cards(flow)  # before restoring: the cards decide some steps' checks
        flow.restore(record.details.flow)
        return flow

    def cancel(self, flow: Flow, reason: str) -> None:
        if flow.application_id is None or flow.version is None:
            return
        summary = self.api.transition(flow.application_id, Action.CANCEL, flow.version, reason)
        flow.version = summary.version
