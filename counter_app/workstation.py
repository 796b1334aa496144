"""The name this workstation goes by in the audit trail: its host name."""

from __future__ import annotations

import os


def this_workstation() -> str:
    # What gethostname() answers, without loading the socket module before the window is up.
    return os.uname().nodename[:64]
