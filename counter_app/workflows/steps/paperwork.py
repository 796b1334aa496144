"""What every application business ends with: materials, fee, the signed form, submission."""

from __future__ import annotations

import hashlib
import json

from counter_app.domain.application import Business
from counter_app.domain.details import FeeChoice
from counter_app.domain.rules import ZERO, Material
from counter_app.workflows import facts
from counter_app.workflows.fields import Choice, Field, Kind, ticked
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import Representation, StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step

APPLICATION_BUSINESSES = frozenset({Business.REPLACEMENT, Business.REISSUE, Business.CORRECTION})
MATERIAL_PREFIX = "material:"


def checklist(flow: Flow) -> list[tuple[Material, bool]]:
    """The rules' materials for this business and reason, each with whether it is required:
    an agent's documents are, when an agent acts for the holder."""
    if flow.business not in APPLICATION_BUSINESSES:
        reason = None  # pickup and loss report: one list for the business
    elif (reason := facts.reason(flow)) is None:
        return []  # the list depends on the reason, not chosen yet
    agent = facts.representation(flow) is Representation.AGENT
    return list(flow.context.rules.checklist(flow.business, reason, agent))


class MaterialsStep(Step):
    id = StepId.MATERIALS

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return tuple(
            Field(MATERIAL_PREFIX + material.code, Kind.FLAG, required=False, label=material.label)
            for material, _ in checklist(flow)
        )

    def answer(self, flow: Flow) -> facts.Materials:
        values = flow.values[self.id]
        return facts.Materials(
            {
                material.code: ticked(values.get(MATERIAL_PREFIX + material.code))
                for material, _ in checklist(flow)
            }
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        return [
            Problem(MATERIAL_PREFIX + material.code, Code.MATERIAL_MISSING)
            for material, required in checklist(flow)
            if required and not ticked(values.get(MATERIAL_PREFIX + material.code))
        ]


class FeeStep(Step):
    """工本费: the rules' amount, a waiver where the rules allow one, and the money taken."""

    id = StepId.FEE

    def applies(self, flow: Flow) -> bool:
        return facts.has_fee(flow)

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        waivers = tuple(
            Choice(code, waiver.label) for code, waiver in flow.context.rules.waivers.items()
        )
        waived = bool(flow.get(self.id, "waiver"))
        return (
            Field("amount", Kind.SHOWN),
            Field("waiver", Kind.CHOICE, required=False, choices=waivers),
            Field("waiver_proof", required=waived, max_length=40),
            Field("collected", Kind.FLAG, required=False),
        )

    def answer(self, flow: Flow) -> FeeChoice:
        values = flow.values[self.id]
        waiver = values.get("waiver") or None
        waived = waiver is not None and waiver in flow.context.rules.waivers
        return FeeChoice(
            ZERO if waived else facts.rules_fee(flow),
            waiver,
            values.get("waiver_proof", "").strip() or None,
        )

    def shown(self, flow: Flow) -> dict[str, str]:
        return {"amount": f"{facts.fee_due(flow):.2f}"}

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        if facts.fee_due(flow) and not ticked(values.get("collected")):
            return [Problem("collected", Code.FEE_NOT_COLLECTED)]
        return []


def form_fingerprint(flow: Flow) -> str:
    """What the printed form was made from: a changed answer means a form to print again."""
    answers = {
        step_id: values
        for step_id, values in flow.values.items()
        if step_id not in {StepId.FORM, StepId.SUBMIT}
    }
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class FormStep(Step):
    """The application form, printed and signed by the applicant (or agent). `printed` holds
    the fingerprint of what was printed."""

    id = StepId.FORM

    def applies(self, flow: Flow) -> bool:
        return flow.business in APPLICATION_BUSINESSES

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (Field("printed", Kind.SHOWN), Field("signed", Kind.FLAG, required=False))

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        if values.get("printed") != form_fingerprint(flow):
            return [Problem("printed", Code.FORM_NOT_PRINTED)]
        if not ticked(values.get("signed")):
            return [Problem("signed", Code.FORM_NOT_SIGNED)]
        return []


class SubmitStep(Step):
    """Submission into the supervisor's queue; then the voucher and the receipt are printed."""

    id = StepId.SUBMIT
    acts_once = True

    def applies(self, flow: Flow) -> bool:
        return flow.business in APPLICATION_BUSINESSES
