"""The interface over HTTP: the same use cases, on the outlet's service. Each method is one call;
a refusal comes back as the same exception the in-process interface raises (api/wire_errors.py),
so the window words it alike. A changing call sends an Idempotency-Key, the same on its retries.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Collection
from datetime import date
from typing import Any

import httpx

from counter_app.api.codec import decode, encode
from counter_app.api.models import (
    Actor,
    ApplicationDetail,
    ApplicationDetails,
    ApplicationSummary,
    CardStanding,
    CorrectionToFollow,
    Credentials,
    DailyReport,
    DocumentSummary,
    DraftRecord,
    DraftSummary,
    Holder,
    HolderOnRecord,
    Kept,
    LossRequest,
    NewDraft,
    OwnRow,
    PersonFile,
    PersonHit,
    PickupCase,
    PickupRequest,
    QueueFilter,
    QueueOrder,
    QueuePage,
    RevealedNumbers,
    SendToPrinter,
    StaffSummary,
    Submission,
    Submitted,
)
from counter_app.api.wire_errors import error_from
from counter_app.domain.application import Action, Reason, State
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.printing.kinds import DocumentKind

PREFIX = "/api/v1"
RETRIES = 2  # a changing call whose answer was lost is sent again, with its key


class ServiceError(RuntimeError):
    """An answer that is no refusal this client knows (a fault, a newer service)."""

    def __init__(self, status: int, body: object) -> None:
        super().__init__(f"the service answered {status}: {body}")
        self.status, self.body = status, body


def sign_in(
    url: str,
    staff_no: str,
    password: str,
    workstation: str,
    ca_file: str | None = None,
    transport: httpx.BaseTransport | None = None,
) -> HttpCounterApi:
    """The interface for the staff member the password proves, on the service at `url`; with
    `ca_file`, only a certificate of that CA is trusted (the outlet's)."""
    client = httpx.Client(
        base_url=url.rstrip("/"),
        verify=ca_file if ca_file else True,
        transport=transport,
        timeout=httpx.Timeout(30.0, connect=5.0),
    )
    answer = _checked(
        client.post(
            f"{PREFIX}/sessions",
            json={"staff_no": staff_no, "password": password, "workstation": workstation},
        )
    )
    client.headers["Authorization"] = f"Bearer {answer['token']}"
    actor = decode(Actor, answer["actor"])
    rules = decode(LocalityRules, _checked(client.get(f"{PREFIX}/rules")))
    return HttpCounterApi(client, actor, rules)


def _checked(response: httpx.Response) -> Any:
    if response.status_code == 204:
        return None
    body = response.json() if response.content else None
    if response.is_success:
        return body
    error = error_from(body)
    raise error if error is not None else ServiceError(response.status_code, body)


class HttpCounterApi:
    def __init__(
        self,
        client: httpx.Client,
        actor: Actor,
        rules: LocalityRules,
        authoriser: Credentials | None = None,
    ) -> None:
        self._client, self._actor, self._rules = client, actor, rules
        # A supervisor's credentials, sent with this interface's decisions only.
        self._authoriser = authoriser

    @property
    def actor(self) -> Actor:
        return self._actor

    @property
    def rules(self) -> LocalityRules:
        return self._rules

    # -- the calls -----------------------------------------------------------------------------
    def _get(self, path: str, **params: Any) -> Any:
        query = {k: encode(v) for k, v in params.items() if v is not None}
        return _checked(self._client.get(PREFIX + path, params=query))

    def _change(self, method: str, path: str, body: Any = None) -> Any:
        key = uuid.uuid4().hex
        for attempt in range(RETRIES + 1):
            try:
                response = self._client.request(
                    method,
                    PREFIX + path,
                    json=encode(body) if body is not None else None,
                    headers={"Idempotency-Key": key},
                )
            except httpx.TransportError:
                if attempt == RETRIES:
                    raise
                continue
            return _checked(response)
        raise AssertionError("unreachable")

    # -- the session ---------------------------------------------------------------------------
    def lock_screen(self) -> None:
        _checked(self._client.post(f"{PREFIX}/sessions/current/lock"))

    def unlock_screen(self, password: str) -> None:
        _checked(
            self._client.post(f"{PREFIX}/sessions/current/unlock", json={"password": password})
        )

    def sign_out(self, why: str = "user") -> None:
        _checked(self._client.delete(f"{PREFIX}/sessions/current", params={"why": why}))

    def authorised(
        self, supervisor: Credentials, what: str, object_id: object = None
    ) -> HttpCounterApi:
        body = {"authoriser": supervisor, "what": what, "object_id": object_id}
        deciding = decode(Actor, self._change("POST", "/authorisations", body))
        return HttpCounterApi(self._client, deciding, self._rules, authoriser=supervisor)

    # -- holders and their cards ---------------------------------------------------------------
    def find_holder(self, document_type: DocumentType, number: str) -> HolderOnRecord | None:
        found = self._get("/holders", document_type=document_type, number=number)
        return decode(HolderOnRecord | None, found)

    def holder(self, person_id: int) -> HolderOnRecord:
        return decode(HolderOnRecord, self._get(f"/holders/{person_id}"))

    def record_holder(self, holder: Holder) -> int:
        return self._change("POST", "/holders", holder)["person_id"]

    def cards_of(self, person_id: int, today: date) -> list[CardStanding]:
        return decode(list[CardStanding], self._get(f"/holders/{person_id}/cards", today=today))

    def record_not_genuine(self, card_number: str, card_id: str, where: str) -> None:
        body = {"card_number": card_number, "card_id": card_id, "where": where}
        self._change("POST", "/suspect-cards", body)

    # -- applications being taken --------------------------------------------------------------
    def start_draft(self, draft: NewDraft) -> ApplicationSummary:
        return decode(ApplicationSummary, self._change("POST", "/drafts", draft))

    def save_draft(
        self, application_id: int, version: int, details: ApplicationDetails, reason: Reason | None
    ) -> int:
        body = {"version": version, "details": details, "reason": reason}
        return self._change("PUT", f"/drafts/{application_id}", body)["version"]

    def load_draft(self, application_id: int) -> DraftRecord:
        return decode(DraftRecord, self._get(f"/drafts/{application_id}"))

    def my_drafts(self) -> list[DraftSummary]:
        return decode(list[DraftSummary], self._get("/drafts"))

    def open_drafts(self) -> int:
        return self._get("/drafts/count")["count"]

    def own_application(self, application_id: int) -> ApplicationSummary:
        return decode(ApplicationSummary, self._get(f"/applications/{application_id}/summary"))

    def submit(self, submission: Submission) -> Submitted:
        path = f"/applications/{submission.application_id}/submission"
        return decode(Submitted, self._change("POST", path, submission))

    def transition(
        self, application_id: int, action: Action, version: int, note: str | None = None
    ) -> ApplicationSummary:
        if action in (Action.APPROVE, Action.REJECT):
            body: dict[str, Any] = {"decision": action, "version": version, "reason": note}
            if self._authoriser is not None:
                body["authoriser"] = self._authoriser
            path = f"/applications/{application_id}/decision"
        else:
            body = {"action": action, "version": version, "note": note}
            path = f"/applications/{application_id}/transitions"
        return decode(ApplicationSummary, self._change("POST", path, body))

    def authorise_override(self, application_id: int | None, supervisor: Credentials) -> Actor:
        body = {"application_id": application_id, "authoriser": supervisor}
        return decode(Actor, self._change("POST", "/overrides", body))

    def report_loss(self, request: LossRequest) -> tuple[Kept, ...]:
        return decode(tuple[Kept, ...], self._change("POST", "/loss-actions", request))

    def find_for_pickup(self, receipt_no: str) -> PickupCase | None:
        return decode(PickupCase | None, self._get(f"/pickups/{receipt_no}"))

    def complete_pickup(self, request: PickupRequest) -> tuple[Kept, ...]:
        return decode(tuple[Kept, ...], self._change("POST", "/pickups", request))

    def corrections_awaiting_replacement(self) -> list[CorrectionToFollow]:
        return decode(list[CorrectionToFollow], self._get("/corrections"))

    def apply_correction(self, correction_id: int) -> int:
        return self._change("POST", f"/corrections/{correction_id}/application")["person_id"]

    # -- documents -----------------------------------------------------------------------------
    def keep_document(self, kind: DocumentKind, data: object, application_id: int | None) -> int:
        body = {"kind": kind, "data": data, "application_id": application_id}
        return self._change("POST", "/documents", body)["document_id"]

    def next_print(self, document_id: int) -> tuple[bytes, int]:
        answer = self._get(f"/documents/{document_id}/next-print")
        return base64.b64decode(answer["pdf"]), answer["reprint"]

    def record_print(self, document_id: int, job: str) -> int:
        return self._change("POST", f"/documents/{document_id}/prints", {"job": job})["print_count"]

    def print_document(self, document_id: int, printer: str | None, send: SendToPrinter) -> int:
        """Printed here, on the workstation's CUPS, then counted on the service. Two counters
        printing one document at once may both print the same reprint number: the service
        does not reserve a print yet."""
        pdf, reprint = self.next_print(document_id)
        title = f"counter_app document {document_id}" + (f" reprint {reprint}" if reprint else "")
        return self.record_print(document_id, send(pdf, printer, title))

    def document_history(
        self, application_id: int | None = None, receipt_no: str | None = None
    ) -> list[DocumentSummary]:
        found = self._get("/documents", application_id=application_id, receipt_no=receipt_no)
        return decode(list[DocumentSummary], found)

    def find_receipt(self, receipt_no: str) -> int:
        return self._get(f"/receipts/{receipt_no}/document")["document_id"]

    def document_preview(self, document_id: int) -> tuple[DocumentKind, bytes]:
        answer = self._get(f"/documents/{document_id}/preview")
        return DocumentKind(answer["kind"]), base64.b64decode(answer["pdf"])

    # -- the supervisor's queue and a clerk's own applications ---------------------------------
    def queue_page(
        self,
        where: QueueFilter | None = None,
        order: QueueOrder = QueueOrder.OLDEST,
        offset: int = 0,
        limit: int = 50,
    ) -> QueuePage:
        where = where or QueueFilter()
        waiting = where.waiting_at_least
        answer = self._get(
            "/queue",
            business=where.business,
            clerk_no=where.clerk_no,
            waiting_at_least_seconds=None if waiting is None else waiting.total_seconds(),
            flag=where.flag,
            order=order,
            offset=offset,
            limit=limit,
        )
        return decode(QueuePage, answer)

    def decidable_count(self) -> int:
        return self._get("/queue/count")["count"]

    def own_applications(
        self, states: Collection[State], offset: int = 0, limit: int = 50
    ) -> tuple[OwnRow, ...]:
        query = [("mine", "true"), ("offset", offset), ("limit", limit)]
        query += [("state", state.value) for state in states]
        answer = _checked(self._client.get(f"{PREFIX}/applications", params=query))
        return tuple(decode(OwnRow, _without(item, "id", "maker_no")) for item in answer["items"])

    def application_detail(self, application_id: int) -> ApplicationDetail:
        answer = self._get(f"/applications/{application_id}")
        return decode(ApplicationDetail, _without(answer, "id", "maker_no"))

    def revealed_numbers(self, application_id: int) -> RevealedNumbers:
        return decode(RevealedNumbers, self._get(f"/applications/{application_id}/numbers"))

    # -- search and reports --------------------------------------------------------------------
    def find_people(self, text: str, limit: int = 20) -> list[PersonHit]:
        return decode(list[PersonHit], self._get("/people", text=text, limit=limit))

    def person_file(self, person_id: int) -> PersonFile:
        return decode(PersonFile, self._get(f"/people/{person_id}"))

    def daily_report(self, day: date) -> DailyReport:
        return decode(DailyReport, self._get("/reports/daily", day=day))

    # -- administration ------------------------------------------------------------------------
    def add_staff(self, staff_no: str, name: str, role: Role, password: str) -> None:
        body = {"staff_no": staff_no, "name": name, "role": role, "password": password}
        self._change("POST", "/staff", body)

    def list_staff(self) -> list[StaffSummary]:
        return decode(list[StaffSummary], self._get("/staff"))

    def unlock_staff(self, staff_no: str) -> None:
        self._change("POST", f"/staff/{staff_no}/unlock")

    def change_password(
        self, staff_no: str, new_password: str, old_password: str | None = None
    ) -> None:
        body = {"new_password": new_password, "old_password": old_password}
        self._change("PUT", f"/staff/{staff_no}/password", body)


def _without(answer: dict[str, Any], *aliases: str) -> dict[str, Any]:
    """The answer less the names service.md fixes beside the interface's own."""
    return {k: v for k, v in answer.items() if k not in aliases}
