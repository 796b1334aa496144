"""Each audit event names the scheme that made its hash; the events before it, unkeyed SHA-256.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: no table rebuild on SQLite (which would drop the
    # trail's triggers), and no UPDATE of the rows the triggers would refuse.
    op.add_column(
        "audit_events",
        sa.Column("scheme", sa.String(length=16), server_default="sha256", nullable=False),
    )


def downgrade() -> None:
    # SQLite drops a column in place (3.35 and later), keeping the table and its triggers.
    op.drop_column("audit_events", "scheme")
