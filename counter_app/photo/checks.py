"""What is measured on the face itself: its light and its sharpness.

Both are taken on the middle of the face's box (cheeks, eyes, nose, mouth; not the hair nor
the backdrop beside it), so a white background does not count as light on the face.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from counter_app.photo.geometry import Box
from counter_app.photo.problems import Problem

# The face's mean grey level (0–255) must lie within these.
DARKEST = 75.0
BRIGHTEST = 205.0
# Sharpness is measured on the middle of the face scaled down to this width, so a large face in
# a large photo and a small one are judged alike.
SHARPNESS_WIDTH = 48
LEAST_SHARPNESS = 0.25


@dataclass(frozen=True)
class Check:
    """One check: its problem code, whether it passed, what was measured against what."""

    problem: Problem
    passed: bool
    measured: float | int | str
    limit: str

    def as_json(self) -> dict[str, object]:
        return {
            "code": str(self.problem),
            "passed": self.passed,
            "measured": self.measured,
            "limit": self.limit,
        }


def face_middle(grey: np.ndarray, face: Box) -> np.ndarray:
    """The middle of the face box: 20–80 % across, 20–90 % down."""
    top, bottom = face.y + face.height // 5, face.y + face.height * 9 // 10
    left, right = face.x + face.width // 5, face.x + face.width * 4 // 5
    return grey[max(top, 0) : bottom, max(left, 0) : right]


def light_checks(middle: np.ndarray) -> tuple[Check, Check]:
    level = round(float(middle.mean()), 1)
    return (
        Check(Problem.TOO_DARK, level >= DARKEST, level, f">= {DARKEST:g}"),
        Check(Problem.TOO_BRIGHT, level <= BRIGHTEST, level, f"<= {BRIGHTEST:g}"),
    )


def sharpness_check(middle: np.ndarray) -> Check:
    """The Laplacian's variance over the face's own: fine detail against overall contrast, so a
    dark or a washed-out face is not taken for a blurred one."""
    width = min(SHARPNESS_WIDTH, middle.shape[1])  # never enlarged: that would blur it
    height = max(round(middle.shape[0] * width / middle.shape[1]), 1)
    scaled = cv2.resize(middle, (width, height), interpolation=cv2.INTER_AREA).astype(np.float32)
    contrast = float(scaled.var())
    detail = float(cv2.Laplacian(scaled, cv2.CV_32F).var())
    sharpness = round(detail / contrast, 3) if contrast > 1.0 else 0.0
    return Check(
        Problem.BLURRED, sharpness >= LEAST_SHARPNESS, sharpness, f">= {LEAST_SHARPNESS:g}"
    )
