"""Search, a person's file, the daily report, and the staff's administration."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from counter_app.domain.roles import Role
from counter_app.server.auth import Caller
from counter_app.server.idempotency import NO_CONTENT, once
from counter_app.server.routes.common import (
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)

router = APIRouter(tags=["search, reports, staff"])
TEXT = Query(max_length=200, description="a name, a document, card or receipt number")
HITS = Query(20, ge=1, le=200)


@router.get("/people", summary="People found by what was typed (audited)")
def find_people(
    text: str = TEXT,
    limit: int = HITS,
    who: Caller = CALLER,
) -> Any:
    return wire(who.api.find_people(text, limit))


@router.get("/people/{person_id}", summary="A person's file (audited)")
def person_file(person_id: int, who: Caller = CALLER) -> Any:
    return wire(who.api.person_file(person_id))


@router.get("/reports/daily", summary="The outlet's daily report")
def daily_report(day: date, who: Caller = CALLER) -> Any:
    return wire(who.api.daily_report(day))


@router.get("/staff", summary="Every member of staff (administrators)")
def list_staff(who: Caller = CALLER) -> Any:
    return wire(who.api.list_staff())


@router.post(
    "/staff", status_code=204, summary="Add a member of staff: {staff_no, name, role, password}"
)
def add_staff(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    staff_no, name, password = (typed(str, body.get(k)) for k in ("staff_no", "name", "password"))
    role = typed(Role, body.get("role"))
    return once(
        request,
        who,
        lambda: who.api.add_staff(staff_no, name, role, password),
        status=NO_CONTENT,
    )


@router.post("/staff/{staff_no}/unlock", status_code=204, summary="Unlock a locked account")
def unlock_staff(
    staff_no: str, request: Request, who: Caller = CALLER, _key: str = IDEMPOTENCY_KEY
) -> Response:
    return once(request, who, lambda: who.api.unlock_staff(staff_no), status=NO_CONTENT)


@router.put(
    "/staff/{staff_no}/password",
    status_code=204,
    summary="Change a password: {new_password, old_password?}",
)
def change_password(
    staff_no: str,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    new, old = typed(str, body.get("new_password")), typed(str | None, body.get("old_password"))
    return once(
        request,
        who,
        lambda: who.api.change_password(staff_no, new, old),
        status=NO_CONTENT,
    )
