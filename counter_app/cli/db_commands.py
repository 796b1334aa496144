"""`counter-app db upgrade|status`."""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import EXIT_OK, EXIT_SCHEMA, open_database, schema_message
from counter_app.store.schema import SchemaState


def register(commands: _SubParsersAction) -> None:
    db = commands.add_parser("db", help="create or upgrade the database")
    actions = db.add_subparsers(dest="db_action", required=True)
    actions.add_parser("upgrade", help="apply every migration this version knows").set_defaults(
        handler=upgrade
    )
    actions.add_parser("status", help="say whether the database fits this version").set_defaults(
        handler=status
    )


def upgrade(args: Namespace) -> int:
    db = open_database(args, require_current=False)
    before = db.schema_status()
    if before.state is SchemaState.NEWER:
        print(schema_message(before))
        return EXIT_SCHEMA
    db.upgrade()
    after = db.schema_status()
    print(
        f"{db.description}: revision {before.database_revision or '(none)'} → "
        f"{after.database_revision}"
    )
    return EXIT_OK


def status(args: Namespace) -> int:
    db = open_database(args, require_current=False)
    schema = db.schema_status()
    if schema.current:
        print(f"{db.description}: current (revision {schema.code_revision})")
        return EXIT_OK
    print(f"{db.description}: {schema_message(schema)}")
    return EXIT_SCHEMA
