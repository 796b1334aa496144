"""Every rule a step checks, checked again by the use case that stores its result: each test
calls the use case directly through the interface (in-process, and over HTTP), as a modified
client would, without the steps, and is refused with the rule's own error, nothing stored."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from counter_app.api import errors, http, local
from counter_app.api.interface import CounterApi
from counter_app.api.models import (
    Credentials,
    LossAction,
    LossRequest,
    NewCard,
    NewDraft,
    PickupRequest,
    Submission,
)
from counter_app.domain import cardnumber, idnumber
from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.details import ApplicationDetails, CardCheck, FeeChoice
from counter_app.domain.person import (
    DocumentType,
    Holder,
    Representative,
    RepresentativeRole,
    Sex,
)
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.printing.data import ApplicationFormData, StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.server.app import create_app
from counter_app.services.actor import Actor
from counter_app.services.people import add_card
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, KeptDocument, ReceiptCounter
from tests.services.conftest import PASSWORD, add_member
from tests.services.test_losses import race

pytestmark = pytest.mark.rules


def card_no(first8: str) -> str:
    return first8 + cardnumber.check_character(first8)


def id_number(first17: str) -> str:
    return first17 + idnumber.check_character(first17)


OLD_CARD = card_no("A1234567")  # 王小明's card, A12345674
NEW_CARD = card_no("B7654321")
WANG = Holder(
    name="王小明",
    document_type=DocumentType.RESIDENT_ID,
    document_number=id_number("11010519800101001"),
    sex=Sex.MALE,
    birth_date=date(1980, 1, 1),
)
FANG = Holder(
    name="王芳",
    document_type=DocumentType.RESIDENT_ID,
    document_number="11010519491231002X",
    sex=Sex.FEMALE,
    birth_date=date(1949, 12, 31),
)
AGENT = Representative(
    role=RepresentativeRole.AGENT,
    name="张伟",
    document_type=DocumentType.RESIDENT_ID,
    document_number="32010219850312104X",
    relationship="配偶",
)
ALL_MATERIALS = {
    "id_original": True,
    "old_card": True,
    "household_register": False,
    "agent_id": False,
    "power_of_attorney": False,
}
DAMAGED_FEE = FeeChoice(Decimal("20.00"))


SignIn = Callable[[str], CounterApi]


@dataclass
class Counter:
    """One outlet's database, and the interface as its clerk and its supervisor see it."""

    db: Database
    sign_in: SignIn
    api: CounterApi  # the clerk's
    deciding: CounterApi  # the supervisor's

    @property
    def rules(self) -> LocalityRules:
        return self.api.rules

    @property
    def clerk(self) -> Actor:
        return self.api.actor

    def another_clerk(self, staff_no: str) -> Counter:
        add_member(self.db, staff_no, Role.CLERK)
        return Counter(self.db, self.sign_in, self.sign_in(staff_no), self.deciding)

    def holder(self, holder: Holder = WANG, card: str | None = OLD_CARD) -> int:
        person_id = self.api.record_holder(holder)
        if card is not None:
            add_card(self.db, self.clerk, person_id, NewCard(card, "2.00"))
        return person_id

    def draft(
        self,
        person_id: int,
        business: Business = Business.REPLACEMENT,
        reason: Reason = Reason.DAMAGED,
        holder: Holder = WANG,
        *,
        print_form: bool = True,
    ) -> Submission:
        """A draft taken as the steps would have left it, its form kept and printed: the
        submission that is accepted as it stands."""
        details = ApplicationDetails(holder=holder)
        summary = self.api.start_draft(NewDraft(business, reason, person_id, details, uuid.uuid4()))
        if print_form:
            form = ApplicationFormData(
                self.rules.outlet,
                business,
                reason,
                holder,
                StaffMember(self.clerk.staff_no, self.clerk.name),
                date.today(),
            )
            document_id = self.api.keep_document(DocumentKind.APPLICATION_FORM, form, summary.id)
            self.api.record_print(document_id, "job 1")
        card_check = CardCheck(OLD_CARD) if business is Business.REPLACEMENT else None
        return Submission(
            summary.id,
            summary.version,
            reason,
            replace(details, card_check=card_check, fee=DAMAGED_FEE, materials=ALL_MATERIALS),
            OLD_CARD,
            "2.00",
        )

    def ready(self, person_id: int) -> str:
        """A replacement submitted, approved, made and waiting for pickup: its receipt."""
        submitted = self.api.submit(self.draft(person_id)).summary
        version = submitted.version
        for action in (Action.APPROVE, Action.START_PRODUCTION, Action.MARK_READY):
            version = self.deciding.transition(submitted.id, action, version).version
        assert submitted.receipt_no is not None
        return submitted.receipt_no


@pytest.fixture
def service(db: Database, rules: LocalityRules) -> Iterator[TestClient]:
    """The outlet service over the database, in-process."""
    with TestClient(create_app(db, rules)) as client:
        yield client


@pytest.fixture(params=["local", "http"])
def counter(
    request: pytest.FixtureRequest,
    db: Database,
    rules: LocalityRules,
    clerk: Actor,
    supervisor: Actor,
) -> Counter:
    """The interface in-process, and over HTTP: a modified client may use either."""
    if request.param == "local":

        def sign_in(staff_no: str) -> CounterApi:
            return local.sign_in(db, rules, staff_no, PASSWORD, "ws-test")

    else:
        transport = request.getfixturevalue("service")._transport

        def sign_in(staff_no: str) -> CounterApi:
            return http.sign_in(
                "http://testserver", staff_no, PASSWORD, "ws-test", transport=transport
            )

    return Counter(db, sign_in, sign_in(clerk.staff_no), sign_in(supervisor.staff_no))


def stored(db: Database, application_id: int) -> tuple[object, ...]:
    """What a refused use case must leave as it was: the application, the receipt numbers
    taken, the documents kept and the cards recorded."""
    with db.transaction() as session:
        application = session.get(Application, application_id)
        assert application is not None
        return (
            application.state,
            application.version,
            application.receipt_no,
            application.old_card_id,
            application.new_card_id,
            session.execute(func.coalesce(func.sum(ReceiptCounter.last), 0)).scalar_one(),
            session.execute(select(func.count(KeptDocument.id))).scalar_one(),
            session.execute(select(func.count(Card.id))).scalar_one(),
        )


def refused(counter: Counter, submission: Submission, error: type[Exception]) -> Exception:
    """The submission refused with `error`, and nothing of it stored: still a draft at its
    version, no receipt number taken, no document kept."""
    before = stored(counter.db, submission.application_id)
    with pytest.raises(error) as refusal:
        counter.api.submit(submission)
    assert stored(counter.db, submission.application_id) == before
    assert before[0] is State.DRAFT and before[2] is None
    return refusal.value


def with_details(submission: Submission, **changes: object) -> Submission:
    return replace(submission, details=replace(submission.details, **changes))


# -- the submission as the steps leave it is accepted -------------------------------------------
def test_a_submission_as_the_steps_leave_it_is_accepted(counter: Counter) -> None:
    submitted = counter.api.submit(counter.draft(counter.holder()))
    assert submitted.summary.state is State.SUBMITTED and submitted.summary.receipt_no
    assert [kept.kind for kept in submitted.kept] == [
        DocumentKind.PAYMENT_VOUCHER,
        DocumentKind.ACCEPTANCE_RECEIPT,
    ]


# -- the fee ------------------------------------------------------------------------------------
def test_a_fee_other_than_the_rules_fee_is_refused(counter: Counter) -> None:
    submission = with_details(counter.draft(counter.holder()), fee=FeeChoice(Decimal("0.00")))
    error = refused(counter, submission, errors.WrongFee)
    assert isinstance(error, errors.WrongFee)
    assert (error.due, error.taken) == (Decimal("20.00"), Decimal("0.00"))


def test_a_fee_left_unsettled_is_refused(counter: Counter) -> None:
    submission = with_details(counter.draft(counter.holder()), fee=None)
    error = refused(counter, submission, errors.WrongFee)
    assert isinstance(error, errors.WrongFee) and error.taken is None


def test_a_waiver_without_its_proof_is_refused(counter: Counter) -> None:
    waived = FeeChoice(Decimal("0.00"), "disability", waiver_proof=" ")
    submission = with_details(counter.draft(counter.holder()), fee=waived)
    error = refused(counter, submission, errors.WaiverWithoutProof)
    assert isinstance(error, errors.WaiverWithoutProof) and error.code == "disability"


def test_a_waiver_the_rules_do_not_have_is_refused(counter: Counter) -> None:
    waived = FeeChoice(Decimal("0.00"), "friend_of_the_clerk", waiver_proof="N/A")
    submission = with_details(counter.draft(counter.holder()), fee=waived)
    error = refused(counter, submission, errors.UnknownWaiver)
    assert isinstance(error, errors.UnknownWaiver) and error.code == "friend_of_the_clerk"


def test_a_waiver_with_its_proof_makes_the_fee_nothing(counter: Counter) -> None:
    waived = FeeChoice(Decimal("0.00"), "disability", waiver_proof="残疾证 32010219850312104X")
    submission = with_details(counter.draft(counter.holder()), fee=waived)
    submitted = counter.api.submit(submission)
    assert [kept.kind for kept in submitted.kept] == [DocumentKind.ACCEPTANCE_RECEIPT]


def test_a_waiver_with_the_fee_charged_all_the_same_is_refused(counter: Counter) -> None:
    charged = FeeChoice(Decimal("20.00"), "disability", waiver_proof="残疾证 32010219850312104X")
    submission = with_details(counter.draft(counter.holder()), fee=charged)
    error = refused(counter, submission, errors.WrongFee)
    assert isinstance(error, errors.WrongFee) and error.due == Decimal("0.00")


# -- the materials ------------------------------------------------------------------------------
def test_the_required_materials_must_be_provided(counter: Counter) -> None:
    submission = with_details(
        counter.draft(counter.holder()), materials={**ALL_MATERIALS, "old_card": False}
    )
    error = refused(counter, submission, errors.MaterialsMissing)
    assert isinstance(error, errors.MaterialsMissing) and error.codes == ("old_card",)


def test_an_agent_brings_their_id_and_a_power_of_attorney(counter: Counter) -> None:
    submission = with_details(counter.draft(counter.holder()), representative=AGENT)
    error = refused(counter, submission, errors.MaterialsMissing)
    assert isinstance(error, errors.MaterialsMissing)
    assert error.codes == ("agent_id", "power_of_attorney")


# -- a guardian for a minor ---------------------------------------------------------------------
@pytest.mark.parametrize("acting", [None, AGENT], ids=["alone", "with an agent"])
def test_a_holder_under_16_comes_with_a_guardian(
    counter: Counter, acting: Representative | None
) -> None:
    today = date.today()
    born = date(today.year - 10, 3, 15)
    child = Holder(
        name="王小宝",
        document_type=DocumentType.RESIDENT_ID,
        document_number=id_number(f"320102{born:%Y%m%d}003"),
        sex=Sex.MALE,
        birth_date=born,
    )
    submission = counter.draft(counter.holder(child, card=None), holder=child)
    materials = {**ALL_MATERIALS, "agent_id": True, "power_of_attorney": True}
    submission = with_details(submission, representative=acting, materials=materials)
    error = refused(counter, submission, errors.GuardianNeeded)
    assert isinstance(error, errors.GuardianNeeded) and error.age in {9, 10}


# -- the old card and the supervisor's override -------------------------------------------------
def test_an_old_card_that_differs_needs_a_supervisors_authorisation(counter: Counter) -> None:
    submission = counter.draft(counter.holder())
    differing = CardCheck(OLD_CARD, differences=("name",), override_reason="改名")
    unaccepted = with_details(submission, card_check=differing)
    error = refused(counter, unaccepted, errors.OverrideNotAuthorised)
    assert isinstance(error, errors.OverrideNotAuthorised) and error.differences == ("name",)
    # Naming a supervisor is not their authorisation.
    named = with_details(submission, card_check=replace(differing, override_by="0201"))
    assert refused(counter, named, errors.OverrideNotAuthorised).staff_no == "0201"  # type: ignore[attr-defined]
    # Nor is their authorisation of another application.
    elsewhere = counter.draft(counter.holder(FANG, card=None), holder=FANG)
    counter.api.authorise_override(elsewhere.application_id, Credentials("0201", PASSWORD))
    refused(counter, named, errors.OverrideNotAuthorised)
    # Accepted on the clerk's screen, for this application: submitted.
    counter.api.authorise_override(submission.application_id, Credentials("0201", PASSWORD))
    assert counter.api.submit(named).summary.state is State.SUBMITTED


def test_an_unreadable_old_card_needs_no_authorisation(counter: Counter) -> None:
    submission = counter.draft(counter.holder())
    unread = CardCheck(OLD_CARD, unreadable=True, differences=("name",))
    assert counter.api.submit(with_details(submission, card_check=unread)).summary.receipt_no


# -- the order of the steps ---------------------------------------------------------------------
@pytest.mark.parametrize("kept", [False, True], ids=["not kept", "kept, not printed"])
def test_the_form_is_printed_before_the_submission(counter: Counter, kept: bool) -> None:
    submission = counter.draft(counter.holder(), print_form=False)
    if kept:
        form = ApplicationFormData(
            counter.rules.outlet,
            Business.REPLACEMENT,
            Reason.DAMAGED,
            WANG,
            StaffMember(counter.clerk.staff_no, counter.clerk.name),
            date.today(),
        )
        counter.api.keep_document(DocumentKind.APPLICATION_FORM, form, submission.application_id)
    assert refused(counter, submission, errors.StepNotDone).step == "form"  # type: ignore[attr-defined]


def test_a_form_kept_again_for_changed_answers_is_printed_again(counter: Counter) -> None:
    submission = counter.draft(counter.holder())
    form = ApplicationFormData(
        counter.rules.outlet,
        Business.REPLACEMENT,
        Reason.DAMAGED,
        replace(WANG, phone="13800000000"),
        StaffMember(counter.clerk.staff_no, counter.clerk.name),
        date.today(),
    )
    counter.api.keep_document(DocumentKind.APPLICATION_FORM, form, submission.application_id)
    assert refused(counter, submission, errors.StepNotDone).step == "form"  # type: ignore[attr-defined]


@pytest.mark.parametrize("holder", [None, replace(WANG, document_number="110105194912310021")])
def test_the_holder_is_the_one_the_draft_was_started_for(
    counter: Counter, holder: Holder | None
) -> None:
    submission = with_details(counter.draft(counter.holder()), holder=holder)
    assert refused(counter, submission, errors.StepNotDone).step == "holder"  # type: ignore[attr-defined]


def test_the_reason_is_one_of_the_business(counter: Counter) -> None:
    submission = replace(counter.draft(counter.holder()), reason=Reason.LOST)
    assert refused(counter, submission, errors.StepNotDone).step == "reason"  # type: ignore[attr-defined]


@pytest.mark.parametrize("checked", [None, card_no("A7654321")], ids=["unchecked", "another"])
def test_the_old_card_replaced_is_the_card_checked(counter: Counter, checked: str | None) -> None:
    submission = counter.draft(counter.holder())
    card_check = CardCheck(checked) if checked else None
    submission = with_details(submission, card_check=card_check)
    assert refused(counter, submission, errors.StepNotDone).step == "old_card"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("business", "reason", "step"),
    [(Business.REPLACEMENT, Reason.DAMAGED, "old_card"), (Business.REISSUE, Reason.LOST, "loss")],
)
def test_a_replacement_or_reissue_names_the_card_it_replaces(
    counter: Counter, business: Business, reason: Reason, step: str
) -> None:
    submission = counter.draft(counter.holder(), business, reason)
    submission = replace(submission, old_card_number=None)
    assert refused(counter, submission, errors.StepNotDone).step == step  # type: ignore[attr-defined]


# -- one application under way per card ---------------------------------------------------------
def test_two_replacements_of_one_card_are_refused(counter: Counter) -> None:
    """The issue's case: two submitted replacements of 王小明's card A12345674 side by side."""
    person_id = counter.holder()
    first = counter.api.submit(counter.draft(person_id)).summary
    second = counter.draft(person_id)
    error = refused(counter, second, errors.CardUnderWay)
    assert isinstance(error, errors.CardUnderWay)
    assert (error.receipt_no, error.card_number) == (first.receipt_no, OLD_CARD)
    assert error.receipt_no and error.receipt_no in str(error)
    # The card's standing names it too, where the old card becomes known.
    (standing,) = counter.api.cards_of(person_id, date.today())
    assert standing.under_way_receipt_no == first.receipt_no


def test_two_counters_submitting_for_one_card_at_once_submit_one(counter: Counter) -> None:
    person_id = counter.holder()
    one, other = counter.draft(person_id), counter.draft(person_id)
    outcomes = race(lambda: counter.api.submit(one), lambda: counter.api.submit(other))
    refusals = [outcome for outcome in outcomes if outcome is not None]
    assert len(refusals) == 1 and isinstance(refusals[0], errors.CardUnderWay)
    (standing,) = counter.api.cards_of(person_id, date.today())
    assert refusals[0].receipt_no == standing.under_way_receipt_no


@pytest.mark.parametrize("state", [State.APPROVED, State.IN_PRODUCTION, State.READY])
def test_a_card_under_way_at_any_stage_is_not_replaced_again(
    counter: Counter, state: State
) -> None:
    person_id = counter.holder()
    first = counter.api.submit(counter.draft(person_id)).summary
    version = first.version
    for action in (Action.APPROVE, Action.START_PRODUCTION, Action.MARK_READY):
        summary = counter.deciding.transition(first.id, action, version)
        version = summary.version
        if summary.state is state:
            break
    # Another clerk, now that the first is no longer open for TakenByAnotherClerk.
    other = counter.another_clerk("0102")
    error = refused(other, other.draft(person_id), errors.CardUnderWay)
    assert error.receipt_no == first.receipt_no  # type: ignore[attr-defined]


def test_a_card_whose_replacement_ended_is_replaced_again(counter: Counter) -> None:
    person_id = counter.holder()
    first = counter.api.submit(counter.draft(person_id)).summary
    counter.api.transition(first.id, Action.CANCEL, first.version, "the customer changed mind")
    assert counter.api.submit(counter.draft(person_id)).summary.state is State.SUBMITTED


def formally_lost(counter: Counter, person_id: int) -> None:
    counter.api.report_loss(
        LossRequest(person_id, OLD_CARD, LossAction.REPORT_FORMAL, date.today())
    )


@pytest.mark.parametrize("action", [None, LossAction.REPORT_TEMPORARY], ids=["active", "temporary"])
def test_a_reissue_replaces_a_card_formally_reported_lost(
    counter: Counter, action: LossAction | None
) -> None:
    person_id = counter.holder()
    if action is not None:
        counter.api.report_loss(LossRequest(person_id, OLD_CARD, action, date.today()))
    submission = counter.draft(person_id, Business.REISSUE, Reason.LOST)
    error = refused(counter, submission, errors.LossNotFormal)
    assert isinstance(error, errors.LossNotFormal) and error.card_number == OLD_CARD
    formally_lost(counter, person_id)
    assert counter.api.submit(submission).summary.state is State.SUBMITTED


def test_a_card_being_replaced_is_not_reissued_as_well(counter: Counter) -> None:
    person_id = counter.holder()
    first = counter.api.submit(counter.draft(person_id)).summary
    formally_lost(counter, person_id)  # lost while its replacement is being made
    reissue = counter.draft(person_id, Business.REISSUE, Reason.LOST)
    assert refused(counter, reissue, errors.CardUnderWay).receipt_no == first.receipt_no  # type: ignore[attr-defined]


# -- pickup -------------------------------------------------------------------------------------
def pickup(counter: Counter, **changes: object) -> PickupRequest:
    """王小明's new card, ready, handed to him as the steps would have it; `changes` spoil it."""
    case = counter.api.find_for_pickup(counter.ready(counter.holder()))
    assert case is not None and case.state is State.READY
    request = PickupRequest(
        case.application_id,
        case.version,
        NewCard(NEW_CARD, "3.00"),
        card_holder_name=WANG.name,
        card_document_number=WANG.document_number,
        shown_document_type=DocumentType.RESIDENT_ID,
        shown_document_number=WANG.document_number.lower(),
        collector=None,
    )
    return replace(request, **changes)


def pickup_refused(counter: Counter, request: PickupRequest, error: type[Exception]) -> Exception:
    """Refused with `error`: still ready, no card recorded, no confirmation kept."""
    before = stored(counter.db, request.application_id)
    with pytest.raises(error) as refusal:
        counter.api.complete_pickup(request)
    assert stored(counter.db, request.application_id) == before
    assert before[0] is State.READY
    return refusal.value


def test_a_pickup_as_the_steps_leave_it_is_accepted(counter: Counter) -> None:
    kept = counter.api.complete_pickup(pickup(counter))
    assert [k.kind for k in kept] == [DocumentKind.PICKUP_CONFIRMATION]


def test_a_pickup_by_an_agent_as_the_steps_leave_it_is_accepted(counter: Counter) -> None:
    request = pickup(counter, collector=AGENT, shown_document_type=None, shown_document_number=None)
    assert counter.api.complete_pickup(request)


@pytest.mark.parametrize(
    ("name", "number", "wrong"),
    [
        ("王大明", WANG.document_number, ("name",)),
        (WANG.name, "110105194912310021", ("number",)),
        ("王芳", "110105194912310021", ("name", "number")),
    ],
)
def test_the_new_card_names_the_applicant(
    counter: Counter, name: str, number: str, wrong: tuple[str, ...]
) -> None:
    request = pickup(counter, card_holder_name=name, card_document_number=number)
    error = pickup_refused(counter, request, errors.NewCardDiffers)
    assert isinstance(error, errors.NewCardDiffers) and error.items == wrong


def test_the_new_card_is_not_the_old_card(counter: Counter) -> None:
    request = pickup(counter)
    request = replace(request, new_card=NewCard(OLD_CARD, "2.00"))
    error = pickup_refused(counter, request, errors.NewCardIsOld)
    assert isinstance(error, errors.NewCardIsOld) and error.card_number == OLD_CARD


@pytest.mark.parametrize(
    ("document_type", "number"),
    [
        (DocumentType.RESIDENT_ID, "110105194912310021"),
        (DocumentType.RESIDENT_ID, None),
        (None, WANG.document_number),
        (DocumentType.PASSPORT, WANG.document_number),
    ],
    ids=["another number", "nothing shown", "no document", "another document"],
)
def test_the_holder_in_person_shows_the_applicants_document(
    counter: Counter, document_type: DocumentType | None, number: str | None
) -> None:
    request = pickup(counter, shown_document_type=document_type, shown_document_number=number)
    pickup_refused(counter, request, errors.HolderDocumentDiffers)


@pytest.mark.parametrize(
    ("collector", "error"),
    [
        (replace(AGENT, document_number="320102198503121041"), errors.InvalidDocumentNumber),
        (replace(AGENT, name=" "), errors.InvalidCollector),
        (replace(AGENT, document_number=WANG.document_number), errors.InvalidCollector),
    ],
    ids=["invalid number", "no name", "the holder"],
)
def test_an_agent_collecting_shows_a_valid_document_of_their_own(
    counter: Counter, collector: Representative, error: type[Exception]
) -> None:
    request = pickup(counter, collector=collector, shown_document_number=None)
    pickup_refused(counter, request, error)
