"""`counter-app card readers|read`: what outlet IT staff use to see what the reader sees."""

from __future__ import annotations

import json
from argparse import Namespace, _SubParsersAction

from counter_app.card import errors
from counter_app.card.reader import is_virtual, list_readers, read_card
from counter_app.card.snapshot import CardSnapshot
from counter_app.cli.common import EXIT_OK, CommandFailed, fail, open_database, system_api
from counter_app.domain.rules import RulesError
from counter_app.store.database import DatabaseUnavailable

# One exit code per thing that went wrong, so scripts can tell them apart.
EXIT_NO_SERVICE_OR_READER = 2
EXIT_NO_CARD = 3
EXIT_NOT_SOCIAL_SECURITY_CARD = 4
EXIT_NEEDS_PSAM = 5
EXIT_REMOVED_OR_COMMUNICATION = 6
EXIT_LOCKED = 7
EXIT_NOT_GENUINE = 8

EXIT_FOR_ERROR: tuple[tuple[type[errors.CardError], int, str], ...] = (
    (
        errors.ServiceUnavailable,
        EXIT_NO_SERVICE_OR_READER,
        "the PC/SC service (pcscd) is not running: start it, or ask IT staff",
    ),
    (errors.NoReader, EXIT_NO_SERVICE_OR_READER, "no card reader is attached"),
    (
        errors.ReaderBusy,
        EXIT_NO_SERVICE_OR_READER,
        "another program is using the reader: close it and try again",
    ),
    (errors.NoCard, EXIT_NO_CARD, "there is no card in the reader"),
    (
        errors.NotSocialSecurityCard,
        EXIT_NOT_SOCIAL_SECURITY_CARD,
        "this is not a social security card (a bank or transport card?)",
    ),
    (
        errors.CardNotGenuine,
        EXIT_NOT_GENUINE,
        "card not genuine: it failed the PSAM's internal authentication; keep it and follow "
        "the outlet's procedure for suspect cards",
    ),
    (
        errors.ReadKeyBlocked,
        EXIT_LOCKED,
        "the card is locked: its key for the holder data is blocked",
    ),
    (errors.CardLocked, EXIT_LOCKED, "the card is locked"),
    (
        errors.PsamRemoved,
        EXIT_REMOVED_OR_COMMUNICATION,
        "the PSAM stopped answering during the authentication: check it and read again",
    ),
    (
        errors.PsamError,
        EXIT_REMOVED_OR_COMMUNICATION,
        "the PSAM could not authenticate this card",
    ),
    (
        errors.AuthenticationRejected,
        EXIT_REMOVED_OR_COMMUNICATION,
        "the card refused the PSAM's authentication (does the PSAM hold this region's keys?)",
    ),
    (
        errors.CardRemoved,
        EXIT_REMOVED_OR_COMMUNICATION,
        "the card was removed during the read: put it back",
    ),
    (errors.CardError, EXIT_REMOVED_OR_COMMUNICATION, "the card could not be read"),
)


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("card", help="card reader diagnostics")
    actions = parser.add_subparsers(dest="card_action", required=True)
    actions.add_parser("readers", help="list readers and whether each holds a card").set_defaults(
        handler=readers
    )
    read_parser = actions.add_parser("read", help="read the social security card")
    read_parser.add_argument(
        "--reader", metavar="NAME", help="default: the first reader holding a card"
    )
    read_parser.add_argument(
        "--json", action="store_true", help="print every item as JSON, numbers in full"
    )
    psam = read_parser.add_mutually_exclusive_group()
    psam.add_argument(
        "--psam-reader",
        metavar="NAME",
        help="the reader holding the PSAM (default: found among the other readers)",
    )
    psam.add_argument(
        "--no-psam",
        action="store_true",
        help="do not authenticate a third-generation card: its readable part only",
    )
    read_parser.set_defaults(handler=read)


def _failure(error: errors.CardError) -> int:
    for kind, code, message in EXIT_FOR_ERROR:
        if isinstance(error, kind):
            fail(f"{message} ({error})")
            return code
    raise error  # unreachable: CardError closes the table


def readers(args: Namespace) -> int:
    try:
        statuses = list_readers()
    except errors.CardError as error:
        return _failure(error)
    if not statuses:
        return _failure(errors.NoReader("no reader listed by the PC/SC service"))
    for status in statuses:
        card = f"card present, ATR {status.atr.hex().upper()}" if status.card_present else "empty"
        extras = [
            " (simulator)" if is_virtual(status.name) else "",
            ", in exclusive use" if status.in_use_exclusively else "",
        ]
        print(f"{status.name}{extras[0]}: {card}{extras[1]}")
    return EXIT_OK


def read(args: Namespace) -> int:
    try:
        snapshot = read_card(args.reader, psam_reader=args.psam_reader, use_psam=not args.no_psam)
    except errors.CardNotGenuine as error:
        code = _failure(error)
        _audit_not_genuine(args, error)
        return code
    except errors.CardError as error:
        return _failure(error)
    if args.json:
        print(json.dumps(snapshot.as_json(), ensure_ascii=False, indent=2))
    else:
        print(_human(snapshot))
    if snapshot.needs_psam:
        fail(
            "this third-generation card needs the reader's PSAM for the holder data and none "
            "was found (put it into a second reader, or name it with --psam-reader); "
            "the items above are what the card shows without one"
        )
        return EXIT_NEEDS_PSAM
    return EXIT_OK


def _audit_not_genuine(args: Namespace, error: errors.CardNotGenuine) -> None:
    """A suspect card is an audit event, when the database can be reached."""
    # The database layer only for this: reading a card goes without it.
    try:
        db = open_database(args)
        try:
            system_api(args, db).record_not_genuine(
                error.card_number, error.card_id, "counter-app card read"
            )
        finally:
            db.dispose()
    except (CommandFailed, DatabaseUnavailable, RulesError) as problem:
        fail(f"no audit event recorded: {problem}")


def _human(snapshot: CardSnapshot) -> str:
    """Numbers masked: a terminal's scrollback is no place for a full ID number."""
    lines = [
        f"card number      {snapshot.masked_card_number}",
        f"generation       {snapshot.generation} (spec version {snapshot.spec_version or '-'})",
        f"card id          {snapshot.card_id[:6]}…  region {snapshot.region_code}",
        f"issued / expires {snapshot.issue_date or '-'} / {snapshot.expiry_date or '-'}",
    ]
    if snapshot.authenticated:
        lines.append(f"authenticated    genuine (PSAM terminal {snapshot.terminal_number})")
    if snapshot.holder_data_read:
        lines += [
            f"name             {snapshot.name}",
            f"ss number        {snapshot.masked_ssn}",
            f"sex / ethnicity  {snapshot.sex} / {snapshot.ethnicity}",
            f"birth            {snapshot.birth_date or '-'} in {snapshot.birthplace or '-'}",
        ]
    if snapshot.inconsistencies:
        lines.append(f"does not add up  {', '.join(snapshot.inconsistencies)}")
    return "\n".join(lines)
