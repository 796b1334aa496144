"""`counter-app simulator …`: simulated cards in pcscd's virtual readers, for training and tests."""

from __future__ import annotations

import argparse
import logging
from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import EXIT_OK, CommandFailed
from counter_app.idcard.simulator import control as idcard_control
from counter_app.idcard.simulator.profiles import load_idcard_profiles
from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator import control
from counter_app.simulator.security import psam_profiles
from counter_app.simulator.vpcd import DEFAULT_HOST


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("simulator", help="insert and remove simulated cards")
    actions = parser.add_subparsers(dest="simulator_action", required=True, metavar="ACTION")

    serve = actions.add_parser("serve", help="keep one card in a reader until interrupted")
    serve.add_argument("profile", help="a card or PSAM key from simulated_cards.toml")
    serve.add_argument("--host", default=DEFAULT_HOST, help="vpcd's host (default: %(default)s)")
    where = serve.add_mutually_exclusive_group()
    where.add_argument("--port", type=int, help="vpcd's port (default: the slot's)")
    where.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    serve.add_argument(
        "--connect-timeout", type=float, default=10.0, help="seconds to wait for vpcd"
    )
    serve.add_argument("--ready-file", type=Path, help=argparse.SUPPRESS)  # for insert
    serve.add_argument("-v", "--verbose", action="store_true", help="log every APDU")
    serve.set_defaults(handler=serve_card)

    insert = actions.add_parser("insert", help="put a card into a slot, in the background")
    insert.add_argument("profile")
    insert.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    insert.set_defaults(handler=insert_card)
    remove = actions.add_parser("remove", help="take the card out of a slot")
    remove.add_argument("--slot", type=int, choices=control.SLOTS, default=0)
    remove.set_defaults(handler=remove_card)
    actions.add_parser("list", help="the cards in the slots").set_defaults(handler=list_slots)
    actions.add_parser("profiles", help="the cards that can be inserted").set_defaults(
        handler=list_profiles
    )
    _register_idcard(actions)


def _register_idcard(actions: _SubParsersAction) -> None:
    """`simulator idcard …`: the simulated ID card reader on a pseudo-terminal."""
    parser = actions.add_parser("idcard", help="the simulated ID card reader")
    idcard = parser.add_subparsers(dest="idcard_action", required=True, metavar="ACTION")
    insert = idcard.add_parser("insert", help="lay an ID card on the reader; prints its port")
    insert.add_argument("profile", help="a card key from simulated_idcards.toml")
    insert.set_defaults(handler=insert_idcard)
    idcard.add_parser("remove", help="take the ID card off the reader").set_defaults(
        handler=remove_idcard
    )
    idcard.add_parser("profiles", help="the ID cards that can be laid on it").set_defaults(
        handler=list_idcard_profiles
    )
    idcard.add_parser("unplug", help="stop the simulated reader (its port goes)").set_defaults(
        handler=unplug_idcard_reader
    )


def _simulator(action):  # type: ignore[no-untyped-def]
    """Simulator refusals are meant for the user: one line, exit 1."""

    def run(args: Namespace) -> int:
        try:
            action(args)
        except (control.SimulatorError, idcard_control.IdCardSimulatorError) as error:
            raise CommandFailed(str(error)) from None
        return EXIT_OK

    return run


@_simulator
def serve_card(args: Namespace) -> None:
    # The card process logs its life (every APDU with -v) to the slot's log file.
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    port = args.port if args.port is not None else control.port_for(args.slot)
    control.serve(
        args.profile,
        host=args.host,
        port=port,
        connect_timeout=args.connect_timeout,
        ready_file=args.ready_file,
    )


@_simulator
def insert_card(args: Namespace) -> None:
    pid = control.insert(args.profile, args.slot)
    print(f"slot {args.slot}: {args.profile} (pid {pid})")


@_simulator
def remove_card(args: Namespace) -> None:
    removed = control.remove(args.slot)
    print(f"slot {args.slot}: {'card removed' if removed else 'was already empty'}")


@_simulator
def list_slots(args: Namespace) -> None:
    cards = control.inserted()
    for slot in control.SLOTS:
        print(f"slot {slot}: {cards.get(slot, '(empty)')}")


@_simulator
def list_profiles(args: Namespace) -> None:
    for key, profile in load_profiles().items():
        print(f"{key:15} {profile.label}")
    for key, psam in psam_profiles().items():
        print(f"{key:15} {psam.label} (put it in slot 1)")


@_simulator
def insert_idcard(args: Namespace) -> None:
    print(idcard_control.insert(args.profile))  # the port: what a script or the window needs


@_simulator
def remove_idcard(args: Namespace) -> None:
    print("card removed" if idcard_control.remove() else "no card was on the reader")


@_simulator
def list_idcard_profiles(args: Namespace) -> None:
    for key, profile in load_idcard_profiles().items():
        print(f"{key:15} {profile.label}")


@_simulator
def unplug_idcard_reader(args: Namespace) -> None:
    print("reader unplugged" if idcard_control.unplug() else "the reader was not running")
