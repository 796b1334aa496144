"""The service's routes, one module per part of the interface; each route is thin: it decodes
the request into the interface's types, calls `LocalCounterApi` as the caller, encodes the
answer."""

from __future__ import annotations

from counter_app.server.routes import (
    applications,
    cases,
    documents,
    drafts,
    health,
    holders,
    search,
    sessions,
)

ROUTERS = tuple(
    module.router
    for module in (health, sessions, holders, drafts, applications, documents, cases, search)
)
