"""A draft handed in: saved as the steps settled it, submitted into the supervisor's queue with
its receipt number, its fee taken and its documents kept — one transaction, all or nothing."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.api.requests import Kept, Submission
from counter_app.domain import idnumber
from counter_app.domain.application import REASONS_BY_BUSINESS, Action, Business, Reason, State
from counter_app.domain.card import CardStatus
from counter_app.domain.details import ApplicationDetails, FeeChoice
from counter_app.domain.person import GUARDIAN_AGE, DocumentType, RepresentativeRole, age_on
from counter_app.domain.rules import ZERO, LocalityRules
from counter_app.printing.data import PaymentVoucherData, StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.services import applications, documents, drafts, holders, losses
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.drafts import DraftRecord
from counter_app.services.errors import (
    GuardianNeeded,
    LossNotFormal,
    MaterialsMissing,
    OverrideNotAuthorised,
    StepNotDone,
    UnknownWaiver,
    WaiverWithoutProof,
    WrongFee,
)
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, KeptDocument, Person

# The audit event of a supervisor accepting an old card that differs from the holder's document
# (services.auth.authorise, in the supervisor's name, for the application).
OVERRIDE_AUTHORISED = "card_mismatch_overridden"
# The businesses that replace a card the holder has.
REPLACING_BUSINESSES = frozenset({Business.REPLACEMENT, Business.REISSUE})
# What a submission keeps to print, in the order it keeps them.
SUBMISSION_DOCUMENTS = (DocumentKind.PAYMENT_VOUCHER, DocumentKind.ACCEPTANCE_RECEIPT)


@dataclass(frozen=True)
class Submitted:
    summary: ApplicationSummary
    kept: tuple[Kept, ...]  # the payment voucher (when a fee was taken) and the receipt


def submit(db: Database, actor: Actor, rules: LocalityRules, request: Submission) -> Submitted:
    """The draft submitted whole, or left as it was. A retry of a submission that was stored
    but whose answer was lost (the server restarted as it answered) finds it stored and
    returns it as it is."""
    try:
        return _submit_draft(db, actor, rules, request)
    except drafts.NotADraft as refused:
        if refused.state is not State.SUBMITTED:
            raise
        return _stored_submission(db, actor, request.application_id)


def _submit_draft(
    db: Database, actor: Actor, rules: LocalityRules, request: Submission
) -> Submitted:
    details = request.details
    with db.transaction():
        record = drafts.load(db, actor, request.application_id)
        old_card_id = (
            holders.ensure_card(
                db, actor, record.person_id, request.old_card_number, request.old_card_spec
            )
            if request.old_card_number
            else None
        )
        _check_rules(db, rules, record, request, old_card_id)
        fee = drafts.FeeTaken(details.fee.amount, details.fee.waiver) if details.fee else None
        version = drafts.save(
            db,
            actor,
            request.application_id,
            request.version,
            details,
            reason=request.reason,
            old_card_id=old_card_id,
            materials=dict(details.materials),
            fee=fee,
        )
        summary = applications.transition(db, actor, request.application_id, Action.SUBMIT, version)
        assert summary.receipt_no is not None  # given at submission
        kept: list[Kept] = []
        if fee is not None and fee.amount:
            voucher_no = f"{summary.receipt_no}F"
            drafts.record_payment(db, actor, request.application_id, voucher_no)
            voucher = _payment_voucher(rules, summary, voucher_no, details, actor)
            document_id = documents.keep(
                db, actor, DocumentKind.PAYMENT_VOUCHER, voucher, request.application_id
            )
            kept.append(Kept(DocumentKind.PAYMENT_VOUCHER, document_id))
        receipt = documents.keep_acceptance_receipt(db, actor, request.application_id, rules)
        kept.append(Kept(DocumentKind.ACCEPTANCE_RECEIPT, receipt))
    return Submitted(summary, tuple(kept))


def _check_rules(
    db: Database,
    rules: LocalityRules,
    draft: DraftRecord,
    request: Submission,
    old_card_id: int | None,
) -> None:
    """Every rule the business's steps check, checked again in the steps' order before
    anything is stored: a client that skipped a step is refused here as the step would have."""
    business, details = draft.business, request.details
    reason = request.reason or draft.reason
    if REASONS_BY_BUSINESS[business] and reason not in REASONS_BY_BUSINESS[business]:
        raise StepNotDone("reason")
    with db.transaction() as session:  # the submission's own
        person = session.get(Person, draft.person_id)
        assert person is not None  # a foreign key
        holder = details.holder
        named = (
            (holder.document_type.value, holder.document_number.strip().upper()) if holder else None
        )
        if named != (person.document_type, person.document_number):
            raise StepNotDone("holder")
        _check_guardian(person, details)
        if business in REPLACING_BUSINESSES:
            if old_card_id is None:
                raise StepNotDone("old_card" if business is Business.REPLACEMENT else "loss")
            if business is Business.REPLACEMENT:
                _check_old_card(session, draft.application_id, request)
            else:
                standing = losses.card_standing(db, old_card_id, date.today())
                if standing.status is not CardStatus.LOST_FORMAL:
                    raise LossNotFormal(standing.card_number, standing.status.value)
            losses.refuse_under_way(session, old_card_id, draft.application_id)
        _check_materials(rules, business, reason, details)
        _check_fee(rules, business, reason, details.fee)
        form_prints = session.execute(
            select(KeptDocument.print_count)
            .where(
                KeptDocument.application_id == draft.application_id,
                KeptDocument.kind == DocumentKind.APPLICATION_FORM.value,
            )
            .order_by(KeptDocument.id.desc())
            .limit(1)
        ).scalar()
        if not form_prints:  # the form as last kept (for the latest answers) was never printed
            raise StepNotDone("form")


def _check_guardian(person: Person, details: ApplicationDetails) -> None:
    """A holder under GUARDIAN_AGE by any birth date known of them (their record, the details,
    their ID number) comes with a guardian."""
    today = date.today()
    stated = details.holder.birth_date if details.holder else None
    born = [day for day in (person.birth_date, stated) if day is not None]
    # A first-generation number a correction upgrades states no date here: the others count.
    if person.document_type == DocumentType.RESIDENT_ID:
        with suppress(ValueError):
            born.append(idnumber.birth_date(idnumber.validate(person.document_number, today)))
    ages = [age_on(day, today) for day in born if day <= today]
    if not ages or min(ages) >= GUARDIAN_AGE:
        return
    acting = details.representative
    if acting is None or acting.role is not RepresentativeRole.GUARDIAN:
        raise GuardianNeeded(min(ages))


def _check_old_card(session: Session, application_id: int, request: Submission) -> None:
    """The card checked is the card replaced; where it differs from the holder's document, a
    supervisor accepted that on the clerk's screen, for this application."""
    check = request.details.card_check
    number = (request.old_card_number or "").strip().upper()
    if check is None or check.card_number.strip().upper() != number:
        raise StepNotDone("old_card")
    if not check.differences or check.unreadable:
        return
    authorised = select(AuditEvent.seq).where(
        AuditEvent.action == OVERRIDE_AUTHORISED,
        AuditEvent.object_type == "authorisation",
        AuditEvent.object_id == str(application_id),
        AuditEvent.actor == check.override_by,
    )
    if check.override_by is None or session.execute(authorised.limit(1)).first() is None:
        raise OverrideNotAuthorised(check.differences, check.override_by)


def _check_materials(
    rules: LocalityRules, business: Business, reason: Reason | None, details: ApplicationDetails
) -> None:
    acting = details.representative
    agent = acting is not None and acting.role is RepresentativeRole.AGENT
    missing = tuple(
        material.code
        for material, required in rules.checklist(business, reason, agent)
        if required and not details.materials.get(material.code)
    )
    if missing:
        raise MaterialsMissing(missing)


def _check_fee(
    rules: LocalityRules, business: Business, reason: Reason | None, fee: FeeChoice | None
) -> None:
    """The rules' fee for the business and reason, or 0.00 with a waiver of the rules that
    names its proof."""
    due = rules.fee_for(business, reason)
    if fee is None:
        if due:
            raise WrongFee(due, None)
        return
    if fee.waiver is not None:
        if fee.waiver not in rules.waivers:
            raise UnknownWaiver(fee.waiver)
        if not (fee.waiver_proof or "").strip():
            raise WaiverWithoutProof(fee.waiver)
        due = ZERO
    if fee.amount != due:
        raise WrongFee(due, fee.amount)


def _stored_submission(db: Database, actor: Actor, application_id: int) -> Submitted:
    summary = drafts.own_application(db, actor, application_id)
    return Submitted(
        summary,
        tuple(
            Kept(document.kind, document.id)
            for document in documents.history(db, application_id=application_id)
            if document.kind in SUBMISSION_DOCUMENTS
        ),
    )


def _payment_voucher(
    rules: LocalityRules,
    summary: ApplicationSummary,
    voucher_no: str,
    details: ApplicationDetails,
    actor: Actor,
) -> PaymentVoucherData:
    assert details.fee is not None and summary.receipt_no is not None
    payer = details.representative or details.holder
    waiver = rules.waivers.get(details.fee.waiver) if details.fee.waiver else None
    return PaymentVoucherData(
        outlet=rules.outlet,
        receipt_no=summary.receipt_no,
        voucher_no=voucher_no,
        business=summary.business,
        reason=summary.reason,
        payer=payer.name if payer else "",
        amount=details.fee.amount,
        paid_at=datetime.now(UTC),
        clerk=StaffMember(actor.staff_no, actor.name),
        waiver=waiver.label if waiver else None,
    )
