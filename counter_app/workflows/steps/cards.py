"""The card in the reader: the old card compared with the holder's document, and the new card
checked against the application it was made for."""

from __future__ import annotations

from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.application import Business, Reason
from counter_app.domain.cardholder import ChipHolder, comparable_number, differences
from counter_app.domain.details import CardCheck
from counter_app.workflows import facts
from counter_app.workflows.checks import normalised_card_number
from counter_app.workflows.fields import Field, Kind, ticked
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step

# The card's values a step keeps, as text: what was read, not what was typed.
CARD_VALUES = ("card_number", "card_name", "card_ssn", "card_sex", "card_birth_date")
# What the override of a mismatch records; cleared whenever another card is taken.
OVERRIDE_VALUES = ("override_by", "override_reason")


def take_card(flow: Flow, step_id: str, card: CardSnapshot) -> None:
    """Fill a card step from a complete read."""
    read = {
        "card_number": card.card_number,
        "card_name": card.name,
        "card_ssn": card.ssn,
        "card_sex": card.sex,
        "card_birth_date": card.birth_date.isoformat() if card.birth_date else "",
    }
    for name in (*CARD_VALUES, *OVERRIDE_VALUES):
        flow.set(name, read.get(name, ""), step_id)


def chip_holder(values: dict[str, str]) -> ChipHolder:
    """Who the card a step took says its holder is."""
    return ChipHolder(
        values.get("card_name", ""),
        values.get("card_ssn", ""),
        values.get("card_sex", ""),
        values.get("card_birth_date", ""),
    )


class OldCardStep(Step):
    """Replacement: the old card is read and must be the holder's, or a supervisor overrides."""

    id = StepId.OLD_CARD

    def applies(self, flow: Flow) -> bool:
        return flow.business is Business.REPLACEMENT

    def may_be_unreadable(self, flow: Flow) -> bool:
        return facts.reason(flow) in {Reason.DAMAGED, Reason.QUALITY}

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        shown = tuple(Field(name, Kind.SHOWN) for name in CARD_VALUES)
        if not self.may_be_unreadable(flow):
            return shown
        unreadable = ticked(flow.get(self.id, "unreadable"))
        return (
            *shown,
            Field("unreadable", Kind.FLAG, required=False),
            Field("typed_card_number", required=unreadable, max_length=9),
        )

    def card_differences(self, flow: Flow, values: dict[str, str]) -> list[str]:
        person = facts.holder(flow)
        assert person is not None  # the holder step comes first
        return differences(
            chip_holder(values),
            person.name,
            comparable_number(person.document_type, person.document_number),
            person.sex.value if person.sex else "",
            person.birth_date.isoformat() if person.birth_date else "",
        )

    def answer(self, flow: Flow) -> CardCheck:
        values = flow.values[self.id]
        unreadable = self.may_be_unreadable(flow) and ticked(values.get("unreadable"))
        return CardCheck(
            card_number=values.get("typed_card_number", "").strip().upper()
            if unreadable
            else values.get("card_number", ""),
            unreadable=unreadable,
            differences=() if unreadable else tuple(self.card_differences(flow, values)),
            override_by=values.get("override_by") or None,
            override_reason=values.get("override_reason") or None,
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        if self.may_be_unreadable(flow) and ticked(values.get("unreadable")):
            # A damaged chip: the number is typed from the card's face, and checked.
            typed = values.get("typed_card_number", "")
            _, problem = normalised_card_number("typed_card_number", typed)
            return [problem] if problem else []
        if not values.get("card_number"):
            return [Problem("card_number", Code.CARD_NOT_READ)]
        found = self.card_differences(flow, values)
        if not found or values.get("override_by"):
            return []
        return [Problem("card_number", Code.CARD_DIFFERS, ",".join(found))]


class NewCardStep(Step):
    """Pickup: the new card must carry the applicant's name and number, and be a new card."""

    id = StepId.NEW_CARD

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return tuple(Field(name, Kind.SHOWN) for name in CARD_VALUES)

    def answer(self, flow: Flow) -> facts.CardRead:
        values = flow.values[self.id]
        return facts.CardRead(
            values.get("card_number", ""),
            values.get("card_name", "").strip(),
            values.get("card_ssn", "").strip().upper(),
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        found = flow.context.collectable
        if not values.get("card_number") or found is None:
            return [Problem("card_number", Code.CARD_NOT_READ)]
        if values["card_number"] == found.old_card_number:
            return [Problem("card_number", Code.NEW_CARD_IS_OLD)]
        # Sex and birth date were checked when the application was taken: name and number here.
        number = comparable_number(found.document_type, found.document_number)
        wrong = differences(chip_holder(values), found.holder_name, number)
        return [Problem("card_number", Code.NEW_CARD_DIFFERS, ",".join(wrong))] if wrong else []
