"""`counter-app audit verify [--audit-key FILE]`: is the trail whole and unaltered?"""

from __future__ import annotations

import argparse
from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import EXIT_OK, open_database
from counter_app.services import audit
from counter_app.services.audit_key import AuditKey

EXIT_TAMPERED = 2
# Nothing found wrong, but the keyed part's hashes were not checked: no key was given.
EXIT_KEYED_UNCHECKED = 5


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("audit", help="check the audit trail")
    actions = parser.add_subparsers(dest="audit_action", required=True)
    verify_parser = actions.add_parser("verify", help="check every event's hash chain")
    verify_parser.add_argument(
        "--audit-key",
        type=Path,
        metavar="FILE",
        # The global option's destination: given before or after `verify`, it is the same key.
        default=argparse.SUPPRESS,
        help="the chain's key, to check the keyed part (the service's key file)",
    )
    verify_parser.set_defaults(handler=verify)


def verify(args: Namespace) -> int:
    key_file: Path | None = getattr(args, "audit_key", None)
    secret = None if key_file is None else AuditKey.from_file(key_file).secret
    db = open_database(args)
    with db.transaction() as session:
        result = audit.verify(session, secret)
    if not result.intact:
        print(
            f"audit trail broken at event {result.first_bad_seq}: {result.problem} "
            f"({result.events_checked} events before it are intact)"
        )
        return EXIT_TAMPERED
    if not result.complete:
        # Only a keyed part goes unchecked, and a keyed part begins with its switch event.
        first = result.keyed_from or 1
        print(
            f"audit trail keyed from event {first}: its {result.unchecked} keyed events cannot "
            "be checked without the key (--audit-key FILE); nothing wrong found in their order "
            f"and links, and the {first - 1} events before them are intact"
        )
        return EXIT_KEYED_UNCHECKED
    keyed = ""
    if result.keyed_from is not None and result.keyed_scheme is not None:
        keyed = f" (keyed with {result.keyed_scheme.title} from event {result.keyed_from})"
    print(f"audit trail intact: {result.events_checked} events{keyed}")
    return EXIT_OK
