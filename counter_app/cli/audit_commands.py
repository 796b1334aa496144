"""`counter-app audit verify`: is the trail whole and unaltered?"""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import EXIT_OK, open_database
from counter_app.services import audit

EXIT_TAMPERED = 2


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("audit", help="check the audit trail")
    actions = parser.add_subparsers(dest="audit_action", required=True)
    actions.add_parser("verify", help="check every event's hash chain").set_defaults(handler=verify)


def verify(args: Namespace) -> int:
    db = open_database(args)
    with db.transaction() as session:
        result = audit.verify(session)
    if result.intact:
        print(f"audit trail intact: {result.events_checked} events")
        return EXIT_OK
    print(
        f"audit trail broken at event {result.first_bad_seq}: {result.problem} "
        f"({result.events_checked} events before it are intact)"
    )
    return EXIT_TAMPERED
