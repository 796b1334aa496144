"""`GET /api/v1/health`: no token; says whether the service and its database answer."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from counter_app import __version__
from counter_app.server.auth import service_of
from counter_app.store.database import DatabaseUnavailable

router = APIRouter(tags=["health"])


@router.get("/health", summary="Whether the service and its database answer (no token)")
def health(request: Request) -> JSONResponse:
    try:
        current = service_of(request).db.schema_status().current
    except DatabaseUnavailable:
        current = None
    if current is None:
        body = {"status": "failing", "database": "unavailable", "version": __version__}
        return JSONResponse(body, status_code=503)
    if not current:
        body = {"status": "failing", "database": "schema_mismatch", "version": __version__}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok", "version": __version__})
