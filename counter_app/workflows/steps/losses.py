"""Loss reports: the one a reissue needs, and the loss report business (挂失 / 解挂)."""

from __future__ import annotations

from counter_app.domain.application import Business
from counter_app.domain.card import CardStatus, LossAction
from counter_app.workflows import facts
from counter_app.workflows.checks import normalised_card_number, parse_date
from counter_app.workflows.context import KnownCard
from counter_app.workflows.fields import Choice, Field, Kind
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.problems import Code, Problem
from counter_app.workflows.step import Step

LIVE_LOSS = frozenset({CardStatus.LOST_TEMPORARY, CardStatus.LOST_FORMAL})


def known_card(flow: Flow, number: str) -> KnownCard | None:
    for card in flow.context.cards:
        if card.card_number == number:
            return card
    return None


def card_field(flow: Flow) -> Field:
    """The holder's recorded cards to choose from; a card number to type when none is known."""
    if flow.context.cards:
        choices = tuple(Choice(card.card_number) for card in flow.context.cards)
        return Field("card", Kind.CHOICE, choices=choices)
    return Field("card", max_length=9)


def check_card_number(flow: Flow, values: dict[str, str]) -> list[Problem]:
    if flow.context.cards:
        return []
    _, problem = normalised_card_number("card", values.get("card", ""))
    return [problem] if problem else []


class LossStep(Step):
    """Reissue: the lost card must stand formally reported before a new one is applied for; the
    window offers to record the formal loss at the counter (runner.record_formal_loss)."""

    id = StepId.LOSS

    def applies(self, flow: Flow) -> bool:
        return flow.business is Business.REISSUE

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        return (card_field(flow),)

    def answer(self, flow: Flow) -> facts.ChosenCard:
        return facts.ChosenCard(flow.get(self.id, "card").strip().upper())

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        problems = check_card_number(flow, values)
        if problems or not values.get("card"):
            return problems
        card = known_card(flow, values["card"].strip().upper())
        if card is None or card.status is not CardStatus.LOST_FORMAL:
            standing = card.status.value if card else "unknown"
            if card is not None and card.status is CardStatus.CANCELLED:
                return [Problem("card", Code.CARD_CANCELLED)]
            return [Problem("card", Code.LOSS_NOT_FORMAL, standing)]
        if card.reissue_application_id not in {None, flow.application_id}:
            return [Problem("card", Code.REISSUE_UNDER_WAY, card.reissue_receipt_no or "")]
        return []


class LossActionStep(Step):
    """The loss report business: what to do with which card. Recorded when completed; the
    confirmation is then printed from the finished business."""

    id = StepId.LOSS_ACTION
    acts_once = True

    def applies(self, flow: Flow) -> bool:
        return flow.business is Business.LOSS_REPORT

    def fields(self, flow: Flow) -> tuple[Field, ...]:
        actions = tuple(Choice(action.value) for action in LossAction)
        fields = (card_field(flow), Field("action", Kind.CHOICE, choices=actions))
        if flow.get(self.id, "action") == LossAction.RECORD_HOTLINE:
            # The lapse counts from the day the customer called, not from today.
            return (*fields, Field("called_on", Kind.DATE))
        return fields

    def answer(self, flow: Flow) -> facts.LossActionAnswer:
        values = flow.values[self.id]
        return facts.LossActionAnswer(
            values.get("card", "").strip().upper(),
            facts.member(LossAction, values.get("action", ""), LossAction.REPORT_TEMPORARY),
            parse_date(values.get("called_on", "")),
        )

    def check_more(self, flow: Flow, values: dict[str, str]) -> list[Problem]:
        problems = check_card_number(flow, values)
        if problems or not values.get("card") or not values.get("action"):
            return problems
        card = known_card(flow, values["card"].strip().upper())
        status = card.status if card else CardStatus.ACTIVE
        action = LossAction(values["action"])
        if status is CardStatus.CANCELLED:
            return [Problem("card", Code.CARD_CANCELLED)]
        if status is CardStatus.PENDING_PICKUP:
            return [Problem("card", Code.NOT_COLLECTED)]
        if action is LossAction.CANCEL:
            if status not in LIVE_LOSS:
                return [Problem("action", Code.NOT_LOST)]
            if status is CardStatus.LOST_FORMAL and card and card.reissue_application_id:
                return [Problem("action", Code.REISSUE_UNDER_WAY, card.reissue_receipt_no or "")]
            return []
        if status is CardStatus.LOST_FORMAL or (
            status is CardStatus.LOST_TEMPORARY and action is not LossAction.REPORT_FORMAL
        ):
            return [Problem("action", Code.ALREADY_LOST, status.value)]
        called = parse_date(values.get("called_on", ""))
        if action is LossAction.RECORD_HOTLINE and called is not None:
            lapses = flow.context.rules.temporary_loss_expires(called)
            if lapses < flow.context.today:
                return [Problem("called_on", Code.HOTLINE_REPORT_LAPSED, lapses.isoformat())]
        return []
