"""A business in progress: its steps, what was entered in each, and where the clerk is."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from counter_app.domain.application import Business
from counter_app.workflows.context import Context
from counter_app.workflows.problems import Problem
from counter_app.workflows.step import Step

if TYPE_CHECKING:
    from counter_app.api.models import Kept


class StepNotComplete(ValueError):
    def __init__(self, step: Step, problems: list[Problem]) -> None:
        super().__init__(f"step {step.id}: {', '.join(p.code.value for p in problems)}")
        self.step = step
        self.problems = problems


A = TypeVar("A")


@dataclass(frozen=True)
class PrintedForm:
    """The application form kept for this flow, and the fingerprint of the answers it shows."""

    document_id: int
    fingerprint: str


class Flow:
    def __init__(self, business: Business, steps: Sequence[Step], context: Context) -> None:
        self.business = business
        self.steps = tuple(steps)
        self.context = context
        self.values: dict[str, dict[str, str]] = {step.id: step.defaults() for step in self.steps}
        # Each step's text parsed into its typed answer, once: dropped when a value of that
        # step or of an earlier one changes (a later answer may depend on an earlier one).
        self._answers: dict[str, object] = {}
        self.position = 0
        self.completed: list[str] = []  # step ids, in the order they were completed
        self.application_id: int | None = None
        self.version: int | None = None
        self.receipt_no: str | None = None
        # The key the draft is created with: a retried holder step gets the same draft.
        self.draft_key = uuid.uuid4()
        self.printed_form: PrintedForm | None = None
        self.kept: tuple[Kept, ...] = ()  # what the finished business left to print
        if not self.current.applies(self):
            self.position = self._next_index(-1)

    # -- where the clerk is --------------------------------------------------------------------
    @property
    def current(self) -> Step:
        return self.steps[self.position]

    def visible_steps(self) -> list[Step]:
        """The steps this case goes through, as far as its answers so far tell."""
        return [step for step in self.steps if step.applies(self)]

    @property
    def finished(self) -> bool:
        """The step that ends the business has been done (submitted, recorded, handed over)."""
        return self.current.acts_once and self.current.id in self.completed

    def _next_index(self, index: int) -> int:
        for later in range(index + 1, len(self.steps)):
            if self.steps[later].applies(self):
                return later
        return len(self.steps)

    def _previous_index(self, index: int) -> int | None:
        for earlier in range(index - 1, -1, -1):
            if self.steps[earlier].applies(self):
                return earlier
        return None

    # -- what was entered ----------------------------------------------------------------------
    def get(self, step_id: str, name: str) -> str:
        return self.values.get(step_id, {}).get(name, "")

    def set(self, name: str, value: str, step_id: str | None = None) -> None:
        """Set a value of the current step (or another), forgetting that it was completed."""
        target = step_id or self.current.id
        self.values[target][name] = value
        self._forget_answers_from(target)
        if target in self.completed:
            # A changed answer means this step and every step after it must be looked at again.
            self.completed = self.completed[: self.completed.index(target)]

    def answer(self, step_id: str, kind: type[A]) -> A | None:
        """The typed answer of a step that applies to this case (None for one that does not),
        parsed from its values once."""
        step = self._step(step_id)
        if step is None or not step.applies(self):
            return None
        if step_id not in self._answers:
            self._answers[step_id] = step.answer(self)
        found = self._answers[step_id]
        assert found is None or isinstance(found, kind), (step_id, found)
        return found

    def _step(self, step_id: str) -> Step | None:
        return next((step for step in self.steps if step.id == step_id), None)

    def _forget_answers_from(self, step_id: str) -> None:
        ids = [step.id for step in self.steps]
        for later in ids[ids.index(step_id) :]:
            self._answers.pop(later, None)

    def problems(self, step: Step | None = None) -> list[Problem]:
        step = step or self.current
        return step.check(self, self.values[step.id])

    def require_valid(self) -> Step:
        """The current step, or StepNotComplete with its problems."""
        step = self.current
        problems = self.problems(step)
        if problems:
            raise StepNotComplete(step, problems)
        return step

    def complete(self) -> Step:
        """Mark the current step done (after the runner did what it calls for); no move."""
        step = self.require_valid()
        if step.id not in self.completed:
            self.completed.append(step.id)
        return step

    def advance(self) -> bool:
        """Move to the next applicable step after completing this one; False at the end."""
        if self.current.id not in self.completed:
            self.complete()
        following = self._next_index(self.position)
        if following == len(self.steps):
            return False
        self.position = following
        return True

    def back(self) -> bool:
        previous = self._previous_index(self.position)
        if previous is None:
            return False
        self.position = previous
        return True

    # -- a draft -------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """What a draft keeps: every value and where the clerk stopped."""
        return {
            "step": self.current.id,
            "completed": list(self.completed),
            "values": {step_id: dict(values) for step_id, values in self.values.items() if values},
        }

    def restore(self, snapshot: dict[str, Any]) -> None:
        for step_id, values in snapshot.get("values", {}).items():
            if step_id in self.values:
                self.values[step_id] = {str(k): str(v) for k, v in values.items()}
        self._answers.clear()
        self.completed = [s for s in snapshot.get("completed", []) if s in self.values]
        # Resume at the first step not completed, checked again against today's context.
        self.position = self._resume_index()

    def _resume_index(self) -> int:
        index = 0 if self.steps[0].applies(self) else self._next_index(0)
        while index < len(self.steps) - 1:
            step = self.steps[index]
            if step.id not in self.completed or self.problems(step):
                break
            following = self._next_index(index)
            if following == len(self.steps):
                break
            index = following
        return index
