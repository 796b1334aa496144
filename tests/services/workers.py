"""What the concurrency tests run in separate processes (spawned: each has its own imports,
connections and transactions, as the outlet's counters do)."""

from __future__ import annotations

import multiprocessing
import queue
import time
import traceback
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from counter_app.domain.application import Action, Business, Reason
from counter_app.services import applications
from counter_app.services.actor import Actor
from counter_app.services.errors import ServiceError
from counter_app.services.receipts import next_receipt_no
from counter_app.store.database import Database

SPAWN = multiprocessing.get_context("spawn")
TIMEOUT_SECONDS = 120


class GiveBack(Exception):
    """Raised inside a transaction that took a receipt number, to roll it back."""


def run_all(target: Callable[..., None], arguments: list[tuple[Any, ...]]) -> list[Any]:
    """Start one process per argument tuple, all released together by a barrier; their
    results (or their tracebacks) in the same order."""
    barrier = SPAWN.Barrier(len(arguments))
    results = SPAWN.Queue()
    processes = [
        SPAWN.Process(target=_reporting, args=(target, index, barrier, results, *args))
        for index, args in enumerate(arguments)
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while len(collected) < len(processes):
        try:
            index, result = results.get(timeout=1)
            collected[index] = result
        except queue.Empty:
            dead = [p.exitcode for p in processes if p.exitcode not in (None, 0)]
            if dead or time.monotonic() > deadline:
                for process in processes:
                    process.kill()
                raise RuntimeError(f"worker processes died or hung (exit codes {dead})") from None
    for process in processes:
        process.join(TIMEOUT_SECONDS)
    return [collected[index] for index in range(len(arguments))]


def _reporting(
    target: Callable[..., Any], index: int, barrier: Any, results: Any, *args: Any
) -> None:
    try:
        results.put((index, target(barrier, *args)))
    except BaseException:  # reported to the test, which fails naming it
        results.put((index, RuntimeError(traceback.format_exc())))


def decide(
    barrier: Any, url: str, actor: Actor, application_id: int, version: int, action: Action
) -> object:
    """One supervisor's decision, taken at the same moment as the others'."""
    db = Database(url)
    try:
        barrier.wait()
        try:
            return applications.transition(db, actor, application_id, action, version, "不符")
        except ServiceError as refused:
            return refused
    finally:
        db.dispose()


def submit_many(
    barrier: Any,
    url: str,
    clerk: Actor,
    person_id: int,
    outlet: str,
    day: date,
    count: int,
    give_back: bool,
) -> list[str]:
    """`count` applications created and submitted, each also retried as after a lost answer;
    with `give_back`, a receipt number taken and rolled back before each."""
    db = Database(url)
    numbers = []
    try:
        barrier.wait()
        for _ in range(count):
            key = uuid.uuid4()
            create = (db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person_id, outlet)
            draft = applications.create_draft(*create, idempotency_key=key)
            assert applications.create_draft(*create, idempotency_key=key).id == draft.id
            if give_back:
                try:
                    with db.transaction() as session:
                        next_receipt_no(session, outlet, day)
                        raise GiveBack()
                except GiveBack:
                    pass
            done = applications.transition(
                db, clerk, draft.id, Action.SUBMIT, draft.version, today=day
            )
            again = applications.transition(
                db, clerk, draft.id, Action.SUBMIT, draft.version, today=day
            )
            assert again.receipt_no == done.receipt_no and again.version == done.version
            assert done.receipt_no is not None
            numbers.append(done.receipt_no)
        return numbers
    finally:
        db.dispose()


def create_with_key(
    barrier: Any, url: str, clerk: Actor, person_id: int, outlet: str, key: str
) -> int:
    """A double click: the same draft asked for by several calls at once."""
    db = Database(url)
    try:
        barrier.wait()
        create = (db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person_id, outlet)
        return applications.create_draft(*create, idempotency_key=key).id
    finally:
        db.dispose()
