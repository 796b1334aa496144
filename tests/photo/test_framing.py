"""Framing is plain arithmetic: where the window goes for a face of a given box and source."""

from __future__ import annotations

import pytest

from counter_app.photo import standard as std
from counter_app.photo.framing import Framing, frame
from counter_app.photo.geometry import Box
from counter_app.photo.problems import Problem


def framed(face: Box, width: int, height: int) -> Framing:
    result = frame(face, width, height)
    assert isinstance(result, Framing), result
    return result


def test_a_face_with_room_all_round_lands_on_the_aims() -> None:
    result = framed(Box(900, 500, 300, 300), 2000, 1600)
    assert abs(result.face.width - std.FACE_WIDTH_AIM) <= 1
    assert abs(result.eyes_x - std.EYES_X_AIM) <= 1
    assert abs(result.hair_top - std.HAIR_TOP_AIM) <= 1
    assert result.eye_line <= std.HEIGHT - std.EYE_LINE_ABOVE_BOTTOM
    window = result.window
    assert window.x >= 0 and window.x + window.width <= 2000
    assert window.y >= 0 and window.y + window.height <= 1600
    # The window keeps the standard's proportions.
    assert abs(window.width / window.height - std.WIDTH / std.HEIGHT) < 0.01


def test_a_face_near_the_right_edge_moves_within_the_allowed_range() -> None:
    # Centred it would need 179 × 300 / 190 = 283 px to its right; the source (and the slack
    # past its edge) gives 248.
    result = framed(Box(1600, 500, 300, 300), 1940, 1600)
    assert std.EYES_X[0] <= result.eyes_x <= std.EYES_X[1]
    assert result.eyes_x != std.EYES_X_AIM or result.face.width != std.FACE_WIDTH_AIM


@pytest.mark.parametrize(
    ("face", "size", "problem"),
    [
        (Box(500, 500, 60, 60), (1200, 1200), Problem.FACE_TOO_SMALL),
        (Box(100, 100, 700, 700), (900, 1000), Problem.FACE_TOO_LARGE),
        (Box(0, 400, 300, 300), (1000, 1600), Problem.OFF_CENTRE),
        (Box(900, 10, 300, 300), (2000, 1600), Problem.OFF_CENTRE),
    ],
)
def test_what_cannot_be_framed(face: Box, size: tuple[int, int], problem: Problem) -> None:
    assert frame(face, *size) is problem


def test_an_already_framed_photo_frames_as_itself() -> None:
    face = Box(84, 108, 190, 190)
    result = framed(face, std.WIDTH, std.HEIGHT)
    # Whole pixels: a pixel's rounding either way.
    assert abs(result.face.x - face.x) <= 1 and abs(result.face.y - face.y) <= 1
    assert result.face.width == face.width
    assert abs(result.window.x) <= 1 and abs(result.window.y) <= 1
    assert (result.window.width, result.window.height) == (std.WIDTH, std.HEIGHT)
