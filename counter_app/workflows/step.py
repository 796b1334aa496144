"""One step of a business: its fields, when it applies, and its checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.workflows.checks import check_field
from counter_app.workflows.fields import Field
from counter_app.workflows.problems import Problem

if TYPE_CHECKING:
    from counter_app.workflows.flow import Flow


class Step:
    """Subclasses set `id` and override what they need; values are the step's text values."""

    id: str = ""
    # What the runner records when this step is completed cannot be taken back (a submission,
    # a loss report, a card handed over): the business ends with it.
    acts_once: bool = False

    def applies(self, flow: Flow) -> bool:
        return True

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return ()

    def defaults(self) -> dict[str, str]:
        """What a new flow starts with (the commonest answer to a choice)."""
        return {}

    def answer(self, flow: Flow) -> object | None:
        """The step's values parsed into the typed answer the use cases take (called once per
        change, through `Flow.answer`); None for a step that only confirms."""
        return None

    def shown(self, flow: Flow) -> dict[str, str]:
        """Values the step computes for display (the SHOWN fields)."""
        return {}

    def check(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        """Each field's own check, then the step's checks across fields (`check_more`) for
        the fields that passed their own: a wrong number is named while the name is still
        empty."""
        today = flow.context.today
        problems = [
            problem
            for field in self.fields(flow)
            if (problem := check_field(field, values.get(field.name, ""), today)) is not None
        ]
        failed = {problem.field for problem in problems}
        return problems + [p for p in self.check_more(flow, values) if p.field not in failed]

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        """Checks across fields; called with any field possibly empty or invalid."""
        return []
