"""What a use case refuses, in terms the UI turns into the clerk's language."""

from __future__ import annotations


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
