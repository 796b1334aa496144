"""Drill: the PostgreSQL server restarted during a session, on a cluster of the drill's own.

Submissions before, during and after the restart are each stored once, with receipt numbers
that neither skip nor repeat; the clerk is told while the server is away, and what they entered
waits on the page. Where the server committed but its answer never arrived, the clerk's retry
finds the work stored and does not store it twice.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from counter_app.api.local import LocalCounterApi
from counter_app.domain.application import Business, State
from counter_app.domain.rules import LocalityRules
from counter_app.printing.kinds import DocumentKind
from counter_app.services import documents
from counter_app.store.database import Database, DatabaseUnavailable
from counter_app.ui.messages import describe_error
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from tests.drills.answer_cutter import AnswerCutter
from tests.drills.counter_flow import (
    add_clerk,
    applications_of,
    assert_whole,
    sign_in,
    up_to_submission,
)
from tests.postgres_cluster import ThrowawayCluster
from tests.workflows.conftest import fill, holder

pytestmark = [pytest.mark.drill, pytest.mark.postgres]

TOLD = "The database cannot be reached. Nothing was lost; try again when the connection is back."


@pytest.fixture
def cluster(own_cluster: tuple[ThrowawayCluster, str]) -> ThrowawayCluster:
    return own_cluster[0]


@pytest.fixture
def cutter(cluster: ThrowawayCluster) -> Iterator[AnswerCutter]:
    relay = AnswerCutter(cluster.port)
    yield relay
    relay.close()


@pytest.fixture
def db(own_cluster: tuple[ThrowawayCluster, str], cutter: AnswerCutter) -> Iterator[Database]:
    """The cluster's database, migrated, with a clerk; the session reaches it through the relay."""
    url = own_cluster[1]
    direct = Database(url)
    direct.upgrade()
    add_clerk(direct)
    direct.dispose()
    database = Database(make_url(url).set(port=cutter.port).render_as_string(False))
    yield database
    database.dispose()


@pytest.fixture
def runner(db: Database, rules: LocalityRules) -> FlowRunner:
    return FlowRunner(LocalCounterApi(db, sign_in(db), rules))


def refused_while_away(runner: FlowRunner, flow: Flow) -> None:
    """The step is refused with the clerk's message, and stays open with what was entered."""
    step, entered = flow.current.id, dict(flow.values[flow.current.id])
    with pytest.raises(DatabaseUnavailable) as caught:
        runner.complete(flow)
    assert describe_error(caught.value) == TOLD
    assert flow.current.id == step and flow.values[step] == entered


def test_submissions_before_during_and_after_a_restart_are_each_stored_once(
    cluster: ThrowawayCluster, db: Database, runner: FlowRunner
) -> None:
    before = up_to_submission(runner, 0)
    assert runner.complete(before) is False

    while_down = up_to_submission(runner, 1)
    cluster.halt()
    refused_while_away(runner, while_down)
    cluster.resume()
    assert runner.complete(while_down) is False

    during = up_to_submission(runner, 2)
    restarts = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def restart_at_the_receipt_number(_c, _cursor, statement: str, *_: object) -> None:
        if "receipt_counters" in statement and not restarts:
            restarts.append(statement)
            cluster.resume()  # a restart: the submission's connection dies under it

    refused_while_away(runner, during)
    assert restarts
    assert runner.complete(during) is False

    flows = (before, while_down, during)
    assert applications_of(db) == 3
    assert all(assert_whole(db, flow.application_id or 0) is State.SUBMITTED for flow in flows)
    assert [flow.receipt_no[-4:] for flow in flows if flow.receipt_no] == ["0001", "0002", "0003"]


def test_a_draft_whose_creation_answer_was_lost_is_not_made_twice(
    cluster: ThrowawayCluster, cutter: AnswerCutter, db: Database, runner: FlowRunner
) -> None:
    flow = runner.start(Business.REPLACEMENT)
    fill(flow, reason="damaged")
    runner.complete(flow)
    holder(flow)
    cutter.lose_commit_answer_of(b"INSERT INTO applications")
    refused_while_away(runner, flow)
    assert cutter.cut.is_set() and applications_of(db) == 1  # stored, though the clerk was told
    cluster.resume()
    assert runner.complete(flow)
    assert applications_of(db) == 1
    assert flow.current.id == StepId.OLD_CARD


def test_a_submission_whose_answer_was_lost_is_found_stored_on_retry(
    cluster: ThrowawayCluster, cutter: AnswerCutter, db: Database, runner: FlowRunner
) -> None:
    flow = up_to_submission(runner)
    cutter.lose_commit_answer_of(b"receipt_counters")
    refused_while_away(runner, flow)
    assert cutter.cut.is_set()
    assert assert_whole(db, flow.application_id or 0) is State.SUBMITTED
    cluster.resume()
    assert runner.complete(flow) is False
    assert applications_of(db) == 1 and flow.receipt_no and flow.receipt_no.endswith("0001")
    stored = {d.id: d.kind for d in documents.history(db, application_id=flow.application_id)}
    assert {stored[kept.document_id] for kept in runner.documents_of(flow)} == {
        DocumentKind.PAYMENT_VOUCHER,
        DocumentKind.ACCEPTANCE_RECEIPT,
    }
