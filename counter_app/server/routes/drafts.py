"""Applications being taken: drafts, their submission, a clerk's own transitions."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.api.models import ApplicationDetails, NewDraft, Submission
from counter_app.domain.application import Action, Reason
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

router = APIRouter(tags=["applications being taken"])


@router.post("/drafts", status_code=201, summary="Start a draft (NewDraft) → its summary")
def start_draft(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    draft = typed(NewDraft, body)
    return once(request, who, lambda: wire(who.api.start_draft(draft)), status=201)


@router.get("/drafts", summary="The caller's drafts")
def my_drafts(who: Caller = CALLER) -> Any:
    return wire(who.api.my_drafts())


@router.get("/drafts/count", summary="How many drafts the caller has open: {count}")
def open_drafts(who: Caller = CALLER) -> Any:
    return {"count": who.api.open_drafts()}


@router.get("/drafts/{application_id}", summary="One draft, to resume it")
def load_draft(application_id: int, who: Caller = CALLER) -> Any:
    return wire(who.api.load_draft(application_id))


@router.put(
    "/drafts/{application_id}", summary="Save a draft: {version, details, reason} → {version}"
)
def save_draft(
    application_id: int,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    version = typed(int, body.get("version"))
    details = typed(ApplicationDetails, body.get("details"))
    reason = typed(Reason | None, body.get("reason"))
    return once(
        request,
        who,
        lambda: {"version": who.api.save_draft(application_id, version, details, reason)},
    )


@router.get("/applications/{application_id}/summary", summary="One of the caller's own")
def own_application(application_id: int, who: Caller = CALLER) -> Any:
    return wire(who.api.own_application(application_id))


@router.post(
    "/applications/{application_id}/submission",
    summary="Submit a draft (Submission) → Submitted: fee, voucher, receipt, or nothing",
)
def submit(
    application_id: int,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    submission = typed(Submission, body)
    if submission.application_id != application_id:
        raise InvalidRequest("the body names another application than the path")
    return once(request, who, lambda: wire(who.api.submit(submission)))


DECISIONS = (Action.APPROVE, Action.REJECT)


@router.post(
    "/applications/{application_id}/transitions",
    summary="Cancel, reopen, start production, mark ready: {action, version, note?}"
    " (approve and reject: /decision)",
)
def transition(
    application_id: int,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    action = typed(Action, body.get("action"))
    if action in DECISIONS:
        raise InvalidRequest("approve and reject go through /decision")
    version, note = typed(int, body.get("version")), typed(str | None, body.get("note"))
    return once(
        request,
        who,
        lambda: wire(who.api.transition(application_id, action, version, note)),
    )
