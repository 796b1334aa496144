"""A demo outlet for training and for trying the application: staff, people, cards, work."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.domain.application import Action, Business, Reason
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.resources.simulated_cards import SimulatedCard, load_simulated_cards
from counter_app.services import applications, auth, documents, people, staff
from counter_app.services.actor import Actor
from counter_app.services.errors import ServiceError
from counter_app.store.database import Database
from counter_app.store.models import Staff


@dataclass(frozen=True)
class DemoStaff:
    staff_no: str
    name: str
    role: Role

    @property
    def password(self) -> str:
        # Known passwords are the point of a training outlet; `staff passwd` replaces them.
        return f"demo{self.staff_no}"


DEMO_STAFF = (
    DemoStaff("0001", "系统管理员", Role.ADMINISTRATOR),
    DemoStaff("0101", "王芳", Role.CLERK),
    DemoStaff("0102", "刘强", Role.CLERK),
    DemoStaff("0201", "赵敏", Role.SUPERVISOR),
)

# Whose card, which business and reason, which clerk took it, and how far it has gone.
DEMO_APPLICATIONS: tuple[tuple[str, Business, Reason, str, tuple[Action, ...]], ...] = (
    ("wang_xiaoming", Business.REPLACEMENT, Reason.DAMAGED, "0101", (Action.SUBMIT,)),
    ("li_xiuying", Business.REPLACEMENT, Reason.EXPIRED, "0101", (Action.SUBMIT, Action.APPROVE)),
    ("liu_xinyi", Business.REPLACEMENT, Reason.EXPIRED, "0102", ()),
    ("chen_jing", Business.REPLACEMENT, Reason.UPGRADE, "0102", (Action.SUBMIT, Action.REJECT)),
    (
        "zhang_wei",
        Business.REISSUE,
        Reason.LOST,
        "0101",
        (Action.SUBMIT, Action.APPROVE, Action.START_PRODUCTION, Action.MARK_READY),
    ),
    ("abdurahman", Business.CORRECTION, Reason.NAME, "0102", (Action.SUBMIT,)),
)
REJECTION_NOTE = "户口簿复印件不清晰，请重新提供"


class DatabaseNotEmpty(ServiceError):
    def __init__(self) -> None:
        super().__init__("the database already has staff; demo data goes into an empty one")


def is_empty(db: Database) -> bool:
    with db.transaction() as session:
        return session.execute(select(func.count(Staff.id))).scalar_one() == 0


def seed(db: Database, rules: LocalityRules) -> tuple[DemoStaff, ...]:
    """Fill an empty database; returns the staff created (with their passwords)."""
    if not is_empty(db):
        raise DatabaseNotEmpty()
    for member in DEMO_STAFF:
        staff.add(db, Actor.system(), member.staff_no, member.name, member.role, member.password)
    actors = {m.staff_no: auth.sign_in(db, m.staff_no, m.password) for m in DEMO_STAFF}
    supervisor = actors["0201"]
    cards = load_simulated_cards()
    for key, business, reason, clerk_no, actions in DEMO_APPLICATIONS:
        clerk = actors[clerk_no]
        person_id, card_id = _register(db, clerk, cards[key])
        summary = applications.create_draft(
            db, clerk, business, reason, person_id, rules.outlet.code, old_card_id=card_id
        )
        for action in actions:
            actor = clerk if action is Action.SUBMIT else supervisor
            note = REJECTION_NOTE if action is Action.REJECT else None
            summary = applications.transition(db, actor, summary.id, action, summary.version, note)
        if summary.receipt_no is not None:  # the customer went home with a receipt
            documents.keep_acceptance_receipt(db, clerk, summary.id, rules)
    for actor in actors.values():
        auth.sign_out(db, actor, "demo seed")
    return DEMO_STAFF


def _register(db: Database, clerk: Actor, card: SimulatedCard) -> tuple[int, int]:
    person_id = people.add_person(
        db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=card.ss_number,
            name=card.name,
            sex=Sex(card.sex),
            birth_date=card.birth_date,
            ethnicity=card.ethnicity,
            address=card.address,
            phone=card.phone,
        ),
    )
    card_id = people.add_card(
        db,
        clerk,
        person_id,
        people.NewCard(
            card_number=card.card_number,
            spec_version=card.spec_version,
            card_id_code=card.card_id_code,
            issue_date=card.issue_date,
            expiry_date=card.expiry_date,
        ),
    )
    return person_id, card_id
