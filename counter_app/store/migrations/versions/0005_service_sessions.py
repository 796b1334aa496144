"""The outlet service's sessions (the token's hash only) and the first answers of changing
calls, by Idempotency-Key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "service_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_service_sessions_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_service_sessions_token_hash")),
    )
    op.create_index(
        op.f("ix_service_sessions_staff_id"), "service_sessions", ["staff_id"], unique=False
    )
    op.create_table(
        "idempotent_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("call", sa.String(length=200), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("body", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_idempotent_answers_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotent_answers")),
        sa.UniqueConstraint("staff_id", "key", name=op.f("uq_idempotent_answers_staff_id")),
    )


def downgrade() -> None:
    op.drop_table("idempotent_answers")
    op.drop_index(op.f("ix_service_sessions_staff_id"), table_name="service_sessions")
    op.drop_table("service_sessions")
