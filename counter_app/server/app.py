"""The service's application: the routes, the refusals' answers, the body limit."""

from __future__ import annotations

from fastapi import FastAPI

from counter_app import __version__
from counter_app.domain.rules import LocalityRules
from counter_app.server import errors
from counter_app.server.limits import BodyLimit
from counter_app.server.routes import ROUTERS
from counter_app.server.settings import ServiceSettings
from counter_app.server.state import Service
from counter_app.store.database import Database

PREFIX = "/api/v1"


def create_app(
    db: Database, rules: LocalityRules, settings: ServiceSettings | None = None
) -> FastAPI:
    settings = settings or ServiceSettings()
    app = FastAPI(
        title="counter_app outlet service",
        version=__version__,
        description="The counter's use cases for the workstations of an outlet. Every call but "
        "`GET /api/v1/health` and `GET /api/v1/openapi.json` sends `Authorization: Bearer "
        "<token>`; every changing call sends an `Idempotency-Key`. Refusals answer "
        '`{"error": code, "message": words, "detail": {…}}`.',
        openapi_url=f"{PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = Service(db, rules, settings)
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router, prefix=PREFIX)
    app.add_middleware(BodyLimit, settings=settings)
    return app
