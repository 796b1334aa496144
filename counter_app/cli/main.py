"""Entry point of `counter-app`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $COUNTER_APP_DB_URL, else a local SQLite file)",
    )
    parser.add_argument(
        "--rules", type=Path, metavar="FILE", help="locality rules file (default: the one shipped)"
    )
    parser.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        help="language of the window (default: the saved setting, else zh_CN)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from counter_app.ui.app import run  # Qt only when the window is wanted

        return run(args)
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


if __name__ == "__main__":
    sys.exit(main())
