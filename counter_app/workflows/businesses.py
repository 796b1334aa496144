"""Each business as the sequence of its steps. Steps that do not apply to a case skip
themselves (an agent's identity when the holder comes in person, the fee when none is due)."""

from __future__ import annotations

from counter_app.domain.application import Business
from counter_app.workflows.context import Context
from counter_app.workflows.flow import Flow
from counter_app.workflows.step import Step
from counter_app.workflows.steps.cards import NewCardStep, OldCardStep
from counter_app.workflows.steps.correction import CorrectionStep
from counter_app.workflows.steps.identity import HolderStep, ReasonStep, RepresentativeStep
from counter_app.workflows.steps.losses import LossActionStep, LossStep
from counter_app.workflows.steps.paperwork import FeeStep, FormStep, MaterialsStep, SubmitStep
from counter_app.workflows.steps.pickup import CollectorStep, IssueStep, ReceiptStep


def _steps(business: Business) -> tuple[Step, ...]:
    if business is Business.PICKUP:
        return (
            ReceiptStep(),
            CollectorStep(),
            RepresentativeStep(),
            NewCardStep(),
            MaterialsStep(),
            IssueStep(),
        )
    if business is Business.LOSS_REPORT:
        return (HolderStep(), RepresentativeStep(), MaterialsStep(), LossActionStep())
    return (
        ReasonStep(),
        HolderStep(),
        RepresentativeStep(),
        OldCardStep(),
        LossStep(),
        CorrectionStep(),
        MaterialsStep(),
        FeeStep(),
        FormStep(),
        SubmitStep(),
    )


def start(business: Business, context: Context) -> Flow:
    return Flow(business, _steps(business), context)
