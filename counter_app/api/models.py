"""The requests and answers that cross the interface, typed: a caller imports every type it
needs from this one module. The requests are defined in requests.py (the services take them
too); the answers the use cases return (summaries, pages, records) beside their use case.
"""

from __future__ import annotations

from counter_app.api.requests import (
    Credentials,
    Kept,
    LossRequest,
    NewDraft,
    PickupRequest,
    Submission,
)
from counter_app.domain.card import LossAction, NewCard
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.person import Holder, Representative
from counter_app.domain.search_query import Query, QueryKind
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.corrections import CorrectionToFollow
from counter_app.services.documents import DocumentSummary, SendToPrinter
from counter_app.services.drafts import DraftRecord, DraftSummary
from counter_app.services.holders import HolderOnRecord
from counter_app.services.losses import CardStanding
from counter_app.services.pickup import PickupCase
from counter_app.services.queue import (
    ApplicationDetail,
    OwnRow,
    QueueFilter,
    QueueOrder,
    QueuePage,
    QueueRow,
    RevealedNumbers,
)
from counter_app.services.reports import DailyReport
from counter_app.services.search import (
    ApplicationLine,
    CardLine,
    LossReportLine,
    LossStanding,
    PersonFile,
    PersonHit,
)
from counter_app.services.staff import StaffSummary
from counter_app.services.submission import Submitted

__all__ = [
    "Actor",
    "ApplicationDetail",
    "ApplicationDetails",
    "ApplicationLine",
    "ApplicationSummary",
    "CardLine",
    "CardStanding",
    "CorrectionToFollow",
    "Credentials",
    "DailyReport",
    "DocumentSummary",
    "DraftRecord",
    "DraftSummary",
    "Holder",
    "HolderOnRecord",
    "Kept",
    "LossAction",
    "LossReportLine",
    "LossRequest",
    "LossStanding",
    "NewCard",
    "NewDraft",
    "OwnRow",
    "PersonFile",
    "PersonHit",
    "PickupCase",
    "PickupRequest",
    "Query",
    "QueryKind",
    "QueueFilter",
    "QueueOrder",
    "QueuePage",
    "QueueRow",
    "Representative",
    "RevealedNumbers",
    "SendToPrinter",
    "StaffSummary",
    "Submission",
    "Submitted",
]
