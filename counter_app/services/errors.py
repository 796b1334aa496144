"""What a use case refuses, in terms the UI turns into the clerk's language."""

from __future__ import annotations

from datetime import datetime


class ServiceError(Exception):
    """Base of every refusal a user can be told about."""


class BadCredentials(ServiceError):
    def __init__(self, attempts_left: int | None) -> None:
        super().__init__("wrong staff number or password")
        self.attempts_left = attempts_left


class AccountLocked(ServiceError):
    def __init__(self, staff_no: str) -> None:
        super().__init__(f"account {staff_no} is locked; an administrator must unlock it")
        self.staff_no = staff_no


class AccountInactive(ServiceError):
    def __init__(self, staff_no: str) -> None:
        super().__init__(f"account {staff_no} is disabled")
        self.staff_no = staff_no


class PermissionDenied(ServiceError):
    def __init__(self, what: str) -> None:
        super().__init__(f"not permitted: {what}")
        self.what = what


class FourEyesViolation(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("deciding an application you made yourself")


class NotFound(ServiceError):
    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"no {kind} {key}")
        self.kind = kind
        self.key = key


class AlreadyExists(ServiceError):
    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"{kind} {key} already exists")
        self.kind = kind
        self.key = key


class WeakPassword(ServiceError):
    def __init__(self) -> None:
        super().__init__("a password needs at least 8 characters with letters and digits")


class StaleApplication(ServiceError):
    """Someone changed the application since it was read: reload and look again."""

    def __init__(self, application_id: int) -> None:
        super().__init__(f"application {application_id} was changed by someone else")
        self.application_id = application_id


class MissingReason(ServiceError):
    def __init__(self) -> None:
        super().__init__("a rejection or cancellation needs a reason")


class AlreadyDecided(StaleApplication):
    """Another supervisor decided first: their decision stands; the queue must be reloaded."""

    def __init__(
        self, application_id: int, state: str, staff_no: str, name: str, at: datetime
    ) -> None:
        super().__init__(application_id)
        self.args = (application_id, state, staff_no, name, at)  # survives pickling
        self.state = state  # "approved" or "rejected" (or a later state)
        self.staff_no = staff_no
        self.name = name
        self.at = at

    def __str__(self) -> str:
        return (
            f"application {self.application_id} was already {self.state} by {self.name} "
            f"({self.staff_no}) at {self.at.astimezone():%Y-%m-%d %H:%M:%S}"
        )


class IdempotencyKeyReused(ServiceError):
    """The key came with a different application: a client bug, never a retry."""

    def __init__(self, key: str) -> None:
        super().__init__(f"idempotency key {key} belongs to another clerk's application")
        self.key = key
