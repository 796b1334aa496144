"""What the flow knows from outside the clerk's typing: the day, the rules, the card in the
reader, and what the database said (filled in by the runner)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.application import State
from counter_app.domain.card import CardStatus, LossKind
from counter_app.domain.rules import LocalityRules


@dataclass(frozen=True)
class KnownCard:
    """One of the holder's cards as the counter records it, loss standing included."""

    card_id: int
    card_number: str
    status: CardStatus  # effective: a lapsed temporary loss counts as active
    loss_kind: LossKind | None = None
    reissue_application_id: int | None = None  # a reissue under way for this card
    reissue_receipt_no: str | None = None


@dataclass(frozen=True)
class Collectable:
    """An application found by its receipt number for pickup."""

    application_id: int
    version: int
    state: State
    receipt_no: str
    holder_name: str
    document_type: str
    document_number: str
    old_card_number: str | None


@dataclass
class Context:
    today: date
    rules: LocalityRules
    card: CardSnapshot | None = None  # what the reader holds now
    person_id: int | None = None
    cards: tuple[KnownCard, ...] = ()
    collectable: Collectable | None = None
    # The receipt number looked up last, so that a stale answer is not taken for a new one.
    looked_up_receipt: str = ""
