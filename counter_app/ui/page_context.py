"""What every page of the window works with, handed over as one object: the interface to the use
cases (which knows who is signed in and the rules in force), the background that runs its calls
off the GUI thread, and the printer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from counter_app.api.interface import CounterApi
from counter_app.api.models import Actor, SendToPrinter
from counter_app.domain.rules import LocalityRules
from counter_app.printing.dispatch import print_pdf
from counter_app.ui.background import Background


def _default_printer() -> str | None:
    return None  # CUPS's default queue


@dataclass(frozen=True)
class PageContext:
    api: CounterApi
    background: Background
    # The settings' printer at the moment of printing (None: CUPS's default).
    printer: Callable[[], str | None] = field(default=_default_printer)
    send: SendToPrinter = print_pdf  # CUPS; tests put a queue of their own here

    @property
    def actor(self) -> Actor:
        return self.api.actor

    @property
    def rules(self) -> LocalityRules:
        return self.api.rules

    def acting_as(self, api: CounterApi) -> PageContext:
        """The same pages for another signed-in interface (a supervisor deciding on this
        screen)."""
        return replace(self, api=api)
