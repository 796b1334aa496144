"""Kept documents: what was issued, to print again as a reprint.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("loss_report_id", sa.Integer(), nullable=True),
        sa.Column("receipt_no", sa.String(length=32), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("print_count", sa.Integer(), nullable=False),
        sa.Column("last_printed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_documents_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_documents_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["loss_report_id"],
            ["loss_reports.id"],
            name=op.f("fk_documents_loss_report_id_loss_reports"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_documents_loss_report_id"), ["loss_report_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_documents_receipt_no"), ["receipt_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_receipt_no"))
        batch_op.drop_index(batch_op.f("ix_documents_loss_report_id"))
        batch_op.drop_index(batch_op.f("ix_documents_application_id"))

    op.drop_table("documents")
