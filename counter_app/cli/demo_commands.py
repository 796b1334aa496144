"""`counter-app demo seed`: a demo outlet for training."""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import EXIT_OK, open_database
from counter_app.resources import load_rules
from counter_app.services import demo


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="demo data for training")
    actions = parser.add_subparsers(dest="demo_action", required=True)
    seed = actions.add_parser("seed", help="fill an empty database with a demo outlet")
    seed.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) when the database already has staff",
    )
    seed.set_defaults(handler=seed_demo)


def seed_demo(args: Namespace) -> int:
    db = open_database(args)
    if args.if_empty and not demo.is_empty(db):
        print("the database already has staff; demo data not added")
        return EXIT_OK
    created = demo.seed(db, load_rules(args.rules))
    print("demo outlet created; sign in with:")
    for member in created:
        print(f"  {member.staff_no}  {member.password:<12} {member.role.value:<14} {member.name}")
    return EXIT_OK
