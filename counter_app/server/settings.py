"""What the service is told at start: how long a session lives, how large a body may be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class ServiceSettings:
    # A session ends after this long without a call: the window's idle lock.
    idle_lock_minutes: float = 5.0
    # And after a working day whatever happens.
    longest_session: timedelta = timedelta(hours=12)
    max_body_bytes: int = 1024 * 1024
    # A changing call that is still "under way" after this long was cut off: it may be retried.
    stale_call: timedelta = timedelta(seconds=60)

    @property
    def idle(self) -> timedelta:
        return timedelta(minutes=self.idle_lock_minutes)
