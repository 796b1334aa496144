"""Signing in and out, the screen's lock, the rules in force, a supervisor's authorisation."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from counter_app.api.models import Credentials
from counter_app.server import sessions
from counter_app.server.auth import Caller, service_of
from counter_app.server.errors import AuthoriserRejected
from counter_app.server.idempotency import once
from counter_app.server.routes.common import (
    AT_LOCK_SCREEN,
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)
from counter_app.services import auth
from counter_app.services.errors import BadCredentials

router = APIRouter(tags=["sessions"])


@router.post(
    "/sessions",
    status_code=201,
    summary="Sign in: {staff_no, password, workstation} → a session token (no token needed)",
)
def sign_in(request: Request, body: dict[str, Any] = BODY) -> JSONResponse:
    service = service_of(request)
    staff_no, password = typed(str, body.get("staff_no")), typed(str, body.get("password"))
    workstation = typed(str, body.get("workstation"))[:64]
    actor = auth.sign_in(service.db, staff_no, password, workstation)
    opened = sessions.open_session(service.db, service.settings, actor)
    answer = {
        "token": opened.token,
        "staff_no": actor.staff_no,
        "name": actor.name,
        "role": actor.role.value,
        "expires_at": opened.expires_at.isoformat(),
        "actor": wire(actor),
    }
    return JSONResponse(answer, status_code=201)


@router.get("/sessions/current", summary="Who the token is")
def who(who: Caller = CALLER) -> Any:
    return wire(who.actor)


@router.delete("/sessions/current", status_code=204, summary="Sign out: the token ends")
def sign_out(why: str = "user", who: Caller = AT_LOCK_SCREEN) -> Response:
    who.api.sign_out(why[:100])
    sessions.end(who.service.db, who.session.token_hash)
    return Response(status_code=204)


@router.post(
    "/sessions/current/lock", status_code=204, summary="Lock the screen: calls wait for unlock"
)
def lock(who: Caller = AT_LOCK_SCREEN) -> Response:
    if not who.session.locked:
        who.api.lock_screen()
        sessions.lock(who.service.db, who.session.token_hash)
    return Response(status_code=204)


@router.post(
    "/sessions/current/unlock", status_code=204, summary="Unlock with the password: {password}"
)
def unlock(body: dict[str, Any] = BODY, who: Caller = AT_LOCK_SCREEN) -> Response:
    who.api.unlock_screen(typed(str, body.get("password")))
    sessions.unlock(who.service.db, who.session.token_hash)
    return Response(status_code=204)


@router.get("/rules", summary="The locality rules in force")
def rules(who: Caller = CALLER) -> Any:
    return wire(who.service.rules)


def as_authoriser(credentials: Credentials, act: Any) -> Any:
    """`act` judged on the authoriser's password: a wrong one is the authoriser's refusal
    (401 authoriser_rejected), not the caller's, whose session stays."""
    try:
        return act()
    except BadCredentials as refusal:
        raise AuthoriserRejected(refusal) from refusal


@router.post(
    "/authorisations",
    summary="A supervisor authorises one act on this screen: {authoriser, what, object_id}"
    " → the supervisor",
)
def authorise(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    credentials = typed(Credentials, body.get("authoriser"))
    what, object_id = typed(str, body.get("what")), body.get("object_id")

    def run() -> Any:
        supervisor = as_authoriser(
            credentials, lambda: who.api.authorised(credentials, what, object_id)
        )
        return wire(supervisor.actor)

    return once(request, who, run)


@router.post(
    "/overrides",
    summary="A supervisor accepts an old card that differs: {application_id, authoriser}",
)
def authorise_override(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    credentials = typed(Credentials, body.get("authoriser"))
    application_id = typed(int | None, body.get("application_id"))
    return once(
        request,
        who,
        lambda: wire(
            as_authoriser(
                credentials, lambda: who.api.authorise_override(application_id, credentials)
            )
        ),
    )
