"""Where to cut the photo so the head lands where the standard wants it (no OpenCV here).

The face's box from the detector fixes the scale (its width becomes the face width) and the
anchor points: the point between the eyes on the box's centre line, the eye line and the top
of the hair at fixed fractions of the box (standard.HAIR_ABOVE_BOX, EYE_LINE_IN_BOX). The
standard allows ranges, so the framing aims at their middles and moves within them when the
source photo ends too soon; a face that fits no allowed framing is refused.

The window may reach a little past the source's edges (SLACK), there continued with the
edge's own pixels: a photo already framed to the standard (the one on file with the card
system) leaves no room at all, and the detector's box moves by a few pixels from run to run.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.photo import standard as std
from counter_app.photo.geometry import Box
from counter_app.photo.problems import Problem

SLACK = 0.03  # of the source's width and height, on each side


@dataclass(frozen=True)
class Framing:
    """The window cut from the source (source pixels), and where the face lands once the
    window is scaled to the standard's size (output pixels)."""

    window: Box
    face: Box
    eyes_x: int
    eye_line: int
    hair_top: int


@dataclass(frozen=True)
class _Span:
    low: float
    high: float

    def closest(self, aim: float) -> float:
        return min(max(aim, self.low), self.high)

    @property
    def empty(self) -> bool:
        return self.low > self.high


def frame(face: Box, source_width: int, source_height: int) -> Framing | Problem:
    """The framing of `face` in a source of that size, or the problem that prevents one. The
    window's box may lie up to SLACK beyond the source's edges."""
    widths = _face_widths(face)
    if not widths:
        return Problem.FACE_TOO_SMALL
    # Frame in the source as if it were SLACK larger all round, then shift back.
    across, down = round(source_width * SLACK), round(source_height * SLACK)
    inside = Box(face.x + across, face.y + down, face.width, face.height)
    found = _best(inside, widths, source_width + 2 * across, source_height + 2 * down)
    if not isinstance(found, Framing):
        return found
    window = found.window
    return Framing(
        Box(window.x - across, window.y - down, window.width, window.height),
        found.face,
        found.eyes_x,
        found.eye_line,
        found.hair_top,
    )


def _best(face: Box, widths: range, source_width: int, source_height: int) -> Framing | Problem:
    # Each candidate face width in the allowed range, nearest the aim first: the first whose
    # window fits inside the source wins.
    for width in sorted(widths, key=lambda w: (abs(w - std.FACE_WIDTH_AIM), w)):
        framing = _frame_at(face, width, source_width, source_height)
        if framing is not None:
            return framing
    # The largest face width needs the smallest window: if even that is bigger than the source,
    # the face fills too much of the picture; else the face sits too near an edge.
    scale = max(widths) / face.width
    if std.WIDTH / scale > source_width or std.HEIGHT / scale > source_height:
        return Problem.FACE_TOO_LARGE
    return Problem.OFF_CENTRE


def _face_widths(face: Box) -> range:
    """The output face widths the standard allows and enlargement can give without softness."""
    largest = min(std.FACE_WIDTH[1], int(face.width * std.MAX_ENLARGEMENT))
    return range(std.FACE_WIDTH[0], largest + 1)


def _frame_at(face: Box, width: int, source_width: int, source_height: int) -> Framing | None:
    scale = width / face.width
    box_above_eyes = std.EYE_LINE_IN_BOX * width
    hair_above_box = std.HAIR_ABOVE_BOX * width
    # The point between the eyes (output x): within the standard, and with the window's left
    # and right edges inside the source.
    eyes = _Span(
        max(std.EYES_X[0], std.WIDTH - (source_width - face.centre_x) * scale),
        min(std.EYES_X[1], face.centre_x * scale),
    )
    # The top of the hair (output y): within the standard, the window's top and bottom inside
    # the source, and the eye line high enough above the bottom edge.
    hair = _Span(
        max(std.HAIR_TOP[0], std.HEIGHT - hair_above_box - (source_height - face.y) * scale),
        min(
            std.HAIR_TOP[1],
            face.y * scale - hair_above_box,
            std.HEIGHT - std.EYE_LINE_ABOVE_BOTTOM - hair_above_box - box_above_eyes,
        ),
    )
    if eyes.empty or hair.empty:
        return None
    eyes_x = eyes.closest(std.EYES_X_AIM)
    hair_top = hair.closest(std.HAIR_TOP_AIM)
    window = _window(
        face.centre_x - eyes_x / scale,
        face.y - (hair_top + hair_above_box) / scale,
        scale,
        source_width,
        source_height,
    )
    # Where things land once the whole-pixel window is scaled to the standard's size.
    across, down = std.WIDTH / window.width, std.HEIGHT / window.height
    face_box = Box(
        round((face.x - window.x) * across),
        round((face.y - window.y) * down),
        round(face.width * across),
        round(face.height * down),
    )
    return Framing(
        window=window,
        face=face_box,
        eyes_x=round((face.centre_x - window.x) * across),
        eye_line=round(face_box.y + std.EYE_LINE_IN_BOX * face_box.height),
        hair_top=round(face_box.y - std.HAIR_ABOVE_BOX * face_box.height),
    )


def _window(left: float, top: float, scale: float, source_width: int, source_height: int) -> Box:
    """The window in whole source pixels, kept inside the source."""
    width = min(round(std.WIDTH / scale), source_width)
    height = min(round(std.HEIGHT / scale), source_height)
    x = min(max(round(left), 0), source_width - width)
    y = min(max(round(top), 0), source_height - height)
    return Box(x, y, width, height)
