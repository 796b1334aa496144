"""Loss reports (挂失), their cancellation (解挂), and a card's standing as the counter knows it.

A temporary report lapses by itself once its `expires_on` is past: nothing is written then, so a
card's stored status can say LOST_TEMPORARY after the lapse. Everything read here therefore asks
for `today` and works out the effective status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from counter_app.api.requests import Kept, LossRequest
from counter_app.domain.application import UNDER_WAY, Business, State
from counter_app.domain.card import CardStatus, LossAction, LossChannel, LossKind
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.printing.data import LossReportConfirmationData, StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.services import audit, documents, holders
from counter_app.services.actor import Actor
from counter_app.services.errors import CardUnderWay, NotFound, ServiceError
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, LossReport, Person

STATUS_FOR: dict[LossKind, CardStatus] = {
    LossKind.TEMPORARY: CardStatus.LOST_TEMPORARY,
    LossKind.FORMAL: CardStatus.LOST_FORMAL,
}
# A reissue in these states is over without a new card: it no longer holds the loss in place.
ENDED_WITHOUT_CARD = (State.CANCELLED, State.REJECTED)


class CardCancelled(ServiceError):
    def __init__(self, card_id: int, card_number: str) -> None:
        super().__init__(f"card {card_number} is cancelled")
        self.card_id = card_id
        self.card_number = card_number


class NotCollected(ServiceError):
    """The card waits at the outlet for its holder: it has not left the bank to be lost."""

    def __init__(self, card_id: int, card_number: str) -> None:
        super().__init__(f"card {card_number} is waiting for pickup at the outlet")
        self.card_id = card_id
        self.card_number = card_number


class AlreadyLost(ServiceError):
    """The card already has a live report that the new one may not stand beside."""

    def __init__(self, card_id: int, kind: LossKind, expires_on: date | None) -> None:
        super().__init__(f"card {card_id} already has a live {kind.value} loss report")
        self.card_id = card_id
        self.kind = kind
        self.expires_on = expires_on


class FormalLossAtCounterOnly(ServiceError):
    def __init__(self) -> None:
        super().__init__("the hotline takes temporary loss reports only; a formal one is made here")


class ImpossibleReportDate(ServiceError):
    """A hotline report dated after today, or so long ago that it has lapsed already."""

    def __init__(self, reported_on: date, today: date, lapsed_on: date | None = None) -> None:
        problem = f"lapsed on {lapsed_on}" if lapsed_on else "is in the future"
        super().__init__(f"a hotline report of {reported_on} {problem} (today is {today})")
        self.reported_on = reported_on
        self.today = today
        self.lapsed_on = lapsed_on


class NotLost(ServiceError):
    def __init__(self, card_id: int, card_number: str) -> None:
        super().__init__(f"card {card_number} has no live loss report")
        self.card_id = card_id
        self.card_number = card_number


class ReissueUnderWay(ServiceError):
    """A formal loss stays once a reissue was applied for; `receipt_no` is None for a draft."""

    def __init__(self, card_id: int, application_id: int, receipt_no: str | None) -> None:
        super().__init__(
            f"card {card_id} is being reissued (application {receipt_no or application_id})"
        )
        self.card_id = card_id
        self.application_id = application_id
        self.receipt_no = receipt_no


@dataclass(frozen=True)
class CardStanding:
    card_id: int
    card_number: str
    spec_version: str
    status: CardStatus  # effective: a lapsed temporary loss counts as ACTIVE
    # The live report, if any (none once a temporary one has lapsed).
    loss_kind: LossKind | None
    loss_channel: LossChannel | None
    reported_at: datetime | None  # when the counter recorded it
    expires_on: date | None
    loss_report_id: int | None
    reissue_under_way: bool
    # The newest reissue under way for this card (the receipt number once it was submitted).
    reissue_application_id: int | None = None
    reissue_receipt_no: str | None = None
    # The receipt number of an application under way that replaces or reissues the card: no
    # other may be applied for until it is over (CardUnderWay).
    under_way_receipt_no: str | None = None


def cards_of(db: Database, person_id: int, today: date) -> list[CardStanding]:
    """The person's cards, newest first."""
    with db.transaction() as session:
        if session.get(Person, person_id) is None:
            raise NotFound("person", person_id)
        query = (
            select(Card)
            .where(Card.person_id == person_id)
            .order_by(Card.created_at.desc(), Card.id.desc())
        )
        return _standings(session, list(session.scalars(query)), today)


def card_standing(db: Database, card_id: int, today: date) -> CardStanding:
    with db.transaction() as session:
        return _standings(session, [_card(session, card_id)], today)[0]


def report_loss(
    db: Database,
    actor: Actor,
    card_id: int,
    kind: LossKind,
    channel: LossChannel,
    rules: LocalityRules,
    today: date,
    *,
    reported_on: date | None = None,
) -> int:
    """Record a loss report; returns its id.

    `reported_on` is the day the customer says the hotline took a report (default: today); a
    temporary report lapses counting from that day. Counter reports are made today.
    """
    actor.require(Permission.TAKE_APPLICATIONS)
    if channel is LossChannel.HOTLINE and kind is LossKind.FORMAL:
        raise FormalLossAtCounterOnly()
    reported_on = _report_day(channel, reported_on, today)
    expires_on = rules.temporary_loss_expires(reported_on) if kind is LossKind.TEMPORARY else None
    if expires_on is not None and expires_on < today:
        raise ImpossibleReportDate(reported_on, today, expires_on)
    with db.transaction() as session:
        card = _card(session, card_id, lock=True)
        if card.status is CardStatus.CANCELLED:
            raise CardCancelled(card.id, card.card_number)
        if card.status is CardStatus.PENDING_PICKUP:
            raise NotCollected(card.id, card.card_number)
        live = _live_reports(session, [card.id], today).get(card.id)
        # Only a formal report made here may take the place of a live temporary one.
        if live is not None and (live.kind is kind or live.kind is LossKind.FORMAL):
            raise AlreadyLost(card.id, live.kind, live.expires_on)
        before = _effective_status(card, live)
        now = datetime.now(UTC)
        report = LossReport(
            card_id=card.id,
            kind=kind,
            channel=channel,
            reported_at=now,
            expires_on=expires_on,
            staff_id=actor.staff_id,
        )
        session.add(report)
        card.status = STATUS_FOR[kind]
        session.flush()
        if live is not None:
            _close(live, actor, now)
            audit.record(
                session,
                actor,
                "loss_report_replaced",
                "card",
                card.id,
                before.value,
                card.status.value,
                f"temporary report {live.id} replaced by formal report {report.id}",
            )
        detail = f"{kind.value} report {report.id} via {channel.value}"
        if expires_on is not None:
            detail += f", lapses after {expires_on.isoformat()}"
        audit.record(
            session,
            actor,
            "loss_reported",
            "card",
            card.id,
            before.value,
            card.status.value,
            detail,
        )
        return report.id


def cancel_loss(db: Database, actor: Actor, card_id: int, today: date) -> None:
    """Withdraw the card's live loss report (解挂); the card is active again."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        card = _card(session, card_id, lock=True)
        if card.status is CardStatus.CANCELLED:
            raise CardCancelled(card.id, card.card_number)
        live = _live_reports(session, [card.id], today).get(card.id)
        if live is None:
            raise NotLost(card.id, card.card_number)
        if live.kind is LossKind.FORMAL:
            reissue = _reissues(session, [card.id]).get(card.id)
            if reissue is not None:
                raise ReissueUnderWay(card.id, reissue.id, reissue.receipt_no)
        _close(live, actor, datetime.now(UTC))
        card.status = CardStatus.ACTIVE
        session.flush()
        audit.record(
            session,
            actor,
            "loss_cancelled",
            "card",
            card.id,
            STATUS_FOR[live.kind].value,
            card.status.value,
            f"{live.kind.value} report {live.id}",
        )


def _report_day(channel: LossChannel, reported_on: date | None, today: date) -> date:
    if reported_on is None:
        return today
    if channel is LossChannel.COUNTER and reported_on != today:
        raise ValueError("a report at the counter is made today")
    if reported_on > today:
        raise ImpossibleReportDate(reported_on, today)
    return reported_on


def _card(session: Session, card_id: int, lock: bool = False) -> Card:
    # The lock keeps two counters from reporting or cancelling on the same card at once.
    card = session.get(Card, card_id, with_for_update=lock)
    if card is None:
        raise NotFound("card", card_id)
    return card


def _close(report: LossReport, actor: Actor, now: datetime) -> None:
    report.cancelled_at = now
    report.cancelled_by_id = actor.staff_id


def _effective_status(card: Card, live: LossReport | None) -> CardStatus:
    if card.status is CardStatus.LOST_TEMPORARY and live is None:
        return CardStatus.ACTIVE  # the temporary report has lapsed
    return card.status


def _live_reports(session: Session, card_ids: Sequence[int], today: date) -> dict[int, LossReport]:
    """The live report of each card: neither cancelled nor lapsed (expires_on before today)."""
    query = (
        select(LossReport)
        .where(
            LossReport.card_id.in_(card_ids),
            LossReport.cancelled_at.is_(None),
            or_(LossReport.expires_on.is_(None), LossReport.expires_on >= today),
        )
        .order_by(LossReport.id)
    )
    return {report.card_id: report for report in session.scalars(query)}


def _reissues(session: Session, card_ids: Sequence[int]) -> dict[int, Application]:
    """The newest reissue application of each card that has not ended without a card."""
    return _replacing(
        session,
        card_ids,
        Application.business == Business.REISSUE,
        Application.state.not_in(ENDED_WITHOUT_CARD),
    )


def _under_way(session: Session, card_ids: Sequence[int]) -> dict[int, Application]:
    """The newest application under way (submitted, approved, in production, ready) that
    replaces or reissues each card."""
    return _replacing(session, card_ids, Application.state.in_(UNDER_WAY))


def _replacing(
    session: Session, card_ids: Sequence[int], *conditions: ColumnElement[bool]
) -> dict[int, Application]:
    query = (
        select(Application)
        .where(Application.old_card_id.in_(card_ids), *conditions)
        .order_by(Application.id)
    )
    return {
        application.old_card_id: application
        for application in session.scalars(query)
        if application.old_card_id is not None
    }


def refuse_under_way(session: Session, card_id: int, application_id: int) -> None:
    """CardUnderWay when another application under way already replaces or reissues the card.
    The card is locked: of two counters submitting for one card at once, the second waits and
    is refused."""
    card = _card(session, card_id, lock=True)
    query = (
        select(Application.receipt_no)
        .where(
            Application.old_card_id == card_id,
            Application.id != application_id,
            Application.state.in_(UNDER_WAY),
        )
        .order_by(Application.id)
        .limit(1)
    )
    receipt_no = session.execute(query).scalar_one_or_none()
    if receipt_no is not None:
        raise CardUnderWay(receipt_no, card.card_number)


def _standings(session: Session, cards: list[Card], today: date) -> list[CardStanding]:
    ids = [card.id for card in cards]
    live_reports = _live_reports(session, ids, today)
    reissues = _reissues(session, ids)
    under_way = _under_way(session, ids)
    standings = []
    for card in cards:
        live = live_reports.get(card.id)
        reissue = reissues.get(card.id)
        replacing = under_way.get(card.id)
        standings.append(
            CardStanding(
                card_id=card.id,
                card_number=card.card_number,
                spec_version=card.spec_version,
                status=_effective_status(card, live),
                loss_kind=live.kind if live else None,
                loss_channel=live.channel if live else None,
                reported_at=live.reported_at if live else None,
                expires_on=live.expires_on if live else None,
                loss_report_id=live.id if live else None,
                reissue_under_way=reissue is not None,
                reissue_application_id=reissue.id if reissue else None,
                reissue_receipt_no=reissue.receipt_no if reissue else None,
                under_way_receipt_no=replacing.receipt_no if replacing else None,
            )
        )
    return standings


# What each action at the counter records.
_REPORTS = {
    LossAction.REPORT_TEMPORARY: (LossKind.TEMPORARY, LossChannel.COUNTER),
    LossAction.REPORT_FORMAL: (LossKind.FORMAL, LossChannel.COUNTER),
    LossAction.RECORD_HOTLINE: (LossKind.TEMPORARY, LossChannel.HOTLINE),
}


def record_loss_action(
    db: Database, actor: Actor, rules: LocalityRules, request: LossRequest
) -> tuple[Kept, ...]:
    """A loss reported, a hotline report recorded or a report cancelled for one of the
    person's cards, with its confirmation kept: one transaction, all or nothing."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        card_id = holders.ensure_card(
            db, actor, request.person_id, request.card_number, request.card_spec
        )
        if request.action is LossAction.CANCEL:
            cancel_loss(db, actor, card_id, request.today)
            return ()
        kind, channel = _REPORTS[request.action]
        report_id = report_loss(
            db,
            actor,
            card_id,
            kind,
            channel,
            rules,
            request.today,
            reported_on=request.called_on,
        )
        if not request.keep_confirmation:
            return ()
        standing = card_standing(db, card_id, request.today)
        person = session.get(Person, request.person_id)
        assert person is not None  # the card was just found to be theirs
        confirmation = LossReportConfirmationData(
            outlet=rules.outlet,
            holder_name=person.name,
            document_type=DocumentType(person.document_type),
            document_number=person.document_number,
            card_number=standing.card_number,
            kind=kind,
            channel=channel,
            reported_at=standing.reported_at or datetime.now(UTC),
            clerk=StaffMember(actor.staff_no, actor.name),
            expires_on=standing.expires_on,
        )
        document_id = documents.keep(
            db,
            actor,
            DocumentKind.LOSS_REPORT_CONFIRMATION,
            confirmation,
            loss_report_id=report_id,
        )
        return (Kept(DocumentKind.LOSS_REPORT_CONFIRMATION, document_id),)
