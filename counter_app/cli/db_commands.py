"""`counter-app db upgrade|status|retire-workstation-role`."""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_SCHEMA,
    CommandFailed,
    fail,
    open_database,
    schema_message,
)
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
    retire = actions.add_parser(
        "retire-workstation-role",
        help="revoke and drop counter_app_staff once every counter uses the service",
    )
    retire.add_argument(
        "--force", action="store_true", help="even while login accounts are still its members"
    )
    retire.set_defaults(handler=retire_workstation_role)


def upgrade(args: Namespace) -> int:
    db = open_database(args, require_current=False)
    before = db.schema_status()
    if before.state is SchemaState.NEWER:
        print(schema_message(before))
        return EXIT_SCHEMA
    from counter_app.store.privileges import SERVICE_ROLE  # the tables' models: at run time

    role_granted = db.upgrade()
    after = db.schema_status()
    print(
        f"{db.description}: revision {before.database_revision or '(none)'} → "
        f"{after.database_revision}"
    )
    if not role_granted:
        fail(
            f"the role {SERVICE_ROLE} is missing and this account may not create it: a superuser "
            f"runs `CREATE ROLE {SERVICE_ROLE} NOLOGIN;` once, then `counter-app db upgrade` again"
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


def retire_workstation_role(args: Namespace) -> int:
    from counter_app.store import workstation_role
    from counter_app.store.privileges import STAFF_ROLE

    db = open_database(args)
    if db.is_sqlite:
        print(f"{db.description}: SQLite has no roles; nothing to retire")
        return EXIT_OK
    try:
        with db.engine.begin() as connection:
            done = workstation_role.retire(connection, args.force)
    except workstation_role.StillInUse as error:
        raise CommandFailed(
            f"{STAFF_ROLE} is still the role of these login accounts: {error}. Switch their "
            "counters to the service first, then drop or revoke the accounts; --force retires "
            "the role anyway and cuts them off"
        ) from error
    if not done.existed:
        print(f"{db.description}: there is no role {STAFF_ROLE}; nothing to retire")
        return EXIT_OK
    if done.cut_off:
        print(f"these login accounts lost {STAFF_ROLE}: {', '.join(done.cut_off)}")
    if done.left_over is not None:
        fail(f"{STAFF_ROLE}'s rights here are revoked, but it is not dropped: {done.left_over}")
        return EXIT_REFUSED
    print(f"{db.description}: {STAFF_ROLE} retired (its rights revoked, the role dropped)")
    return EXIT_OK
