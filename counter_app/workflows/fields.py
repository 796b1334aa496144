"""What a step asks for: named fields of a few kinds. Values are text, as typed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.rules import Label


class Kind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"  # YYYY-MM-DD
    FLAG = "flag"  # "1" ticked, "" not
    SHOWN = "shown"  # computed by the step, shown, never typed


@dataclass(frozen=True)
class Choice:
    value: str
    # A label from the locality rules; None: the window names the value itself.
    label: Label | None = None


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind = Kind.TEXT
    required: bool = True
    choices: tuple[Choice, ...] = ()
    max_length: int = 64
    # A rules label for fields named after rules entries (materials).
    label: Label | None = None


TICKED = "1"


def ticked(value: str | None) -> bool:
    return value == TICKED
