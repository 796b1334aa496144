"""`counter-app idcard read`: what the ID card reader reads, for outlet IT staff and scripts."""

from __future__ import annotations

import json
from argparse import Namespace, _SubParsersAction

from counter_app.cli.common import EXIT_OK, fail
from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.idcard import errors
from counter_app.idcard.card import IdCard
from counter_app.idcard.reader import TIMEOUT, read_card
from counter_app.idcard.settings import configured_port

# One exit code per kind of trouble, so scripts can tell them apart.
EXIT_PORT = 2
EXIT_NO_CARD = 3
EXIT_NO_ANSWER = 6

EXIT_FOR_ERROR: tuple[tuple[type[errors.IdCardError], int, str], ...] = (
    (
        errors.NoReaderFound,
        EXIT_PORT,
        "no ID card reader found: name its port with --port or the setting idcard/port",
    ),
    (errors.PortUnavailable, EXIT_PORT, "the ID card reader's port cannot be used"),
    (errors.NoCard, EXIT_NO_CARD, "there is no ID card on the reader"),
    (errors.NoAnswer, EXIT_NO_ANSWER, "the ID card reader does not answer"),
    (errors.GarbledAnswer, EXIT_NO_ANSWER, "the ID card reader answers garbage"),
    (errors.IdCardError, EXIT_NO_ANSWER, "the ID card reader could not read the card"),
)


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("idcard", help="resident ID card reader diagnostics")
    actions = parser.add_subparsers(dest="idcard_action", required=True)
    read_parser = actions.add_parser("read", help="read the ID card on the reader")
    read_parser.add_argument(
        "--port",
        metavar="PATH",
        help="the reader's serial port (default: the setting idcard/port, else the port "
        "that answers as a reader)",
    )
    read_parser.add_argument(
        "--json", action="store_true", help="print every item as JSON, numbers in full"
    )
    read_parser.add_argument(
        "--timeout",
        type=float,
        default=TIMEOUT,
        metavar="SECONDS",
        help="how long to wait for each answer (default: %(default)g)",
    )
    read_parser.set_defaults(handler=read)


def _failure(error: errors.IdCardError) -> int:
    # IdCardError closes the table: every error finds its row.
    code, message = next(
        (code, message) for kind, code, message in EXIT_FOR_ERROR if isinstance(error, kind)
    )
    fail(f"{message} ({error})")
    return code


def read(args: Namespace) -> int:
    try:
        port = args.port or configured_port() or _found_port()
        card = read_card(port, timeout=args.timeout)
    except errors.IdCardError as error:
        return _failure(error)
    if args.json:
        print(json.dumps(card.as_json(), ensure_ascii=False, indent=2))
    else:
        print(_human(card, port))
    return EXIT_OK


def _found_port() -> str:
    from counter_app.idcard.discovery import find_reader  # lists the system's ports

    return find_reader()


def _human(card: IdCard, port: str) -> str:
    """Numbers masked: a terminal's scrollback is no place for a full ID number."""
    group = card.ethnic_group
    ethnicity = f"{group.name} ({group.code})" if group else card.ethnicity or "-"
    valid_to = "long term (长期)" if card.valid_to is None else card.valid_to.isoformat()
    lines = [
        f"card             {card.card_type.label}",
        f"name             {card.display_name}",
        f"sex / ethnicity  {_SEXES.get(card.sex, card.sex)} / {ethnicity}",
        f"birth date       {card.birth_date.isoformat()}",
        f"ID number        {mask_id_number(card.id_number)}",
        f"valid            {card.valid_from.isoformat()} to {valid_to}"
        + (" — EXPIRED" if card.expired() else ""),
    ]
    optional = (
        ("address         ", card.address),
        ("issued by       ", card.issuing_authority),
        ("English name    ", card.english_name),
        ("nationality     ", card.nationality),
        ("pass number     ", card.pass_number and mask_card_number(card.pass_number)),
        ("issue count     ", card.issue_count),
    )
    lines += [f"{label} {value}" for label, value in optional if value is not None]
    lines.append(f"reader           {port}")
    return "\n".join(lines)


_SEXES = {"1": "male", "2": "female"}
