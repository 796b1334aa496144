"""Every refusal the interface answers with, in one place for its callers: the window words
each, the command line turns each into an exit code."""

from __future__ import annotations

from counter_app.domain.application import IllegalTransition
from counter_app.domain.cardnumber import InvalidCardNumber
from counter_app.domain.idnumber import InvalidIdNumber
from counter_app.domain.person import InvalidDocumentNumber
from counter_app.domain.rules import RulesError
from counter_app.services.corrections import NotApproved
from counter_app.services.drafts import NotADraft, TakenByAnotherClerk
from counter_app.services.errors import (
    AccountInactive,
    AccountLocked,
    AlreadyDecided,
    AlreadyExists,
    BadCredentials,
    CardUnderWay,
    FourEyesViolation,
    GuardianNeeded,
    HolderDocumentDiffers,
    IdempotencyKeyReused,
    LossNotFormal,
    MaterialsMissing,
    MissingReason,
    NewCardDiffers,
    NewCardIsOld,
    NotFound,
    OverrideNotAuthorised,
    PermissionDenied,
    ServiceError,
    SessionExpired,
    SessionLocked,
    StaleApplication,
    StepNotDone,
    UnknownWaiver,
    WaiverWithoutProof,
    WeakPassword,
    WrongFee,
)
from counter_app.services.holders import CardOfAnotherPerson
from counter_app.services.losses import (
    AlreadyLost,
    CardCancelled,
    FormalLossAtCounterOnly,
    ImpossibleReportDate,
    NotCollected,
    NotLost,
    ReissueUnderWay,
)
from counter_app.services.pickup import InvalidCollector, NotReadyForPickup
from counter_app.store.database import DatabaseUnavailable, DiskFull

__all__ = [
    "AccountInactive",
    "AccountLocked",
    "AlreadyDecided",
    "AlreadyExists",
    "AlreadyLost",
    "BadCredentials",
    "CardCancelled",
    "CardOfAnotherPerson",
    "CardUnderWay",
    "DatabaseUnavailable",
    "DiskFull",
    "FormalLossAtCounterOnly",
    "FourEyesViolation",
    "GuardianNeeded",
    "HolderDocumentDiffers",
    "IdempotencyKeyReused",
    "IllegalTransition",
    "ImpossibleReportDate",
    "InvalidCardNumber",
    "InvalidCollector",
    "InvalidDocumentNumber",
    "InvalidIdNumber",
    "LossNotFormal",
    "MaterialsMissing",
    "MissingReason",
    "NewCardDiffers",
    "NewCardIsOld",
    "NotADraft",
    "NotApproved",
    "NotCollected",
    "NotFound",
    "NotLost",
    "NotReadyForPickup",
    "OverrideNotAuthorised",
    "PermissionDenied",
    "ReissueUnderWay",
    "RulesError",
    "ServiceError",
    "SessionExpired",
    "SessionLocked",
    "StaleApplication",
    "StepNotDone",
    "TakenByAnotherClerk",
    "UnknownWaiver",
    "WaiverWithoutProof",
    "WeakPassword",
    "WrongFee",
]
