"""Initial schema: staff, persons, cards, applications and the audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=48), nullable=False),
        sa.Column("object_type", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.String(length=32), nullable=True),
        sa.Column("from_state", sa.String(length=32), nullable=True),
        sa.Column("to_state", sa.String(length=32), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
    )
    audit_head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "persons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_type", sa.String(length=32), nullable=False),
        sa.Column("document_number", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("ethnicity", sa.String(length=2), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
        sa.UniqueConstraint(
            "document_type", "document_number", name=op.f("uq_persons_document_type")
        ),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_persons_document_number"), ["document_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_persons_name"), ["name"], unique=False)

    op.create_table(
        "receipt_counters",
        sa.Column("outlet_code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("outlet_code", "day", name=op.f("pk_receipt_counters")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_no", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "clerk", "supervisor", "administrator", name="role", native_enum=False, length=24
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=256), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("staff_no", name=op.f("uq_staff_staff_no")),
    )
    op.create_table(
        "cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_number", sa.String(length=9), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("spec_version", sa.String(length=4), nullable=False),
        sa.Column("card_id_code", sa.String(length=32), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "lost_temporary",
                "lost_formal",
                "pending_pickup",
                "cancelled",
                name="cardstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_cards_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cards")),
        sa.UniqueConstraint("card_number", name=op.f("uq_cards_card_number")),
    )
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cards_person_id"), ["person_id"], unique=False)

    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "business",
            sa.Enum(
                "replacement",
                "reissue",
                "correction",
                "pickup",
                "loss_report",
                name="business",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "reason",
            sa.Enum(
                "expired",
                "damaged",
                "upgrade",
                "information_change",
                "lost",
                "quality",
                "id_number",
                "name",
                "other_item",
                name="reason",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "rejected",
                "in_production",
                "ready",
                "issued",
                "cancelled",
                name="state",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("old_card_id", sa.Integer(), nullable=True),
        sa.Column("new_card_id", sa.Integer(), nullable=True),
        sa.Column("maker_id", sa.Integer(), nullable=False),
        sa.Column("checker_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("receipt_no", sa.String(length=32), nullable=True),
        sa.Column("outlet_code", sa.String(length=16), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["checker_id"], ["staff.id"], name=op.f("fk_applications_checker_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["maker_id"], ["staff.id"], name=op.f("fk_applications_maker_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["new_card_id"], ["cards.id"], name=op.f("fk_applications_new_card_id_cards")
        ),
        sa.ForeignKeyConstraint(
            ["old_card_id"], ["cards.id"], name=op.f("fk_applications_old_card_id_cards")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_applications_person_id_persons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_applications_receipt_no")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applications_maker_id"), ["maker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_applications_state"), ["state"], unique=False)

    op.create_table(
        "loss_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("temporary", "formal", name="losskind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column(
            "channel",
            sa.Enum("hotline", "counter", name="losschannel", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cancelled_by_id"], ["staff.id"], name=op.f("fk_loss_reports_cancelled_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["card_id"], ["cards.id"], name=op.f("fk_loss_reports_card_id_cards")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_loss_reports_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loss_reports")),
    )
    with op.batch_alter_table("loss_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loss_reports_card_id"), ["card_id"], unique=False)

    op.create_table(
        "fees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("waiver_code", sa.String(length=48), nullable=True),
        sa.Column("voucher_no", sa.String(length=32), nullable=True),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_fees_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fees")),
        sa.UniqueConstraint("application_id", name=op.f("uq_fees_application_id")),
        sa.UniqueConstraint("voucher_no", name=op.f("uq_fees_voucher_no")),
    )
    op.create_table(
        "materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("provided", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_materials_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_materials")),
        sa.UniqueConstraint("application_id", "code", name=op.f("uq_materials_application_id")),
    )

    # The chain starts from a fixed genesis link; every append locks and moves this one row.
    op.bulk_insert(audit_head, [{"id": 1, "seq": 0, "hash": GENESIS_HASH}])


def downgrade() -> None:
    op.drop_table("materials")
    op.drop_table("fees")
    with op.batch_alter_table("loss_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loss_reports_card_id"))

    op.drop_table("loss_reports")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_state"))
        batch_op.drop_index(batch_op.f("ix_applications_person_id"))
        batch_op.drop_index(batch_op.f("ix_applications_maker_id"))

    op.drop_table("applications")
    with op.batch_alter_table("cards", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cards_person_id"))

    op.drop_table("cards")
    op.drop_table("staff")
    op.drop_table("receipt_counters")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_name"))
        batch_op.drop_index(batch_op.f("ix_persons_document_number"))

    op.drop_table("persons")
    op.drop_table("audit_head")
    op.drop_table("audit_events")
