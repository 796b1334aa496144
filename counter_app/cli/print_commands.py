"""`counter-app print sample --out DIR`: every document with sample data, for outlet IT staff
to check the printer's fonts and alignment without touching the database."""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import EXIT_OK, CommandFailed


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("print", help="printed documents")
    actions = parser.add_subparsers(dest="print_action", required=True)
    sample = actions.add_parser(
        "sample", help="write every document with sample data as PDF files (a printer test)"
    )
    sample.add_argument("--out", type=Path, required=True, metavar="DIR", help="where to write")
    sample.add_argument(
        "--reprint", type=int, default=0, metavar="N", help="mark them as the N-th reprint"
    )
    sample.set_defaults(handler=print_samples)


def print_samples(args: Namespace) -> int:
    # ReportLab only when a document is wanted: the other commands start faster without it.
    from counter_app.printing import FontMissing, build
    from counter_app.printing.samples import all_samples

    if args.reprint < 0:
        raise CommandFailed("--reprint counts from 0 (the original)")
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandFailed(f"cannot create {args.out}: {error.strerror}") from error
    for sample in all_samples():
        try:
            pdf = build(sample.kind, sample.data, reprint=args.reprint)
        except FontMissing as error:
            raise CommandFailed(str(error)) from error
        path = args.out / f"{sample.name}.pdf"
        try:
            path.write_bytes(pdf)
        except OSError as error:
            raise CommandFailed(f"cannot write {path}: {error.strerror}") from error
        print(path)
    return EXIT_OK
