"""A card that failed the PSAM's internal authentication: counterfeit, or not the region's.
Whoever read it, the trail keeps it."""

from __future__ import annotations

from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.store.database import Database


def record_not_genuine(
    db: Database, actor: Actor, card_number: str, card_id: str, where: str
) -> None:
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "card_not_genuine",
            "card",
            card_number or None,
            detail=f"internal authentication failed ({where}); card id {card_id}",
        )
