"""The administration commands of `counter-app`: one parser, one dispatch, one exit code."""

from __future__ import annotations

import argparse

from counter_app import __version__
from counter_app.cli import (
    audit_commands,
    card_commands,
    db_commands,
    demo_commands,
    print_commands,
    report_commands,
    simulator_commands,
    staff_commands,
)
from counter_app.cli.common import EXIT_REFUSED, EXIT_UNAVAILABLE, CommandFailed, fail
from counter_app.cli.main import add_global_options
from counter_app.domain.rules import RulesError
from counter_app.services.errors import ServiceError
from counter_app.store.database import DatabaseUnavailable


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="Social security card business at the bank counter. "
        "Without a command, opens the counter's window.",
    )
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    add_global_options(parser)
    # Without a command `counter-app` opens the window (cli/main.py): here one is required.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        db_commands,
        staff_commands,
        audit_commands,
        demo_commands,
        card_commands,
        simulator_commands,
        print_commands,
        report_commands,
    ):
        module.register(commands)
    return parser


def run_command(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CommandFailed as error:
        fail(str(error))
        return error.exit_code
    except DatabaseUnavailable as error:
        fail(f"the database cannot be reached: {error}")
        return EXIT_UNAVAILABLE
    except (ServiceError, RulesError, ValueError) as error:
        fail(str(error))
        return EXIT_REFUSED
