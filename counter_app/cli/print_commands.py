"""`counter-app print sample --out DIR`: every document with sample data, for outlet IT staff
to check the printer's fonts and alignment without touching the database."""

from __future__ import annotations

from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import EXIT_OK, CommandFailed, system_api

EXIT_PRINTER = 5  # the printer is missing, stopped or refused the job


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
    receipt = actions.add_parser(
        "receipt", help="print a kept acceptance receipt again (marked as a reprint)"
    )
    receipt.add_argument("receipt_no")
    receipt.add_argument("--out", type=Path, metavar="FILE", help="write the PDF instead")
    receipt.add_argument("--printer", metavar="NAME", help="default: the CUPS default printer")
    receipt.set_defaults(handler=print_receipt)


def print_receipt(args: Namespace) -> int:
    from counter_app.printing.dispatch import PrinterError, print_pdf

    api = system_api(args)
    document_id = api.find_receipt(args.receipt_no)
    if args.out is None:
        try:
            count = api.print_document(document_id, args.printer, print_pdf)
        except PrinterError as error:
            raise CommandFailed(
                f"not printed, the receipt is kept: {error}", EXIT_PRINTER
            ) from None
    else:
        pdf, _ = api.next_print(document_id)
        try:
            args.out.write_bytes(pdf)
        except OSError as error:
            raise CommandFailed(f"cannot write {args.out}: {error.strerror}") from error
        count = api.record_print(document_id, f"file {args.out}")
    print(f"receipt {args.receipt_no}: print {count}" + (" (reprint)" if count > 1 else ""))
    return EXIT_OK


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
