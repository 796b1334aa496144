"""Four eyes in the database, the audit trail guarded against change, the queue's indexes,
flags and idempotency keys, and change notices on PostgreSQL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSE = "the audit trail is append-only"
HEAD_RULE = "the audit head only moves forward, one event at a time"

# PostgreSQL: the guards hold for every role, the owner's included, until the owner drops them;
# the staff role that `counter-app db upgrade` grants cannot drop them (see store/privileges.py).
POSTGRES_UP = [
    f"""
    CREATE FUNCTION counter_app_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{REFUSE}: % on % refused', TG_OP, TG_TABLE_NAME;
    END $$
    """,
    f"""
    CREATE FUNCTION counter_app_audit_head_advances() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.id = OLD.id AND NEW.seq = OLD.seq + 1 THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION '{HEAD_RULE}: % to %', OLD.seq, NEW.seq;
    END $$
    """,
    """
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION counter_app_audit_refuse()
    """,
    """
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION counter_app_audit_refuse()
    """,
    """
    CREATE TRIGGER audit_head_advances BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION counter_app_audit_head_advances()
    """,
    """
    CREATE TRIGGER audit_head_single BEFORE INSERT OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION counter_app_audit_refuse()
    """,
    """
    CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION counter_app_audit_refuse()
    """,
    # Every state change is announced inside its own transaction: listeners hear of it only
    # once it is committed, and never of one that was rolled back.
    """
    CREATE FUNCTION counter_app_notify_application() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND OLD.state = NEW.state THEN
            RETURN NULL;
        END IF;
        PERFORM pg_notify('counter_app_applications', json_build_object(
            'id', NEW.id, 'state', NEW.state, 'version', NEW.version,
            'outlet_code', NEW.outlet_code, 'maker_id', NEW.maker_id)::text);
        RETURN NULL;
    END $$
    """,
    """
    CREATE TRIGGER applications_notify AFTER INSERT OR UPDATE OF state ON applications
    FOR EACH ROW EXECUTE FUNCTION counter_app_notify_application()
    """,
]
POSTGRES_DOWN = [
    "DROP TRIGGER applications_notify ON applications",
    "DROP FUNCTION counter_app_notify_application()",
    "DROP TRIGGER audit_head_no_truncate ON audit_head",
    "DROP TRIGGER audit_head_single ON audit_head",
    "DROP TRIGGER audit_head_advances ON audit_head",
    "DROP TRIGGER audit_events_no_truncate ON audit_events",
    "DROP TRIGGER audit_events_append_only ON audit_events",
    "DROP FUNCTION counter_app_audit_head_advances()",
    "DROP FUNCTION counter_app_audit_refuse()",
]

# SQLite: whoever holds the file can drop these, but no statement of the application's (or a
# modified client's) changes the trail; the hash chain catches the rest.
SQLITE_UP = [
    f"""
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, '{REFUSE}: UPDATE on audit_events refused'); END
    """,
    f"""
    CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, '{REFUSE}: DELETE on audit_events refused'); END
    """,
    f"""
    CREATE TRIGGER audit_head_advances BEFORE UPDATE ON audit_head
    WHEN NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1
    BEGIN SELECT RAISE(ABORT, '{HEAD_RULE}'); END
    """,
    f"""
    CREATE TRIGGER audit_head_no_insert BEFORE INSERT ON audit_head
    BEGIN SELECT RAISE(ABORT, '{REFUSE}: INSERT on audit_head refused'); END
    """,
    f"""
    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, '{REFUSE}: DELETE on audit_head refused'); END
    """,
]
SQLITE_DOWN = [
    "DROP TRIGGER audit_head_no_delete",
    "DROP TRIGGER audit_head_no_insert",
    "DROP TRIGGER audit_head_advances",
    "DROP TRIGGER audit_events_no_delete",
    "DROP TRIGGER audit_events_no_update",
]


def _statements(postgres: list[str], sqlite: list[str]) -> list[str]:
    return postgres if op.get_bind().dialect.name == "postgresql" else sqlite


def upgrade() -> None:
    # On SQLite the batch rebuilds the table (copy, drop, rename); store.migrate turns foreign
    # keys off for that, so dropping the old table cascades into nothing.
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("flags", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("idempotency_key", sa.String(length=36), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_applications_idempotency_key"), ["idempotency_key"]
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_applications_four_eyes"), "checker_id IS NULL OR checker_id <> maker_id"
        )
        batch_op.create_index("ix_applications_maker_state", ["maker_id", "state"], unique=False)
        batch_op.create_index(
            "ix_applications_queue", ["outlet_code", "state", "submitted_at", "id"], unique=False
        )

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)

    for statement in _statements(POSTGRES_UP, SQLITE_UP):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(POSTGRES_DOWN, SQLITE_DOWN):
        op.execute(statement)

    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_queue")
        batch_op.drop_index("ix_applications_maker_state")
        batch_op.drop_constraint(batch_op.f("ck_applications_four_eyes"), type_="check")
        batch_op.drop_constraint(batch_op.f("uq_applications_idempotency_key"), type_="unique")
        batch_op.drop_column("idempotency_key")
        batch_op.drop_column("flags")
