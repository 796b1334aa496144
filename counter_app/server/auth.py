"""Who is calling: the bearer token's session, proved on every call; the interface as that
staff member is what a route acts through. No body names its own actor."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from counter_app.api.local import LocalCounterApi
from counter_app.server import sessions
from counter_app.server.state import Service
from counter_app.services.actor import Actor
from counter_app.services.errors import SessionExpired

_bearer = HTTPBearer(auto_error=False, description="the token `POST /api/v1/sessions` gave")
BEARER = Depends(_bearer)


@dataclass(frozen=True)
class Caller:
    service: Service
    session: sessions.Current

    @property
    def actor(self) -> Actor:
        return self.session.actor

    @property
    def api(self) -> LocalCounterApi:
        """The use cases as this staff member, built for this call."""
        return LocalCounterApi(self.service.db, self.actor, self.service.rules)


def service_of(request: Request) -> Service:
    return request.app.state.service


def _caller(
    request: Request, credentials: HTTPAuthorizationCredentials | None, while_locked: bool
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise SessionExpired()
    service = service_of(request)
    found = sessions.current(
        service.db, service.settings, credentials.credentials, while_locked=while_locked
    )
    return Caller(service, found)


def caller(request: Request, credentials: HTTPAuthorizationCredentials | None = BEARER) -> Caller:
    """The caller of an ordinary call: a live, unlocked session."""
    return _caller(request, credentials, while_locked=False)


def caller_at_lock_screen(
    request: Request, credentials: HTTPAuthorizationCredentials | None = BEARER
) -> Caller:
    """The caller of what a locked screen may do: unlock, lock again, sign out."""
    return _caller(request, credentials, while_locked=True)
