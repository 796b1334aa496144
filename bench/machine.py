"""What a benchmark table was measured on: CPU, Python, Qt, and how busy the machine was."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion


def cpu() -> str:
    """The CPU model and how many logical CPUs /proc/cpuinfo lists."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return f"{platform.processor() or 'unknown CPU'} × {os.cpu_count()}"
    models = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
    count = sum(1 for line in lines if line.startswith("processor"))
    return f"{models[0] if models else 'unknown CPU'} × {count}"


def describe() -> str:
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {cpu()} CPUs, {platform.system()} {platform.release()}, "
        f"load average at start {load}\n"
        f"software: Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"Qt {qVersion()}"
    )
