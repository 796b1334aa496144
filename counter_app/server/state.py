"""What every request of one service shares: its database, rules and settings."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.rules import LocalityRules
from counter_app.server.settings import ServiceSettings
from counter_app.store.database import Database


@dataclass(frozen=True)
class Service:
    db: Database
    rules: LocalityRules
    settings: ServiceSettings
