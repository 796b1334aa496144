"""A changing call done once per Idempotency-Key: the key is taken before the call runs, and its
answer stored after; a retry with the key gets that answer again and changes nothing more.

The key belongs to one staff member and one call (method and path). A retry arriving while the
first is still under way is told so (409 `call_under_way`); a call cut off before its answer was
stored (the service killed) may be retried once `stale_call` has passed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from counter_app.server.auth import Caller
from counter_app.server.errors import answer_for, refusal
from counter_app.store.models import IdempotentAnswer

HEADER = "Idempotency-Key"
NO_CONTENT = 204


def once(request: Request, caller: Caller, run: Callable[[], Any], status: int = 200) -> Response:
    """Run `run` (its JSON answer, or None for 204) once for the request's key."""
    key = request.headers.get(HEADER, "").strip()
    if not key or len(key) > 64:
        return refusal(400, "idempotency_key_needed", f"a changing call sends {HEADER} (≤ 64)")
    call = f"{request.method} {request.url.path}"[:200]
    db, staff_id = caller.service.db, caller.actor.staff_id
    taken = _take(caller, key, call)
    if isinstance(taken, Response):
        return taken
    try:
        body = run()
    except Exception as error:
        answer = answer_for(error)
        if answer is None or answer[0] >= 500:
            # Nothing is known to be done: the key is given back for the retry.
            with db.transaction() as session:
                session.execute(delete(IdempotentAnswer).where(IdempotentAnswer.id == taken))
            raise
        status, body = answer
    with db.transaction() as session:
        row = session.get(IdempotentAnswer, taken)
        assert row is not None and row.staff_id == staff_id
        row.status, row.body = status, body
    return _response(status, body)


def _take(caller: Caller, key: str, call: str) -> int | Response:
    """The key's new row (its id), or the answer a retry gets."""
    db, settings = caller.service.db, caller.service.settings
    staff_id = caller.actor.staff_id
    try:
        with db.transaction() as session:
            row = IdempotentAnswer(staff_id=staff_id, key=key, call=call)
            session.add(row)
            session.flush()
            return row.id
    except IntegrityError:
        pass
    with db.transaction() as session:
        row = session.execute(
            select(IdempotentAnswer).where(
                IdempotentAnswer.staff_id == staff_id, IdempotentAnswer.key == key
            )
        ).scalar_one()
        if row.call != call:
            return refusal(409, "idempotency_key_reused", f"{key} was sent with another call")
        if row.status is not None:
            return _response(row.status, row.body)
        if datetime.now(UTC) - row.created_at < settings.stale_call:
            return refusal(409, "call_under_way", "the first call with this key is under way")
        row.created_at = datetime.now(UTC)  # cut off: this retry takes it over
        return row.id


def _response(status: int, body: Any) -> Response:
    if status == NO_CONTENT:
        return Response(status_code=NO_CONTENT)
    return JSONResponse(body, status_code=status)
