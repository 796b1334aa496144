"""Loss reports, pickups and the corrections a replacement follows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.api.models import LossRequest, PickupRequest
from counter_app.server.auth import Caller
from counter_app.server.idempotency import once
from counter_app.server.routes.common import (
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)

router = APIRouter(tags=["losses, pickups, corrections"])


@router.post(
    "/loss-actions",
    summary="Report a loss, record a hotline report or cancel one (LossRequest) → kept documents",
)
def report_loss(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    loss = typed(LossRequest, body)
    return once(request, who, lambda: wire(who.api.report_loss(loss)))


@router.get("/pickups/{receipt_no}", summary="The application waiting for pickup, or null")
def find_for_pickup(receipt_no: str, who: Caller = CALLER) -> Any:
    return wire(who.api.find_for_pickup(receipt_no))


@router.post("/pickups", summary="Hand the new card over (PickupRequest) → kept documents")
def complete_pickup(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    pickup = typed(PickupRequest, body)
    return once(request, who, lambda: wire(who.api.complete_pickup(pickup)))


@router.get("/corrections", summary="Approved corrections awaiting their replacement")
def corrections_awaiting_replacement(who: Caller = CALLER) -> Any:
    return wire(who.api.corrections_awaiting_replacement())


@router.post(
    "/corrections/{correction_id}/application",
    summary="Apply an approved correction to the holder's record → {person_id}",
)
def apply_correction(
    correction_id: int,
    request: Request,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    return once(request, who, lambda: {"person_id": who.api.apply_correction(correction_id)})
