"""What every subcommand shares: opening the database and saying why it cannot, and the use
cases as the system reaches them."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import TYPE_CHECKING

from counter_app.store.database import Database, DatabaseUnavailable
from counter_app.store.engine import describe, resolve_url
from counter_app.store.schema import SchemaState, SchemaStatus

if TYPE_CHECKING:
    from counter_app.api.local import LocalCounterApi

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_SCHEMA = 3
EXIT_UNAVAILABLE = 4


class CommandFailed(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def schema_message(status: SchemaStatus) -> str:
    if status.state is SchemaState.EMPTY:
        return "the database has no tables yet: run `counter-app db upgrade`"
    if status.state is SchemaState.OLDER:
        return (
            f"the database is at revision {status.database_revision}, older than this "
            f"application's {status.code_revision}: run `counter-app db upgrade`"
        )
    return (
        f"the database is at revision {status.database_revision}, which this version of the "
        "application does not know: it was upgraded by a newer version; update this workstation"
    )


def open_database(args: Namespace, require_current: bool = True) -> Database:
    db = Database(resolve_url(args.db))
    if getattr(args, "audit_key", None) is not None:
        use_audit_key(db, args)
    if require_current:
        try:
            status = db.schema_status()
        except DatabaseUnavailable as error:
            raise CommandFailed(
                f"cannot reach the database {describe(db.url)}: {error}", EXIT_UNAVAILABLE
            ) from error
        if not status.current:
            raise CommandFailed(schema_message(status), EXIT_SCHEMA)
    return db


def use_audit_key(db: Database, args: Namespace) -> None:
    """What the events this command records are hashed with: the key file the options name."""
    from counter_app.services import audit
    from counter_app.services.audit_hash import Scheme
    from counter_app.services.audit_key import AuditKey

    audit.use_key(db, AuditKey.from_file(args.audit_key, Scheme(args.audit_scheme)))


def system_api(args: Namespace, db: Database | None = None) -> LocalCounterApi:
    """The use cases as the system reaches them from this workstation's command line: the
    interface on the database the options name (opened and checked, unless given) and the rules
    file in force. The same door the window uses; the actor is the system, not a signed-in
    member of staff."""
    # The interface (every use case under it) and the rules only for the commands that use them.
    from counter_app.api.local import LocalCounterApi
    from counter_app.api.models import Actor
    from counter_app.resources import load_rules

    rules = load_rules(args.rules)
    return LocalCounterApi(open_database(args) if db is None else db, Actor.system(), rules)


def fail(message: str) -> None:
    print(f"counter-app: {message}", file=sys.stderr)
