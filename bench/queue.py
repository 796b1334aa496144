"""The outlet's database under load: 100,000 historical and 2,000 pending applications.

On SQLite and on PostgreSQL, in the same run, prints
- the supervisor's queue, first page of 50 with its total (goal < 50 ms), against a bare
  indexed SELECT of one application by primary key;
- one person found by ID number through the customer search, which also appends its audit
  event (goal < 10 ms), against the same bare SELECT;
- submissions per second with 20 clerk processes creating and submitting at once, against
  the same processes each committing bare one-row INSERTs.

Run it as `.venv/bin/python -m bench.queue` (PostgreSQL: the server in
COUNTER_APP_BENCH_PG_URL, else a throwaway cluster from the installed binaries, as the
`postgres` user when run as root). `--history`, `--pending`, `--clerks` and `--each` scale it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from bench.timing import Figure, Goal, median_ms, print_table
from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.flags import BITS
from counter_app.domain.idnumber import check_character
from counter_app.domain.roles import Role
from counter_app.services import applications, auth, queue, search, staff
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.store.models import Application, Person
from tests.postgres_cluster import ThrowawayCluster, scratch_database
from tests.services.workers import run_all

OUTLET = "320100001"
PASSWORD = "bench2026"
QUEUE_GOAL = Goal(50, absolute=True)
LOOKUP_GOAL = Goal(10, absolute=True)
CHUNK = 5_000
HISTORY_STATES = (State.ISSUED, State.ISSUED, State.ISSUED, State.REJECTED, State.CANCELLED)
BUSINESSES = (Business.REPLACEMENT, Business.REISSUE, Business.CORRECTION)
REASON_FOR = {
    Business.REPLACEMENT: Reason.EXPIRED,
    Business.REISSUE: Reason.LOST,
    Business.CORRECTION: Reason.NAME,
}


@dataclass(frozen=True)
class Sizes:
    history: int
    pending: int
    clerks: int
    each: int  # submissions per clerk
    rounds: int


FULL = Sizes(history=100_000, pending=2_000, clerks=20, each=10, rounds=30)
QUICK = Sizes(history=10_000, pending=500, clerks=10, each=5, rounds=10)


def id_number(n: int) -> str:
    """A well-formed resident ID number, different for every n below 365 × 999 × 60."""
    born = datetime(1950, 1, 1) + timedelta(days=n % 21_900)
    first17 = f"320102{born:%Y%m%d}{n // 21_900 % 999 + 1:03d}"
    return first17 + check_character(first17)


def fill(db: Database, history: int, pending: int, clerks: list[Actor]) -> None:
    """Persons and applications inserted in bulk (the services would take hours for this)."""
    now = datetime.now(UTC)
    total = history + pending
    pick = random.Random(6)
    with db.transaction() as session:
        for start in range(0, total, CHUNK):
            numbers = range(start, min(start + CHUNK, total))
            session.execute(
                insert(Person),
                [
                    {
                        "id": n + 1,
                        "document_type": "resident_id",
                        "document_number": id_number(n),
                        "name": f"持卡人{n}",
                        "sex": "1",
                        "created_at": now,
                    }
                    for n in numbers
                ],
            )
            rows = []
            for n in numbers:
                business = pick.choice(BUSINESSES)
                waiting = n >= history
                submitted = now - (
                    timedelta(minutes=pick.randrange(1, 600))
                    if waiting
                    else timedelta(days=pick.randrange(1, 730))
                )
                rows.append(
                    {
                        "business": business,
                        "reason": REASON_FOR[business],
                        "state": State.SUBMITTED if waiting else pick.choice(HISTORY_STATES),
                        "person_id": n + 1,
                        "maker_id": pick.choice(clerks).staff_id,
                        "outlet_code": OUTLET,
                        "details": {},
                        "flags": pick.choice([0, 0, 0, BITS[pick.choice(list(BITS))]]),
                        "created_at": submitted,
                        "submitted_at": submitted,
                        "receipt_no": f"{OUTLET}{submitted:%Y%m%d}{n:07d}",
                        "version": 2,
                    }
                )
            session.execute(insert(Application), rows)
    with db.engine.begin() as connection:
        if not db.is_sqlite:  # identities were given explicitly: move the sequences past them
            for table in ("persons", "applications"):
                connection.execute(
                    text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                )
        connection.execute(text("ANALYZE"))


def submit_clerk(barrier: Any, url: str, clerk: Actor, person_id: int, each: int) -> tuple:
    """One clerk's burst: `each` applications created and submitted."""
    db = Database(url)
    try:
        barrier.wait()
        start = time.monotonic()
        for _ in range(each):
            draft = applications.create_draft(
                db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person_id, OUTLET
            )
            applications.transition(db, clerk, draft.id, Action.SUBMIT, draft.version)
        return start, time.monotonic()
    finally:
        db.dispose()


def insert_bare(barrier: Any, url: str, each: int) -> tuple:
    """The baseline burst: `each` committed one-row INSERTs through the same engine setup."""
    db = Database(url)
    try:
        barrier.wait()
        start = time.monotonic()
        for number in range(each):
            with db.transaction() as session:
                session.execute(text("INSERT INTO bench_rows (n) VALUES (:n)"), {"n": number})
        return start, time.monotonic()
    finally:
        db.dispose()


def per_second(spans: list[tuple[float, float]], count: int) -> float:
    crashed = [span for span in spans if isinstance(span, BaseException)]
    if crashed:
        raise crashed[0]
    return count / (max(end for _, end in spans) - min(start for start, _ in spans))


def measure_database(name: str, url: str, sizes: Sizes) -> list[Figure]:
    db = Database(url)
    db.upgrade()
    staff.add(db, Actor.system(), "0201", "主管", Role.SUPERVISOR, PASSWORD)
    supervisor = auth.sign_in(db, "0201", PASSWORD, "bench")
    clerks = []
    for number in range(sizes.clerks):
        staff.add(db, Actor.system(), f"{1000 + number}", f"柜员{number}", Role.CLERK, PASSWORD)
        clerks.append(auth.sign_in(db, f"{1000 + number}", PASSWORD, "bench"))
    started = time.perf_counter()
    fill(db, sizes.history, sizes.pending, clerks)
    filled = Figure(
        f"{name}: filled, {sizes.history:,} + {sizes.pending:,} applications",
        time.perf_counter() - started,
        "s",
    )

    pick = random.Random(7)

    def bare_select() -> None:
        with db.engine.connect() as connection:
            identity = {"id": pick.randrange(1, sizes.history)}
            connection.execute(text("SELECT * FROM applications WHERE id = :id"), identity).one()

    rounds = sizes.rounds
    wanted = [id_number(pick.randrange(sizes.history + sizes.pending)) for _ in range(rounds + 1)]
    lookups = iter(wanted)
    baseline = median_ms(bare_select, rounds)
    first_page = median_ms(lambda: queue.queue_page(db, supervisor, OUTLET), rounds)
    page = queue.queue_page(db, supervisor, OUTLET)
    assert page.total == sizes.pending and len(page.rows) == 50
    lookup = median_ms(lambda: search.find_people(db, clerks[0], next(lookups)), rounds)
    assert len(search.find_people(db, clerks[0], wanted[0])) == 1

    with db.engine.begin() as connection:
        key = "INTEGER" if db.is_sqlite else "SERIAL"
        connection.execute(text(f"CREATE TABLE bench_rows (id {key} PRIMARY KEY, n INTEGER)"))
    count = sizes.clerks * sizes.each
    bare = per_second(run_all(insert_bare, [(url, sizes.each)] * sizes.clerks), count)
    ours = per_second(
        run_all(submit_clerk, [(url, clerk, 1, sizes.each) for clerk in clerks]), count
    )
    db.dispose()
    return [
        filled,
        Figure(f"{name}: queue first page", first_page, "ms", baseline, QUEUE_GOAL),
        Figure(f"{name}: person by ID number", lookup, "ms", baseline, LOOKUP_GOAL),
        Figure(
            f"{name}: submissions, {sizes.clerks} clerks × {sizes.each}",
            ours,
            "per s",
            bare,
            higher_is_better=True,
        ),
    ]


@contextmanager
def postgres_database() -> Iterator[str]:
    if configured := os.environ.get("COUNTER_APP_BENCH_PG_URL"):
        server, cluster = configured, None
    else:
        cluster = ThrowawayCluster()
        server = cluster.start()
    try:
        with scratch_database(server, "counter_bench") as url:
            yield url
    finally:
        if cluster is not None:
            cluster.stop()


def measure_sizes(sizes: Sizes) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        figures = measure_database("SQLite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}", sizes)
    with postgres_database() as url:
        return figures + measure_database("PostgreSQL", url, sizes)


def measure(quick: bool) -> list[Figure]:
    return measure_sizes(QUICK if quick else FULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.queue", description=__doc__)
    parser.add_argument("--history", type=int, default=FULL.history)
    parser.add_argument("--pending", type=int, default=FULL.pending)
    parser.add_argument("--clerks", type=int, default=FULL.clerks)
    parser.add_argument("--each", type=int, default=FULL.each, help="submissions per clerk")
    parser.add_argument("--rounds", type=int, default=FULL.rounds)
    print_table(measure_sizes(Sizes(**vars(parser.parse_args(argv)))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
