"""Kept documents: keep, the next print's PDF (base64), count a print, history, preview.
Printing itself stays on the workstation: its CUPS takes the PDF, then the print is counted."""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counter_app.printing.kinds import DocumentKind
from counter_app.printing.registry import DATA_TYPES
from counter_app.server.auth import Caller
from counter_app.server.idempotency import once
from counter_app.server.routes.common import (
    BODY,
    CALLER,
    IDEMPOTENCY_KEY,
    typed,
    wire,
)

router = APIRouter(tags=["documents"])


@router.post(
    "/documents", status_code=201, summary="Keep a document: {kind, data, application_id?}"
)
def keep_document(
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    kind = typed(DocumentKind, body.get("kind"))
    data = typed(DATA_TYPES[kind], body.get("data"))
    application_id = typed(int | None, body.get("application_id"))
    return once(
        request,
        who,
        lambda: {"document_id": who.api.keep_document(kind, data, application_id)},
        status=201,
    )


@router.get("/documents", summary="Kept documents of an application or a receipt")
def document_history(
    application_id: int | None = None,
    receipt_no: str | None = None,
    who: Caller = CALLER,
) -> Any:
    return wire(who.api.document_history(application_id, receipt_no))


@router.get(
    "/documents/{document_id}/next-print",
    summary="The next print's PDF (base64) and its reprint number: {pdf, reprint}",
)
def next_print(document_id: int, who: Caller = CALLER) -> Any:
    pdf, reprint = who.api.next_print(document_id)
    return {"pdf": base64.b64encode(pdf).decode("ascii"), "reprint": reprint}


@router.post(
    "/documents/{document_id}/prints",
    summary="Count a print the workstation's printer took: {job} → {print_count}",
)
def record_print(
    document_id: int,
    request: Request,
    body: dict[str, Any] = BODY,
    who: Caller = CALLER,
    _key: str = IDEMPOTENCY_KEY,
) -> Response:
    job = typed(str, body.get("job"))
    return once(request, who, lambda: {"print_count": who.api.record_print(document_id, job)})


@router.get(
    "/documents/{document_id}/preview", summary="View a kept document: {kind, pdf} (audited)"
)
def document_preview(document_id: int, who: Caller = CALLER) -> Any:
    kind, pdf = who.api.document_preview(document_id)
    return {"kind": kind.value, "pdf": base64.b64encode(pdf).decode("ascii")}


@router.get("/receipts/{receipt_no}/document", summary="The acceptance receipt's document id")
def find_receipt(receipt_no: str, who: Caller = CALLER) -> Any:
    return {"document_id": who.api.find_receipt(receipt_no)}
