"""A private CUPS scheduler with a cups-pdf queue, for the `cups` tests.

Each session starts a cupsd of its own (root only) from a throwaway directory under /tmp: its
own ServerRoot, spool, cache, state and logs, listening on a unix socket only; the test process
and its children reach it through CUPS_SERVER. Parallel runs and the machine's own CUPS never
meet.

The cups-pdf backend reads its settings from the fixed path /etc/cups/cups-pdf.conf, so cupsd
runs in a mount namespace of its own (`unshare -m`, private propagation) where a copy pointing
at the throwaway directory is bind-mounted over that file: the PDFs, cups-pdf's spool and its
log land there, and the machine's files are never touched.

The queue converts PDF to PostScript with pdftocairo (cups-pdf takes PostScript only):
Ghostscript's conversion drops the fonts' Unicode maps, and the Chinese text could then no
longer be read back from the printed file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
PRINTER = "TestPDF"
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
# lpadmin, cupsd and cupsenable live in sbin, which a non-login PATH may lack.
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
TOOLS = (
    "cupsd",
    "lpadmin",
    "lpstat",
    "lp",
    "cancel",
    "cupsenable",
    "cupsdisable",
    "cupsaccept",
    "cupsreject",
    "unshare",
    "pdftocairo",
    "pdftotext",
)


def _tool(name: str) -> str | None:
    return shutil.which(name, path=SEARCH_PATH)


def missing() -> str | None:
    """Why a private cupsd with cups-pdf cannot run here, or None."""
    if os.geteuid() != 0:
        return "the CUPS tests start their own cupsd and need root: use scripts/test.sh as root"
    absent = [name for name in TOOLS if _tool(name) is None]
    absent += [str(path) for path in (BACKEND, CUPS_PDF_CONF, PPD) if not path.exists()]
    if absent:
        names = ", ".join(absent)
        return f"CUPS or cups-pdf is not installed (missing {names}): run scripts/setup.sh"
    return None


def _wait(condition: Callable[[], bool], what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:g} s waiting until {what}")
        time.sleep(0.02)


class PrivateCups:
    """One cupsd and its cups-pdf queue, all under `root` (a fresh directory)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.printer = PRINTER
        self.output_dir = root / "out"
        self.socket = root / "run/cups.sock"
        self.process: subprocess.Popen[bytes] | None = None
        self._delivered: set[Path] = set()
        self._write_config()

    # --- configuration -------------------------------------------------------------------
    def _write_config(self) -> None:
        root = self.root
        for name in (
            "run",
            "etc/ppd",
            "etc/ssl",
            "spool/tmp",
            "cache",
            "state",
            "log",
            "out",
            "pdf-spool",
            "pdf-log",
            "gs-tmp",
        ):
            (root / name).mkdir(parents=True, exist_ok=True)
        # Filters run as lp: they must get through to the spool; nobody may list or write.
        root.chmod(0o711)
        # The policy below lets anyone who reaches the socket do anything: only root may.
        (root / "run").chmod(0o700)
        (root / "etc/cupsd.conf").write_text(
            f"Listen {self.socket}\n"
            "LogLevel info\n"
            "Browsing No\n"
            "WebInterface No\n"
            "DefaultAuthType None\n"
            "DirtyCleanInterval 0\n"  # printers.conf written at once: it survives a restart
            "PreserveJobFiles No\n"
            "<Policy default>\n"
            "  JobPrivateAccess default\n  JobPrivateValues default\n"
            "  SubscriptionPrivateAccess default\n  SubscriptionPrivateValues default\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n"
            "</Policy>\n"
        )
        (root / "etc/cups-files.conf").write_text(
            f"ServerRoot {root}/etc\n"
            f"RequestRoot {root}/spool\n"
            f"TempDir {root}/spool/tmp\n"
            f"CacheDir {root}/cache\n"
            f"StateDir {root}/state\n"
            f"ErrorLog {root}/log/error_log\n"
            f"AccessLog {root}/log/access_log\n"
            f"PageLog {root}/log/page_log\n"
            f"Printcap {root}/printcap\n"  # the default is /run/cups/printcap, the machine's
            "SystemGroup root\n"
            "User lp\nGroup lp\n"
        )
        (root / "cups-pdf.conf").write_text(
            f"Out {self.output_dir}\n"
            f"AnonDirName {self.output_dir}\n"
            f"Spool {root}/pdf-spool\n"
            f"Log {root}/pdf-log\n"
            f"GSTmp {root}/gs-tmp\n"
            "Grp lp\n"
        )

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LC_ALL": "C"}

    def run(self, *args: str) -> str:
        """A CUPS command against this server; its output, or an error with its stderr."""
        program = _tool(args[0]) or args[0]
        done = subprocess.run(
            [program, *args[1:]], env=self.env(), capture_output=True, text=True, timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    # --- the scheduler -------------------------------------------------------------------
    def start(self) -> None:
        """Start cupsd unless it runs, and make sure the queue exists (a restart keeps it)."""
        if not self.running:
            self._spawn()
        if self.printer not in self.queues():
            self.add_queue(self.printer)

    def _spawn(self) -> None:
        script = 'mount --bind "$1" "$2" && exec "$3" -f -c "$4" -s "$5"'
        with (self.root / "log/cupsd.stderr").open("ab") as stderr:
            self.process = subprocess.Popen(
                [
                    _tool("unshare") or "unshare",
                    "--mount",
                    "--propagation",
                    "private",
                    "sh",
                    "-c",
                    script,
                    "sh",
                    str(self.root / "cups-pdf.conf"),
                    str(CUPS_PDF_CONF),
                    _tool("cupsd") or "cupsd",
                    str(self.root / "etc/cupsd.conf"),
                    str(self.root / "etc/cups-files.conf"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                start_new_session=True,  # a Ctrl+C in the terminal is for pytest, not cupsd
            )
        try:
            _wait(self._answers, "the private cupsd answers", timeout=15)
        except TimeoutError:
            self.stop()
            raise RuntimeError(f"the private cupsd did not start: {self.log_tail()}") from None

    def _answers(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"the private cupsd exited: {self.log_tail()}")
        done = subprocess.run(
            [_tool("lpstat") or "lpstat", "-r"], env=self.env(), capture_output=True, text=True
        )
        return done.stdout.strip() == "scheduler is running"

    def add_queue(self, name: str) -> None:
        """A cups-pdf queue, enabled and accepting; its PDFs land in output_dir too."""
        self.run(
            "lpadmin",
            "-p",
            name,
            "-E",
            "-v",
            "cups-pdf:/",
            "-P",
            str(PPD),
            "-o",
            "pdftops-renderer-default=pdftocairo",
            "-o",
            "TitlePref=1",  # cups-pdf names the file after the job's title
        )

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 15) -> str:
        text = ""
        for name in ("log/cupsd.stderr", "log/error_log"):
            path = self.root / name
            if path.exists():
                text += path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:]) or "(no log)"

    # --- the queue -----------------------------------------------------------------------
    def queues(self) -> list[str]:
        return self.run("lpstat", "-e").split()

    def disable(self, reason: str = "") -> None:
        """Stop the queue (cupsdisable): CUPS still takes jobs but holds them."""
        self.run("cupsdisable", *(["-r", reason] if reason else []), self.printer)

    def enable(self) -> None:
        self.run("cupsenable", self.printer)

    def reject(self, reason: str = "") -> None:
        """Refuse new jobs (cupsreject)."""
        self.run("cupsreject", *(["-r", reason] if reason else []), self.printer)

    def accept(self) -> None:
        self.run("cupsaccept", self.printer)

    def jobs(self) -> list[str]:
        """Jobs not yet finished (held, pending or printing)."""
        return [line.split()[0] for line in self.run("lpstat", "-o").splitlines() if line.strip()]

    def cancel_all(self) -> None:
        self.run("cancel", "-a", "-x")

    def reset(self) -> None:
        """Running, enabled, accepting and empty, the only queue and not the default."""
        self.start()
        # First: a queue that denies this user also refuses to be enabled by them.
        self.run("lpadmin", "-p", self.printer, "-u", "allow:all")
        self.cancel_all()
        for name in self.queues():
            if name != self.printer:
                self.run("lpadmin", "-x", name)
        if self.printer in self.run("lpstat", "-d"):  # no command clears the default
            self.run("lpadmin", "-x", self.printer)
            self.add_queue(self.printer)
        self.enable()
        self.accept()

    # --- what came out -------------------------------------------------------------------
    def wait_for_pdf(self, timeout: float = 30.0, job: str | None = None) -> Path:
        """The next finished PDF cups-pdf wrote (the one of `job`, e.g. "TestPDF-3", if given).

        cups-pdf creates the file empty and Ghostscript fills it, so it is ready only once
        its job has left the queue.
        """
        suffix = f"-job_{_job_number(job)}.pdf" if job else ".pdf"
        found: list[Path] = []

        def finished() -> bool:
            new = [
                path for path in self.output_dir.glob(f"*{suffix}") if path not in self._delivered
            ]
            if new and not (job in self.jobs() if job else self.jobs()):
                found.append(min(new, key=lambda path: path.stat().st_mtime))
                return True
            return False

        _wait(finished, f"cups-pdf wrote {'the PDF of ' + job if job else 'a PDF'}", timeout)
        self._delivered.add(found[0])
        return found[0]

    def impressions(self, job: str) -> int | None:
        """Pages × copies CUPS counted for a finished job (its page log), None if not logged.

        cups-pdf gets copies as a PostScript request that Ghostscript ignores, so the PDF
        holds each page once; CUPS's own count is what shows the copies were asked for.
        """
        log = self.root / "log/page_log"
        text = log.read_text() if log.exists() else ""
        pattern = rf"^(\S+) \S+ {_job_number(job)} \[[^\]]*\] total (\d+) "
        for match in re.finditer(pattern, text, re.MULTILINE):
            if match.group(1).casefold() == job.rsplit("-", 1)[0].casefold():
                return int(match.group(2))
        return None


def _job_number(job_id: str) -> int:
    match = re.fullmatch(r".+-(\d+)", job_id)
    if not match:
        raise ValueError(f"not a CUPS job id: {job_id!r}")
    return int(match.group(1))


@pytest.fixture(scope="session")
def cups() -> Iterator[PrivateCups]:
    """A private cupsd with the cups-pdf queue TestPDF; CUPS_SERVER points everything at it."""
    if reason := missing():
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    # Under /tmp, not pytest's tmp_path: its parent is 0700 and cupsd's filters run as lp.
    root = Path(tempfile.mkdtemp(prefix="counter-app-cups-", dir="/tmp"))
    server = PrivateCups(root)
    patch = pytest.MonkeyPatch()
    try:
        server.start()
        patch.setenv("CUPS_SERVER", str(server.socket))
        yield server
    finally:
        patch.undo()
        if server.running:
            server.cancel_all()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def cups_queue(cups: PrivateCups) -> Iterator[PrivateCups]:
    """The private queue, reset for this test; fails the test if it leaves a job behind."""
    cups.reset()
    yield cups
    if cups.running:
        left = cups.jobs()
        cups.cancel_all()
        assert not left, f"jobs left in the queue: {left}"
