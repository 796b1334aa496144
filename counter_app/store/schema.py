"""Whether a database fits this version of the code: the answer, without what finds it out
(store/migrate.py), so that a window can word it before the database layer is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SchemaState(StrEnum):
    CURRENT = "current"
    EMPTY = "empty"  # never upgraded: no tables of ours
    OLDER = "older"  # the code knows newer migrations: run `counter-app db upgrade`
    NEWER = "newer"  # written by a newer version of the application: update this workstation


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    database_revision: str | None
    code_revision: str

    @property
    def current(self) -> bool:
        """The database fits this version: it can be used as it is."""
        return self.state is SchemaState.CURRENT
