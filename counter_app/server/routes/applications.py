"""The supervisor's queue, a clerk's own applications, one application, its decision."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from counter_app.api.models import Credentials, QueueFilter, QueueOrder
from counter_app.domain.application import Action, Business, State
from counter_app.domain.flags import Flag
from counter_app.server.auth import Caller
from counter_app.server.errors import InvalidRequest
from counter_app.server.idempotency import once
from counter_app.server.routes.common import (
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)
from counter_app.server.routes.sessions import as_authoriser

router = APIRouter(tags=["applications"])
OFFSET = Query(0, ge=0)
LIMIT = Query(50, ge=1, le=500)
STATES = Query([State.SUBMITTED, State.REJECTED], description="the states listed")


@router.get("/queue", summary="The supervisor's queue page (403 for a clerk)")
def queue_page(
    business: Business | None = None,
    clerk_no: str | None = None,
    waiting_at_least_seconds: float | None = None,
    flag: Flag | None = None,
    order: QueueOrder = QueueOrder.OLDEST,
    offset: int = OFFSET,
    limit: int = LIMIT,
    who: Caller = CALLER,
) -> Any:
    waiting = (
        None if waiting_at_least_seconds is None else timedelta(seconds=waiting_at_least_seconds)
    )
    where = QueueFilter(business, clerk_no, waiting, flag)
    return wire(who.api.queue_page(where, order, offset, limit))


@router.get("/queue/count", summary="How many applications the caller may decide: {count}")
def decidable_count(who: Caller = CALLER) -> Any:
    return {"count": who.api.decidable_count()}


@router.get(
    "/applications",
    summary="The caller's own applications (mine=true) in the states named",
)
def own_applications(
    mine: bool = True,
    state: list[State] = STATES,
    offset: int = OFFSET,
    limit: int = LIMIT,
    who: Caller = CALLER,
) -> Any:
    if not mine:
        raise InvalidRequest("only mine=true: the queue lists the others'")
    rows = who.api.own_applications(state, offset, limit)
    items = [
        {"id": row.application_id, "maker_no": who.actor.staff_no, **wire(row)} for row in rows
    ]
    return {"items": items, "offset": offset, "limit": limit}


@router.get("/applications/{application_id}", summary="One application in full, numbers masked")
def application_detail(application_id: int, who: Caller = CALLER) -> Any:
    detail = who.api.application_detail(application_id)
    return {"id": detail.application_id, "maker_no": detail.clerk_no, **wire(detail)}


@router.get(
    "/applications/{application_id}/numbers",
    summary="The application's numbers in full (audited each time)",
)
def revealed_numbers(application_id: int, who: Caller = CALLER) -> Any:
    return wire(who.api.revealed_numbers(application_id))


@router.post(
    "/applications/{application_id}/decision",
    summary="Approve or reject: {decision, version, reason?, authoriser?: {staff_no, password}}",
)
def decide(
    application_id: int,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    action = typed(Action, body.get("decision"))
    if action not in (Action.APPROVE, Action.REJECT):
        raise InvalidRequest("decision is approve or reject")
    version, reason = typed(int, body.get("version")), typed(str | None, body.get("reason"))
    authoriser = typed(Credentials | None, body.get("authoriser"))

    def run() -> Any:
        deciding = who.api
        if authoriser is not None:
            # The authoriser alone is judged; the caller is recorded as the clerk at the screen.
            deciding = as_authoriser(
                authoriser,
                lambda: who.api.authorised(
                    authoriser, f"{action.value}_authorised", application_id
                ),
            )
        return wire(deciding.transition(application_id, action, version, reason))

    return once(request, who, run)
