"""What a use case refuses, in terms the UI turns into the clerk's language."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal


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


# -- the business's rules, checked again by the use case that stores its result -------------
# A step in the window checks each first; these refuse a client that skipped the steps.


class StepNotDone(ServiceError):
    """A step the business needs before this one was skipped: `step` names it ("reason",
    "holder", "old_card", "loss", "form"). The form counts as done once kept and printed."""

    def __init__(self, step: str) -> None:
        super().__init__(f"the {step} step of this business was not done")
        self.step = step


class GuardianNeeded(ServiceError):
    """A holder under GUARDIAN_AGE comes with a guardian, not alone or with an agent."""

    def __init__(self, age: int) -> None:
        super().__init__(f"a holder aged {age} needs a guardian")
        self.age = age


class OverrideNotAuthorised(ServiceError):
    """The old card differs from the holder's document, and no supervisor accepted it for this
    application (`staff_no`: the one named, who did not)."""

    def __init__(self, differences: tuple[str, ...], staff_no: str | None) -> None:
        super().__init__(
            f"the old card differs ({', '.join(differences)}) and no supervisor accepted it"
        )
        self.args = (differences, staff_no)  # survives pickling
        self.differences = differences
        self.staff_no = staff_no


class CardUnderWay(ServiceError):
    """The card is already being replaced or reissued by an application under way."""

    def __init__(self, receipt_no: str, card_number: str) -> None:
        super().__init__(f"card {card_number} is already being replaced (receipt {receipt_no})")
        self.args = (receipt_no, card_number)
        self.receipt_no = receipt_no
        self.card_number = card_number


class LossNotFormal(ServiceError):
    """A reissue replaces a card that stands formally reported lost; this one stands `status`."""

    def __init__(self, card_number: str, status: str) -> None:
        super().__init__(f"card {card_number} is {status}, not formally reported lost")
        self.args = (card_number, status)
        self.card_number = card_number
        self.status = status


class MaterialsMissing(ServiceError):
    def __init__(self, codes: tuple[str, ...]) -> None:
        super().__init__(f"required materials not provided: {', '.join(codes)}")
        self.codes = codes


class WrongFee(ServiceError):
    """The fee taken is not the rules' fee for the business and reason (0.00 with a waiver);
    `taken` is None when no fee was settled at all."""

    def __init__(self, due: Decimal, taken: Decimal | None) -> None:
        shown = "none" if taken is None else f"{taken:.2f}"
        super().__init__(f"the fee due is {due:.2f}, not {shown}")
        self.args = (due, taken)
        self.due = due
        self.taken = taken


class UnknownWaiver(ServiceError):
    def __init__(self, code: str) -> None:
        super().__init__(f"the rules have no waiver {code}")
        self.code = code


class WaiverWithoutProof(ServiceError):
    """A waiver needs the number of the document that proves it."""

    def __init__(self, code: str) -> None:
        super().__init__(f"the waiver {code} needs its proof")
        self.code = code


class NewCardDiffers(ServiceError):
    """The card handed over names someone else: `items` are "name" and/or "number"."""

    def __init__(self, items: tuple[str, ...]) -> None:
        super().__init__(f"the new card differs from the applicant in {', '.join(items)}")
        self.items = items


class NewCardIsOld(ServiceError):
    def __init__(self, card_number: str) -> None:
        super().__init__(f"card {card_number} is the old card, not the new one")
        self.card_number = card_number


class HolderDocumentDiffers(ServiceError):
    """The holder collecting in person showed no document, or not the one the application
    names."""

    def __init__(self) -> None:
        super().__init__("the document shown is not the applicant's")


class AuditKeyNeeded(ServiceError):
    """The trail is keyed and this process holds no key: nothing can be recorded, so nothing is
    done (a misconfigured service, or a workstation reaching a service's database directly)."""

    def __init__(self) -> None:
        super().__init__(
            "the audit trail is keyed: only the service holding its key (--audit-key FILE) can "
            "record to it"
        )


# -- the outlet service's sessions ---------------------------------------------------------------


class SessionExpired(ServiceError):
    """The session's token is unknown, signed out, idle too long or past its working day: the
    window asks for the password again without losing the page."""

    def __init__(self) -> None:
        super().__init__("the session has ended; sign in again")


class SessionLocked(ServiceError):
    """The screen is locked: only the password (unlock) or signing out is accepted."""

    def __init__(self) -> None:
        super().__init__("the screen is locked; enter the password to go on")
