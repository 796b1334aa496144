"""Every sample document, built once per test session."""

from __future__ import annotations

import pytest

from counter_app.printing import build
from counter_app.printing.samples import Sample, all_samples

SAMPLES: dict[str, Sample] = {sample.name: sample for sample in all_samples()}


@pytest.fixture(scope="session")
def pdfs() -> dict[str, bytes]:
    """Sample name (`acceptance_receipt`, `application_form-correction`, …) → PDF bytes."""
    return {name: build(s.kind, s.data) for name, s in SAMPLES.items()}
