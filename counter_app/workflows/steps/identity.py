"""Who comes to the counter: the business's reason, the holder, and an agent or guardian."""

from __future__ import annotations

import re

from counter_app.domain.application import REASONS_BY_BUSINESS, Business, Reason
from counter_app.domain.person import (
    GUARDIAN_AGE,
    DocumentType,
    Holder,
    Representative,
    RepresentativeRole,
    Sex,
    age_on,
)
from counter_app.workflows import facts
from counter_app.workflows.checks import normalised_document, parse_date
from counter_app.workflows.fields import Choice, Field, Kind
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import Representation, StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step

_PHONE = re.compile(r"\+?[0-9][0-9 -]{4,19}")
DOCUMENT_TYPES = tuple(Choice(t.value) for t in DocumentType)
SEXES = tuple(Choice(s.value) for s in Sex)


# The replacement an approved correction leads to keeps the correction's id among the reason
# step's values.
FOLLOWS = "follows_correction"


def document_type(values: dict[str, str]) -> DocumentType:
    return facts.member(DocumentType, values.get("document_type", ""), DocumentType.RESIDENT_ID)


def holder_answer(values: dict[str, str]) -> facts.HolderAnswer:
    return facts.HolderAnswer(
        Holder(
            name=values.get("name", "").strip(),
            document_type=document_type(values),
            document_number=values.get("document_number", "").strip().upper(),
            sex=facts.member(Sex, values.get("sex", ""), Sex.UNSPECIFIED),
            birth_date=parse_date(values.get("birth_date", "")),
            ethnicity=values.get("ethnicity", "").strip() or None,
            address=values.get("address", "").strip() or None,
            phone=values.get("phone", "").strip() or None,
        ),
        facts.member(Representation, values.get("representative", ""), Representation.NONE),
    )


def phone_problem(name: str, value: str) -> list[Problem]:
    value = value.strip()
    return [Problem(name, Code.PHONE)] if value and not _PHONE.fullmatch(value) else []


class ReasonStep(Step):
    id = StepId.REASON

    def applies(self, flow: Flow) -> bool:
        return len(REASONS_BY_BUSINESS[flow.business]) > 1

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        reasons = REASONS_BY_BUSINESS[flow.business]
        return (Field("reason", Kind.CHOICE, choices=tuple(Choice(r.value) for r in reasons)),)

    def answer(self, flow: Flow) -> facts.ReasonAnswer:
        values = flow.values[self.id]
        text = values.get("reason", "")
        follows = values.get(FOLLOWS, "")
        return facts.ReasonAnswer(
            Reason(text) if text in {r.value for r in Reason} else None,
            int(follows) if follows.isdigit() else None,
        )


class HolderStep(Step):
    id = StepId.HOLDER

    def defaults(self) -> dict[str, str]:
        return {
            "document_type": DocumentType.RESIDENT_ID.value,
            "representative": Representation.NONE.value,
        }

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (
            Field("document_type", Kind.CHOICE, choices=DOCUMENT_TYPES),
            Field("document_number", max_length=32),
            Field("name", max_length=40),
            Field("sex", Kind.CHOICE, choices=SEXES),
            Field("birth_date", Kind.DATE),
            Field("ethnicity", required=False, max_length=16),
            Field("address", required=False, max_length=200),
            Field("phone", required=False, max_length=20),
            Field(
                "representative",
                Kind.CHOICE,
                choices=tuple(Choice(r.value) for r in Representation),
            ),
        )

    def answer(self, flow: Flow) -> facts.HolderAnswer:
        return holder_answer(flow.values[self.id])

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        person = holder_answer(values).holder
        document = person.document_type
        # A first-generation number is accepted only to be upgraded by a correction.
        upgrading = flow.business is Business.CORRECTION and facts.reason(flow) is Reason.ID_NUMBER
        problems = phone_problem("phone", values.get("phone", ""))
        typed = values.get("document_number", "")
        number, problem = normalised_document(
            "document_number", document, typed, flow.context.today, upgrading
        )
        if problem is not None:
            return [problem, *problems] if typed.strip() else problems
        stated = facts.derived_from_number(document, number or "")
        if stated and values.get("sex") and values["sex"] != stated["sex"]:
            problems.append(Problem("sex", Code.SEX_DISAGREES, stated["sex"]))
        if stated and values.get("birth_date") and values["birth_date"] != stated["birth_date"]:
            problems.append(Problem("birth_date", Code.BIRTH_DATE_DISAGREES, stated["birth_date"]))
        born = person.birth_date
        if born is not None and born <= flow.context.today:
            age = age_on(born, flow.context.today)
            if age < GUARDIAN_AGE and values.get("representative") != Representation.GUARDIAN:
                problems.append(Problem("representative", Code.GUARDIAN_NEEDED, str(age)))
        return problems


class RepresentativeStep(Step):
    """The agent's or guardian's identity: asked only when one acts for the holder."""

    id = StepId.REPRESENTATIVE

    def defaults(self) -> dict[str, str]:
        return {"document_type": DocumentType.RESIDENT_ID.value}

    def applies(self, flow: Flow) -> bool:
        return facts.representation(flow) is not Representation.NONE

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (
            Field("name", max_length=40),
            Field("document_type", Kind.CHOICE, choices=DOCUMENT_TYPES),
            Field("document_number", max_length=32),
            Field("relationship", max_length=20),
            Field("phone", required=False, max_length=20),
        )

    def answer(self, flow: Flow) -> Representative:
        values = flow.values[self.id]
        role = facts.representation(flow)
        return Representative(
            role=RepresentativeRole(role.value)
            if role is not Representation.NONE
            else RepresentativeRole.AGENT,
            name=values.get("name", "").strip(),
            document_type=document_type(values),
            document_number=values.get("document_number", "").strip().upper(),
            relationship=values.get("relationship", "").strip(),
            phone=values.get("phone", "").strip() or None,
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        document = document_type(values)
        problems = phone_problem("phone", values.get("phone", ""))
        typed = values.get("document_number", "")
        if not typed.strip():
            return problems
        number, problem = normalised_document(
            "document_number", document, typed, flow.context.today
        )
        if problem is not None:
            return [problem, *problems]
        holder = facts.holder(flow)
        if (holder and number == holder.document_number) or number == _pickup_holder_number(flow):
            problems.append(Problem("document_number", Code.SAME_PERSON))
        return problems


def _pickup_holder_number(flow: Flow) -> str | None:
    found = flow.context.collectable
    return found.document_number if found else None
