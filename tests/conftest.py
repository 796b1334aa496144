"""Shared fixtures: databases on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_app.resources import load_rules
from counter_app.store.database import Database
from tests.pcsc_env import cards, pcscd  # noqa: F401 (fixtures for every test package)
from tests.postgres_cluster import NoPostgres, ThrowawayCluster, scratch_database

IN_CI = os.environ.get("CI", "").lower() == "true"
# Every window in the suite is real but drawn offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TEMPLATE = "counter_app_template"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a server's maintenance database: the configured one or our own cluster."""
    if configured := os.environ.get("COUNTER_APP_TEST_PG_URL"):
        yield configured
        return
    with started_cluster() as (_cluster, url):
        yield url


@pytest.fixture
def own_cluster() -> Iterator[tuple[ThrowawayCluster, str]]:
    """A PostgreSQL server of the test's own, to stop and restart (tests of outages)."""
    with started_cluster() as started:
        yield started


@contextmanager
def started_cluster() -> Iterator[tuple[ThrowawayCluster, str]]:
    cluster = ThrowawayCluster()
    try:
        url = cluster.start()
    except NoPostgres as error:
        if IN_CI:
            pytest.fail(f"PostgreSQL tests must run in CI: {error}")
        pytest.skip(f"no PostgreSQL here ({error}); set COUNTER_APP_TEST_PG_URL or install it")
    try:
        yield cluster, url
    finally:
        cluster.stop()


def _admin(server_url: str):  # type: ignore[no-untyped-def]
    return create_engine(
        make_url(server_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )


@pytest.fixture(scope="session")
def postgres_template(postgres_server: str) -> str:
    """A database migrated once; each test copies it, which is far faster than migrating."""
    admin = _admin(postgres_server)
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE}"))
        connection.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    admin.dispose()
    template = Database(str(make_url(postgres_server).set(database=TEMPLATE)))
    template.upgrade()
    template.dispose()
    return TEMPLATE


@pytest.fixture
def postgres_url(postgres_server: str, postgres_template: str) -> Iterator[str]:
    with scratch_database(postgres_server, "counter_app_test", postgres_template) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'counter.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, empty database on each backend."""
    if request.param == "sqlite":
        database = Database(request.getfixturevalue("sqlite_url"))
        database.upgrade()
    else:
        database = Database(request.getfixturevalue("postgres_url"))
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture(scope="session")
def rules():  # type: ignore[no-untyped-def]
    return load_rules()
