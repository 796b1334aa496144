"""Sending a finished PDF to a CUPS printer; every failure is a typed error the clerk can read.

    job = print_pdf(pdf, settings_printer or None, title="Acceptance receipt", copies=2)

Printing goes through the CUPS command-line clients (`lpstat`, `lp`, from cups-client), so the
printer is whatever CUPS queue the workstation's settings name (None: CUPS's default). Before
anything is sent the queue is checked, because CUPS takes jobs into a *stopped* queue without a
word and holds them: the clerk would wait at an empty tray and print again, and the held copy,
with the customer's data on it, would come out later at an unattended printer. So a stopped or
paused queue is refused like one that rejects jobs (`PrinterDisabled`). A queue stopped in the
instant between the check and the submission still holds the job; only CUPS can close that gap.

Printing happens after the business is committed and never touches the database: a printer
problem only ever means "print again". The calls block for up to a minute when CUPS does not
answer, so run them off the GUI thread (ui/background.py). The job title shows in every queue
listing and names the file on PDF printers: keep ID numbers and names out of it.
"""

from __future__ import annotations

import os
import re
import subprocess

STATUS_TIMEOUT = 10.0  # seconds for lpstat: the scheduler answers in milliseconds when it is up
SUBMIT_TIMEOUT = 60.0  # seconds for lp, which sends the whole PDF
# CUPS queue names: printable, no space, slash, hash or quotes; "-" first would read as an option.
_NAME = re.compile(r"[^\s/#'\"\\-][^\s/#'\"\\]{0,126}")
_JOB_ID = re.compile(r"request id is (\S+)")


class PrinterError(Exception):
    """Base of every printing failure; str() is an English sentence for the log and the clerk."""

    def __init__(self, message: str, printer: str | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.printer = printer
        self.reason = reason  # what CUPS said, as it said it (may be empty)


class NoPrintService(PrinterError):
    """CUPS is not running, not reachable, not answering, or its commands are not installed."""


class PrinterNotFound(PrinterError):
    """No such queue in CUPS, or no printer chosen and no default."""


class PrinterDisabled(PrinterError):
    """The queue is stopped (paused) or is not accepting jobs: no page would come out now."""


class PrintJobRefused(PrinterError):
    """lp failed for another reason; `reason` carries lp's own message."""


def list_printers() -> list[str]:
    """The queues CUPS knows, sorted; raises NoPrintService when CUPS is down."""
    _require_scheduler()
    done = _run(["lpstat", "-p"], STATUS_TIMEOUT)
    names = {line.split()[1] for line in done.stdout.splitlines() if line.startswith("printer ")}
    return sorted(names)


def default_printer() -> str | None:
    """CUPS's default destination for this user (lpoptions, LPDEST/PRINTER, then the server's).

    None when there is none, or when it names a queue that does not exist; raises
    NoPrintService when CUPS is down.
    """
    _require_scheduler()
    done = _run(["lpstat", "-d"], STATUS_TIMEOUT)
    match = re.search(r"system default destination: (\S+)", done.stdout)
    return match.group(1) if match else None


def check_printer(printer: str) -> None:
    """Raise the PrinterError that stands between `printer` and a page in its tray, if any."""
    queue = _queue(printer)
    done = _run(["lpstat", "-p", queue, "-a", queue], STATUS_TIMEOUT)
    if done.returncode != 0:
        _require_scheduler()  # lpstat calls every name unknown when the scheduler is down
        raise PrinterNotFound(f"The printer {printer!r} does not exist in CUPS.", printer)
    enabled, accepting, reasons = _parse_status(queue, done.stdout)
    if enabled is None or accepting is None:
        raise NoPrintService(
            f"CUPS gave an answer about {printer!r} that could not be understood.",
            printer,
            done.stdout.strip(),
        )
    if not enabled:
        raise PrinterDisabled(
            f"The printer {printer!r} is stopped, so nothing would come out: "
            "ask for it to be resumed, then print again.",
            printer,
            reasons.get("printer", ""),
        )
    if not accepting:
        raise PrinterDisabled(
            f"The printer {printer!r} is not accepting print jobs: "
            "ask for it to be set to accept jobs, then print again.",
            printer,
            reasons.get("accepting", ""),
        )


def print_pdf(pdf: bytes, printer: str | None, title: str, copies: int = 1) -> str:
    """Send `pdf` to `printer` (None: CUPS's default) and return CUPS's job id ("Queue-12").

    Raises a PrinterError subclass for everything that stops the page from coming out that
    can be known before or while sending; ValueError for an empty PDF or copies below 1.
    """
    if not pdf:
        raise ValueError("nothing to print: the PDF is empty")
    if copies < 1:
        raise ValueError(f"copies must be 1 or more, not {copies}")
    if printer is None:
        printer = default_printer()
        if printer is None:
            raise PrinterNotFound("No printer is chosen and CUPS has no default printer.")
    check_printer(printer)
    # The PDF goes on stdin: no copy of the customer's data lands in a temporary file.
    done = _run(
        [
            "lp",
            "-d",
            printer,
            "-t",
            _clean_title(title),
            "-n",
            str(copies),
            "-o",
            "document-format=application/pdf",
            "-",
        ],
        SUBMIT_TIMEOUT,
        pdf,
    )
    if done.returncode != 0:
        raise _lp_failure(printer, done.stderr)
    match = _JOB_ID.search(done.stdout)
    return match.group(1) if match else ""


# --- running the clients ---------------------------------------------------------------------
def _run(
    args: list[str], timeout: float, pdf: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    # The C locale keeps lpstat's and lp's words English, which the parsing relies on.
    env = {**os.environ, "LC_ALL": "C"}
    try:
        done = subprocess.run(
            args,
            input=pdf,
            capture_output=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as error:
        raise NoPrintService(
            f"The printing commands are not installed ({args[0]} is missing)."
        ) from error
    except subprocess.TimeoutExpired as error:
        sent = " The page may still come out: check the printer before printing again."
        raise NoPrintService(
            f"The printing service did not answer within {timeout:g} seconds."
            + (sent if args[0] == "lp" else "")
        ) from error
    except OSError as error:
        raise NoPrintService(f"The printing commands could not be run: {error}") from error
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def _require_scheduler() -> None:
    done = _run(["lpstat", "-r"], STATUS_TIMEOUT)
    if done.stdout.strip() != "scheduler is running":
        raise NoPrintService("The printing service (CUPS) is not running or cannot be reached.")


def _queue(printer: str) -> str:
    """The queue of a destination ("Queue" or "Queue/instance"), checked to be a valid name."""
    queue, _, instance = printer.partition("/")
    if not _NAME.fullmatch(queue) or (instance and not _NAME.fullmatch(instance)):
        raise PrinterNotFound(f"{printer!r} is not a valid printer name.", printer)
    return queue


def _parse_status(queue: str, text: str) -> tuple[bool | None, bool | None, dict[str, str]]:
    """(enabled, accepting, reasons) from `lpstat -p QUEUE -a QUEUE` in the C locale.

    printer Q is idle.  enabled since …        /  printer Q disabled since … -
    Q accepting requests since …               /  Q not accepting requests since … -
    <tab>the reason, on the lines that follow
    """
    enabled: bool | None = None
    accepting: bool | None = None
    reasons: dict[str, list[str]] = {"printer": [], "accepting": []}
    current: list[str] | None = None
    queue = queue.casefold()  # CUPS names are case-insensitive; lpstat prints the stored case
    for line in text.splitlines():
        if line[:1].isspace():
            if current is not None and line.strip():
                current.append(line.strip())
            continue
        words = line.casefold().split()
        current = None
        if words[:2] == ["printer", queue] and len(words) > 2:
            enabled = words[2] != "disabled"
            current = reasons["printer"]
        elif words[:1] == [queue] and " accepting requests" in line:
            accepting = words[1] != "not"
            current = reasons["accepting"]
    return enabled, accepting, {key: " ".join(value) for key, value in reasons.items()}


def _clean_title(title: str) -> str:
    # One line: a newline in the title would break lpstat's listing for everyone.
    return " ".join(title.split()) or "counter_app"


def _lp_failure(printer: str, stderr: str) -> PrinterError:
    message = stderr.strip().removeprefix("lp:").strip()
    lowered = message.lower()
    if "not accepting" in lowered:
        return PrinterDisabled(
            f"The printer {printer!r} is not accepting print jobs: "
            "ask for it to be set to accept jobs, then print again.",
            printer,
            message,
        )
    if "does not exist" in lowered or "not found" in lowered:
        return PrinterNotFound(f"The printer {printer!r} does not exist in CUPS.", printer, message)
    try:
        _require_scheduler()
    except NoPrintService as error:
        error.printer, error.reason = printer, message
        return error
    return PrintJobRefused(
        f"The printer {printer!r} refused the job: {message or 'no reason given'}",
        printer,
        message,
    )
