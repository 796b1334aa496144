"""A counter process for test_killed_submission.py: it signs in, takes a replacement up to its
submission, says which draft it is, and submits, killing itself with SIGKILL at the moment named
on the command line (as the power going out would), or reporting how many commits it made.

    python -m tests.drills.submitting DATABASE_URL before-commit:N | after-commit:N | count
"""

from __future__ import annotations

import os
import signal
import sys

from sqlalchemy import event
from sqlalchemy.orm import Session

from counter_app.api.local import LocalCounterApi
from counter_app.resources import load_rules
from counter_app.store.database import Database
from counter_app.workflows.runner import FlowRunner
from tests.drills.counter_flow import sign_in, up_to_submission


def main(url: str, moment: str) -> None:
    db = Database(url)
    runner = FlowRunner(LocalCounterApi(db, sign_in(db), load_rules()))
    flow = up_to_submission(runner)
    print(f"draft {flow.application_id}", flush=True)
    commits = {"before": 0, "after": 0}
    when, _, at = moment.partition(":")

    def count(which: str) -> None:
        commits[which] += 1
        if when == f"{which}-commit" and commits[which] == int(at):
            os.kill(os.getpid(), signal.SIGKILL)

    event.listen(db.engine, "commit", lambda _connection: count("before"))
    event.listen(Session, "after_commit", lambda _session: count("after"))
    runner.complete(flow)
    print(f"submitted {flow.receipt_no} in {commits['after']} commits", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
