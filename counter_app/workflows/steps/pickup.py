"""Pickup and activation: the receipt, who collects, and the card handed over."""

from __future__ import annotations

from counter_app.domain.application import State, normalised_receipt_no
from counter_app.workflows import facts
from counter_app.workflows.fields import Choice, Field, Kind
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import Representation, StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step

COLLECTORS = (Choice(Representation.NONE.value), Choice(Representation.AGENT.value))


class ReceiptStep(Step):
    """The acceptance receipt's number; the runner looks the application up as it is typed."""

    id = StepId.RECEIPT

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (Field("receipt_no", max_length=32),)

    def answer(self, flow: Flow) -> facts.ReceiptAnswer:
        return facts.ReceiptAnswer(normalised_receipt_no(flow.get(self.id, "receipt_no")))

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        found = flow.context.collectable
        wanted = normalised_receipt_no(values.get("receipt_no", ""))
        if found is None or found.receipt_no != wanted:
            return [Problem("receipt_no", Code.RECEIPT_NOT_FOUND)]
        if found.state is not State.READY:
            return [Problem("receipt_no", Code.NOT_READY, found.state.value)]
        return []


class CollectorStep(Step):
    """The holder in person shows the document the application names; an agent shows theirs
    on the next step."""

    id = StepId.COLLECTOR

    def defaults(self) -> dict[str, str]:
        return {"collector": Representation.NONE.value}

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (
            Field("collector", Kind.CHOICE, choices=COLLECTORS),
            Field("holder_document_number", max_length=32),
        )

    def answer(self, flow: Flow) -> facts.CollectorAnswer:
        values = flow.values[self.id]
        return facts.CollectorAnswer(
            facts.member(Representation, values.get("collector", ""), Representation.NONE),
            values.get("holder_document_number", "").strip().upper(),
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        found = flow.context.collectable
        shown = values.get("holder_document_number", "").strip().upper()
        if shown and (found is None or shown != found.document_number.upper()):
            return [Problem("holder_document_number", Code.HOLDER_DOCUMENT_DIFFERS)]
        return []


class IssueStep(Step):
    """The card is handed over: recorded, the old card cancelled, the confirmation printed."""

    id = StepId.ISSUE
    acts_once = True
