"""The administration commands of `counter-app`: one parser, one dispatch, one exit code."""

from __future__ import annotations

import argparse
import importlib

from counter_app import __version__
from counter_app.cli.common import EXIT_REFUSED, EXIT_UNAVAILABLE, CommandFailed, fail
from counter_app.cli.main import add_global_options, global_options
from counter_app.domain.rules import RulesError
from counter_app.services.errors import ServiceError
from counter_app.store.database import DatabaseUnavailable

# Each command lives in counter_app.cli.<name>_commands, imported only when it runs (all of them
# for the help): the commands load very different layers, and none should wait for the others'.
COMMANDS = (
    "db",
    "staff",
    "audit",
    "demo",
    "card",
    "simulator",
    "print",
    "report",
    "idcard",
    "photo",
    "serve",
)


def named_command(argv: list[str]) -> str | None:
    """The command `argv` names, once the global options are set aside; None for none known."""
    _, rest = global_options(argv)
    return rest[0] if rest and rest[0] in COMMANDS else None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of `command` alone, or of every command (for the help and for mistakes)."""
    parser = argparse.ArgumentParser(
        prog="counter-app",
        description="Social security card business at the bank counter. "
        "Without a command, opens the counter's window.",
    )
    parser.add_argument("--version", action="version", version=f"counter-app {__version__}")
    add_global_options(parser)
    # Without a command `counter-app` opens the window (cli/main.py): here one is required.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (command,) if command else COMMANDS:
        importlib.import_module(f"counter_app.cli.{name}_commands").register(commands)
    return parser


def run_command(argv: list[str]) -> int:
    args = build_parser(named_command(argv)).parse_args(argv)
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
