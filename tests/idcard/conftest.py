"""The simulated ID card reader as its own process, and `counter-app` as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from counter_app.idcard.simulator import control

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CLI_TIMEOUT = 30


@dataclass(frozen=True)
class SimulatedReader:
    directory: Path  # its state directory: the runtime directory the CLI is given
    port: str

    def insert(self, key: str) -> str:
        return control.insert(key, self.directory)

    def remove(self) -> None:
        control.remove(self.directory)


@pytest.fixture(scope="session")
def idcard_reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimulatedReader]:
    """One simulated reader process for the whole run; each test lays its own card on it."""
    directory = tmp_path_factory.mktemp("idcard-runtime")
    process = control.start(directory)
    yield SimulatedReader(directory, process.port)
    control.unplug(directory)


@pytest.fixture
def no_settings(tmp_path: Path) -> Path:
    """An empty configuration directory: the user's own settings must not steer a test."""
    config = tmp_path / "config"
    config.mkdir()
    return config


def cli(
    *args: str, runtime: Path, config: Path, timeout: float = CLI_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """`counter-app ARGS…` in a process of its own, with the given runtime and config folders."""
    env = dict(os.environ)
    env.update(
        COUNTER_APP_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(config),
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "counter_app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        env=env,
        timeout=timeout,
        check=False,
    )
