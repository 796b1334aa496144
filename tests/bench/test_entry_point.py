"""`python -m bench` prints one table with the machine on top; left-out rows say why."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_bench(*arguments: str, environment: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "bench", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_one_benchmark_prints_its_figures_against_baselines() -> None:
    lines = run_bench("--only", "document_build", "--quick").splitlines()
    assert lines[0].startswith("machine: ") and " CPUs" in lines[0]
    assert lines[1].startswith("software: Python ") and "Qt " in lines[1]
    assert lines[2].startswith("quick run: ")
    header = next(line for line in lines if line.startswith("benchmark"))
    assert header.split() == ["benchmark", "figure", "baseline", "unit", "ratio", "goal", "met"]
    receipt = next(line for line in lines if line.startswith("acceptance receipt"))
    figure, baseline, unit, ratio, goal, met = receipt.split()[-6:]
    assert unit == "ms" and goal == "≤3×" and met in ("yes", "NO")
    assert abs(float(ratio) - float(figure) / float(baseline)) < 0.05  # printed rounded
    assert lines[-1].startswith("wall clock: ")


def test_card_benchmarks_outside_their_namespaces_say_why() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "COUNTER_APP_CARD_NAMESPACE"}
    output = run_bench("--only", "card_read", "--quick", environment=environment)
    row = next(line for line in output.splitlines() if line.startswith("card_read"))
    assert "left out: needs its own pcscd in private namespaces" in row
