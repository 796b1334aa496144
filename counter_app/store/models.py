"""The tables. One class each; enums are stored as their string values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from counter_app.domain.application import Business, Reason, State
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.roles import Role

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone of its own)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_column(enum: type[StrEnum]) -> SqlEnum:
    return SqlEnum(
        enum,
        native_enum=False,
        length=24,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    password_hash: Mapped[str] = mapped_column(String(256))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = (UniqueConstraint("document_type", "document_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_type: Mapped[str] = mapped_column(String(32))
    document_number: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    sex: Mapped[str] = mapped_column(String(1))
    ethnicity: Mapped[str | None] = mapped_column(String(2))
    birth_date: Mapped[date | None] = mapped_column(Date)
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Card(Base):
    __tablename__ = "cards"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_number: Mapped[str] = mapped_column(String(9), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    spec_version: Mapped[str] = mapped_column(String(4))
    card_id_code: Mapped[str | None] = mapped_column(String(32))
    issue_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[CardStatus] = mapped_column(enum_column(CardStatus), default=CardStatus.ACTIVE)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (
        # Four eyes held by the database too: no client, modified or not, records a maker as
        # the checker of their own application.
        CheckConstraint("checker_id IS NULL OR checker_id <> maker_id", name="four_eyes"),
        # The supervisor's queue: one outlet's submitted applications, oldest first.
        Index("ix_applications_queue", "outlet_code", "state", "submitted_at", "id"),
        # A clerk's own submitted and rejected applications.
        Index("ix_applications_maker_state", "maker_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business: Mapped[Business] = mapped_column(enum_column(Business))
    reason: Mapped[Reason | None] = mapped_column(enum_column(Reason))
    state: Mapped[State] = mapped_column(enum_column(State), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    old_card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    new_card_id: Mapped[int | None] = mapped_column(ForeignKey("cards.id"))
    maker_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    checker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reject_reason: Mapped[str | None] = mapped_column(Text)
    receipt_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    outlet_code: Mapped[str] = mapped_column(String(16))
    # What the business's steps collected (agent, correction values, …), shaped by workflows.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # domain.flags bits, computed from `details` at submission so the queue filters in SQL.
    flags: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Client-made UUID: a retried create returns the application it made the first time.
    idempotency_key: Mapped[str | None] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    # Optimistic locking: an UPDATE that finds another version changes nothing and fails.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Material(Base):
    __tablename__ = "materials"
    __table_args__ = (UniqueConstraint("application_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(48))
    provided: Mapped[bool] = mapped_column(Boolean, default=False)


class LossReport(Base):
    __tablename__ = "loss_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id"), index=True)
    kind: Mapped[LossKind] = mapped_column(enum_column(LossKind))
    channel: Mapped[LossChannel] = mapped_column(enum_column(LossChannel))
    reported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    expires_on: Mapped[date | None] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Fee(Base):
    __tablename__ = "fees"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True
    )
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    waiver_code: Mapped[str | None] = mapped_column(String(48))
    voucher_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class AuditEvent(Base):
    """One line of the append-only trail; `hash` covers the line and the previous hash."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)  # the daily report's day
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(48))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(32))
    to_state: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)
    workstation: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Which scheme made `hash` (services/audit_hash.Scheme); rows from before keying: unkeyed.
    scheme: Mapped[str] = mapped_column(String(16), server_default="sha256")


class AuditHead(Base):
    """The chain's last link, one row: catches a trail cut short and serialises appends."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class ReceiptCounter(Base):
    """The last receipt number given per outlet and day; incremented inside the submission."""

    __tablename__ = "receipt_counters"

    outlet_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class KeptDocument(Base):
    """A document as it was issued: its data (to build it again, marked as a reprint) and how
    often it has been printed."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    loss_report_id: Mapped[int | None] = mapped_column(ForeignKey("loss_reports.id"), index=True)
    receipt_no: Mapped[str | None] = mapped_column(String(32), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    last_printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ServiceSession(Base):
    """A signed-in workstation's session on the outlet service. Only the token's SHA-256 is
    kept: whoever reads this table cannot call as anyone."""

    __tablename__ = "service_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    workstation: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)  # the working day's end, at most
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # signed out or expired


class IdempotentAnswer(Base):
    """The first answer to a changing call, per staff member and Idempotency-Key: a retry gets
    it again instead of doing the call twice. `status` is None while the call is under way."""

    __tablename__ = "idempotent_answers"
    __table_args__ = (UniqueConstraint("staff_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    key: Mapped[str] = mapped_column(String(64))
    call: Mapped[str] = mapped_column(String(200))  # method and path: a key is for one call
    status: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
