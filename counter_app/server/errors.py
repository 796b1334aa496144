"""Every refusal of the interface as an HTTP answer: its status, and the body
`{"error": code, "message": words, "detail": {…}}` that the HTTP client makes the same exception
of again (api/wire_errors.py).

The statuses: 401 the caller is not proved (wrong password, no live session, an authoriser's
wrong password), 423 the account is locked, 403 the caller may not, 404 no such thing (also
where telling would leak), 409 the stored state forbids it now (stale, already decided, taken,
already lost …: reload and look again), 422 the request itself breaks a rule (a skipped step, a
wrong fee, a weak password …), 503 the database cannot be reached.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from counter_app.api import errors
from counter_app.api.wire_errors import AUTHORISER_REJECTED, body_of

log = logging.getLogger(__name__)


class AuthoriserRejected(Exception):
    """The authoriser sent with a decision gave a wrong password (the caller's session stays)."""

    def __init__(self, refusal: errors.BadCredentials) -> None:
        super().__init__(str(refusal))
        self.refusal = refusal


class InvalidRequest(Exception):
    """A body or parameter that is not of the call's types."""


# Most specific first: the first class an error is an instance of decides its status.
STATUSES: tuple[tuple[type[BaseException], int], ...] = (
    (errors.BadCredentials, 401),
    (errors.SessionExpired, 401),
    (errors.SessionLocked, 401),
    (errors.AccountInactive, 401),
    (errors.AccountLocked, 423),
    (errors.PermissionDenied, 403),  # FourEyesViolation too
    (errors.NotFound, 404),
    (errors.StaleApplication, 409),  # AlreadyDecided too
    (errors.TakenByAnotherClerk, 409),
    (errors.NotADraft, 409),
    (errors.IllegalTransition, 409),
    (errors.AlreadyExists, 409),
    (errors.CardUnderWay, 409),
    (errors.AlreadyLost, 409),
    (errors.NotLost, 409),
    (errors.CardCancelled, 409),
    (errors.NotCollected, 409),
    (errors.ReissueUnderWay, 409),
    (errors.NotReadyForPickup, 409),
    (errors.NotApproved, 409),
    (errors.IdempotencyKeyReused, 409),
    (errors.DatabaseUnavailable, 503),  # DiskFull too
    (errors.ServiceError, 422),
    (errors.InvalidCardNumber, 422),
    (errors.InvalidDocumentNumber, 422),
    (errors.RulesError, 422),
)


def answer_for(error: BaseException) -> tuple[int, dict[str, Any]] | None:
    """The status and body of a refusal; None for an error that is no refusal (a fault)."""
    if isinstance(error, AuthoriserRejected):
        return 401, body_of(error.refusal, AUTHORISER_REJECTED)
    if isinstance(error, InvalidRequest):
        return 422, {"error": "invalid_request", "message": str(error), "detail": {}}
    for kind, status in STATUSES:
        if isinstance(error, kind):
            return status, body_of(error)
    return None


def refusal(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, "detail": {}}, status_code=status)


def install(app: FastAPI) -> None:
    async def refused(request: Request, error: Exception) -> JSONResponse:
        answer = answer_for(error)
        if answer is None:
            log.exception("fault in %s %s", request.method, request.url.path, exc_info=error)
            return refusal(500, "internal_error", "the service failed; nothing more is known")
        return JSONResponse(answer[1], status_code=answer[0])

    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return refusal(422, "invalid_request", str(error.errors()))

    app.add_exception_handler(RequestValidationError, invalid)  # type: ignore[arg-type]
    # Each refusal's base class, not Exception: Starlette re-raises whatever reaches its
    # handler of last resort after answering, and a refusal is no fault.
    for kind in (
        errors.ServiceError,
        ValueError,  # the domain's refusals (card and document numbers, transitions, rules)
        errors.DatabaseUnavailable,
        AuthoriserRejected,
        InvalidRequest,
    ):
        app.add_exception_handler(kind, refused)
