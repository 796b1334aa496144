"""`counter-app staff add|list|unlock|passwd`: provisioning by an administrator."""

from __future__ import annotations

import getpass
import sys
from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import EXIT_OK, CommandFailed, system_api
from counter_app.domain.roles import Role


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("staff", help="provision staff accounts")
    actions = parser.add_subparsers(dest="staff_action", required=True)

    add = actions.add_parser("add", help="add a member of staff")
    add.add_argument("staff_no", help="4 to 8 digits")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking",
    )
    add.set_defaults(handler=add_staff)

    actions.add_parser("list", help="list staff").set_defaults(handler=list_staff)

    unlock = actions.add_parser("unlock", help="unlock an account locked by failed sign-ins")
    unlock.add_argument("staff_no")
    unlock.set_defaults(handler=unlock_staff)

    passwd = actions.add_parser("passwd", help="set a member of staff's password")
    passwd.add_argument("staff_no")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.set_defaults(handler=set_password)


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise CommandFailed("the two passwords differ")
    return first


def add_staff(args: Namespace) -> int:
    api = system_api(args)
    password = _read_password(args.password_stdin)
    api.add_staff(args.staff_no, args.name, Role(args.role), password)
    print(f"added {args.staff_no} {args.name} ({args.role})")
    return EXIT_OK


def list_staff(args: Namespace) -> int:
    for member in system_api(args).list_staff():
        flags = [
            flag for flag, on in (("locked", member.locked), ("inactive", not member.active)) if on
        ]
        print(f"{member.staff_no}\t{member.role.value}\t{member.name}\t{' '.join(flags)}".rstrip())
    return EXIT_OK


def unlock_staff(args: Namespace) -> int:
    system_api(args).unlock_staff(args.staff_no)
    print(f"unlocked {args.staff_no}")
    return EXIT_OK


def set_password(args: Namespace) -> int:
    api = system_api(args)
    api.change_password(args.staff_no, _read_password(args.password_stdin))
    print(f"password set for {args.staff_no}")
    return EXIT_OK
