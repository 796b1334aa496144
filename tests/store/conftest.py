from __future__ import annotations

from collections.abc import Iterator

import pytest

from counter_app.domain.application import Action, Business, Reason
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, people
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.store.database import Database
from tests.postgres_cluster import scratch_database
from tests.services.conftest import add_member

OUTLET = "320100001"


@pytest.fixture
def empty_postgres_url(postgres_server: str) -> Iterator[str]:
    """A PostgreSQL database with no tables at all, dropped afterwards."""
    with scratch_database(postgres_server, "counter_app_empty") as url:
        yield url


def make_submitted(db: Database) -> tuple[ApplicationSummary, Actor, Actor]:
    """A submitted application, its clerk, and a supervisor who may decide it."""
    clerk = add_member(db, "0101", Role.CLERK, "王芳")
    supervisor = add_member(db, "0201", Role.SUPERVISOR, "赵敏")
    holder = Holder(
        document_type=DocumentType.RESIDENT_ID,
        document_number="11010519491231002X",
        name="测试",
        sex=Sex.FEMALE,
    )
    person_id = people.add_person(db, clerk, holder)
    draft = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.DAMAGED, person_id, OUTLET
    )
    done = applications.transition(db, clerk, draft.id, Action.SUBMIT, draft.version)
    return done, clerk, supervisor


@pytest.fixture
def submitted(db: Database) -> tuple[ApplicationSummary, Actor, Actor]:
    return make_submitted(db)
