"""`python -m counter_app.simulator`: a card in the foreground, or cards in the slots."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator import control
from counter_app.simulator.vpcd import DEFAULT_HOST


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m counter_app.simulator",
        description="Simulated social security cards in pcscd's virtual readers (vpcd).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="keep one card in a reader until interrupted")
    serve.add_argument("profile", help="a card key from simulated_cards.toml")
    serve.add_argument("--host", default=DEFAULT_HOST, help="vpcd's host (default: %(default)s)")
    where = serve.add_mutually_exclusive_group()
    where.add_argument("--port", type=int, help="vpcd's port (default: the slot's)")
    where.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    serve.add_argument(
        "--connect-timeout", type=float, default=10.0, help="seconds to wait for vpcd"
    )
    serve.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)  # for insert
    serve.add_argument("-v", "--verbose", action="store_true", help="log every APDU")

    insert = commands.add_parser("insert", help="put a card into a slot, in the background")
    insert.add_argument("profile")
    insert.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    remove = commands.add_parser("remove", help="take the card out of a slot")
    remove.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    commands.add_parser("list", help="the cards in the slots")
    commands.add_parser("profiles", help="the cards that can be inserted")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The card process logs its life; the other commands print their one-line answer.
    level = logging.WARNING
    if args.command == "serve":
        level = logging.DEBUG if args.verbose else logging.INFO
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return _run(args)
    except control.SimulatorError as error:
        print(f"{control.ERROR_PREFIX}{error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    if args.command == "serve":
        port = args.port if args.port is not None else control.port_for(args.slot)
        control.serve(
            args.profile,
            host=args.host,
            port=port,
            connect_timeout=args.connect_timeout,
            ready_file=args.ready_file,
        )
    elif args.command == "insert":
        pid = control.insert(args.profile, args.slot)
        print(f"slot {args.slot}: {args.profile} (pid {pid})")
    elif args.command == "remove":
        removed = control.remove(args.slot)
        print(f"slot {args.slot}: {'card removed' if removed else 'was already empty'}")
    elif args.command == "list":
        cards = control.inserted()
        for slot in control.SLOTS:
            print(f"slot {slot}: {cards.get(slot, '(empty)')}")
    else:
        for key, profile in load_profiles().items():
            print(f"{key:15} {profile.label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
