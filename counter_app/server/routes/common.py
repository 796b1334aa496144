"""What every route module shares: the typed values in and out, the caller, the key."""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import Body, Depends, Header

from counter_app.api.codec import decode, encode
from counter_app.server.auth import caller, caller_at_lock_screen
from counter_app.server.errors import InvalidRequest

T = TypeVar("T")

# Documented on every changing call; idempotency.once reads and checks it.
IDEMPOTENCY_KEY = Header(
    alias="Idempotency-Key",
    description="unique per changing call; its retries send it again and get the first answer",
)


def typed(kind: type[T] | Any, value: Any) -> T:
    """The request's value as the interface's type, or a 422 naming what does not fit."""
    try:
        return decode(kind, value)
    except (TypeError, ValueError, KeyError) as error:
        raise InvalidRequest(f"not a {getattr(kind, '__name__', kind)}: {error}") from error


def wire(value: Any) -> Any:
    return encode(value)


# Module-level, as FastAPI's markers are meant to be shared.
CALLER = Depends(caller)
AT_LOCK_SCREEN = Depends(caller_at_lock_screen)
BODY = Body(...)
