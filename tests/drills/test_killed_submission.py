"""Drill: the counter process killed with SIGKILL during a submission, on SQLite and PostgreSQL.

A process of its own (submitting.py) takes a replacement through the runner and dies at every
commit the submission makes, just before it and just after it. Afterwards the application is a
draft that resumes at the submission, or submitted with its receipt number, fee voucher and
kept documents — never half of that, and never two applications.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.api.local import LocalCounterApi
from counter_app.domain.application import State
from counter_app.domain.rules import LocalityRules
from counter_app.services import drafts
from counter_app.store.database import Database
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from tests.drills.counter_flow import add_clerk, applications_of, assert_whole, sign_in

pytestmark = pytest.mark.drill

PROJECT = Path(__file__).resolve().parents[2]
SUBMISSION_COMMITS = 1  # what `count` reports; each one is a moment to die at
MOMENTS = [
    f"{when}-commit:{number}"
    for number in range(1, SUBMISSION_COMMITS + 1)
    for when in ("before", "after")
]


def counter(db: Database, moment: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.drills.submitting", db.url, moment],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=PROJECT,  # where `tests` is a package
    )


def test_the_submission_makes_the_commits_the_drill_kills_at(db: Database) -> None:
    add_clerk(db)
    done = counter(db, "count")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2] == str(SUBMISSION_COMMITS)
    assert assert_whole(db, int(done.stdout.split()[1])) is State.SUBMITTED


@pytest.mark.parametrize("moment", MOMENTS)
def test_a_counter_killed_while_submitting_leaves_one_whole_application(
    db: Database, rules: LocalityRules, moment: str
) -> None:
    add_clerk(db)
    done = counter(db, moment)
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
    application_id = int(done.stdout.split()[1])
    assert applications_of(db) == 1
    runner = FlowRunner(LocalCounterApi(db, sign_in(db), rules))
    waiting = [draft.application_id for draft in drafts.mine(db, runner.api.actor)]
    if assert_whole(db, application_id) is State.DRAFT:
        # The clerk finds the draft among theirs and submits it where it stopped.
        assert waiting == [application_id]
        flow = runner.resume(application_id)
        assert flow.current.id == StepId.SUBMIT
        assert runner.complete(flow) is False
        assert assert_whole(db, application_id) is State.SUBMITTED
    else:
        assert waiting == []
        with pytest.raises(drafts.NotADraft):
            runner.resume(application_id)
    assert applications_of(db) == 1
