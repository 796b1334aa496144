"""Entry point of `counter-app`: the counter's window, or one administration command.

Without a command the window opens, and nothing of the commands is loaded first: the window's
start is what a clerk waits for.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL (default: $COUNTER_APP_DB_URL, else a local SQLite file)",
    )
    parser.add_argument(
        "--rules", type=Path, metavar="FILE", help="locality rules file (default: the one shipped)"
    )
    parser.add_argument(
        "--audit-key",
        type=Path,
        metavar="FILE",
        help="the audit chain's key (at least 32 random bytes): commands that record to a keyed "
        "trail need it, and the first event recorded with it on an unkeyed trail switches it",
    )
    parser.add_argument(
        "--audit-scheme",
        choices=["hmac-sha256", "hmac-sm3"],
        default="hmac-sha256",
        help="the algorithm an unkeyed trail switches to with --audit-key (default: hmac-sha256)",
    )
    parser.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        help="language of the window (default: the saved setting, else zh_CN)",
    )


def global_options(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """The global options in `argv`, and the rest: a command and its arguments, or help."""
    parser = argparse.ArgumentParser(prog="counter-app", add_help=False)
    add_global_options(parser)
    return parser.parse_known_args(argv)


def window_options(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when `argv` names no command (and asks for no help), else None."""
    options, rest = global_options(argv)
    return None if rest else options


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    options = window_options(argv)
    if options is not None:
        from counter_app.ui.app import run  # Qt only when the window is wanted

        return run(options)
    from counter_app.cli.commands import run_command

    return run_command(argv)


if __name__ == "__main__":
    sys.exit(main())
