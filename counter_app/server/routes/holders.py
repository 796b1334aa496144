"""Holders, their cards, a card found not genuine."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.api.models import Holder
from counter_app.domain.person import DocumentType
from counter_app.server.auth import Caller
from counter_app.server.idempotency import NO_CONTENT, once
from counter_app.server.routes.common import (
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)

router = APIRouter(tags=["holders"])


@router.get("/holders", summary="The holder with this document, or null")
def find_holder(document_type: DocumentType, number: str, who: Caller = CALLER) -> Any:
    return wire(who.api.find_holder(document_type, number))


@router.get("/holders/{person_id}", summary="One holder on record")
def holder(person_id: int, who: Caller = CALLER) -> Any:
    return wire(who.api.holder(person_id))


@router.post("/holders", summary="Record a holder (Holder) → {person_id}")
def record_holder(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    holder = typed(Holder, body)
    return once(request, who, lambda: {"person_id": who.api.record_holder(holder)})


@router.get("/holders/{person_id}/cards", summary="A holder's cards and their standing on a day")
def cards_of(person_id: int, today: date, who: Caller = CALLER) -> Any:
    return wire(who.api.cards_of(person_id, today))


@router.post(
    "/suspect-cards", status_code=204, summary="A card that failed its check: {card_number, …}"
)
def record_not_genuine(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    card_number, card_id, where = (
        typed(str, body.get(k)) for k in ("card_number", "card_id", "where")
    )
    return once(
        request,
        who,
        lambda: who.api.record_not_genuine(card_number, card_id, where),
        status=NO_CONTENT,
    )
