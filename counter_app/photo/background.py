"""The background: near white at the top and beside the head, or a plain backdrop made white.

The backdrop is judged where the standard leaves nothing but background: a strip along the top
edge above the hair and strips down both sides as far as the eye line (shoulders come lower).
A backdrop that is plain but not white (a grey wall, a blue cloth, light falling off across
it) is made white: it is flood-filled from those strips, each pixel joining when it differs
from its neighbour by a few levels at most, so the fill follows a gradual shading and stops at
the edge of the hair, the face or the clothes (the face is fenced off besides); the fill
becomes white, its edge blended over two pixels. A backdrop that is not plain (a flag, a room)
stops the fill at once, the strips stay coloured, and the photo is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import cv2
import numpy as np

from counter_app.photo import standard as std
from counter_app.photo.geometry import Box

TOP_ROWS = 5  # above the top of the hair, whose least distance from the top edge is 7 px
SIDE_COLUMNS = 16
# Near white: bright, and without colour (the spread between the channels).
WHITE_LEVEL = 215
WHITE_CHROMA = 25
WHITE_SHARE = 0.95
# The fill's step: how far (per channel) a pixel may differ from the neighbour it joins from.
FILL_STEP = 4
SEED_SPACING = 8  # px between the fill's starting points along the strips
_FILLED = 255


class Backdrop(StrEnum):
    WHITE = "white"  # near white as it came
    MADE_WHITE = "made_white"  # plain, and made white
    NOT_PLAIN = "not_plain"  # refused: still not white where it must be


@dataclass(frozen=True)
class BackgroundResult:
    backdrop: Backdrop
    white_share: float  # of the strips' pixels, after any whitening
    image: np.ndarray


def strips(eye_line: int) -> np.ndarray:
    """The pixels of the standard's output that must be background, as a boolean mask."""
    mask = np.zeros((std.HEIGHT, std.WIDTH), dtype=bool)
    side_rows = max(eye_line, TOP_ROWS)
    mask[:TOP_ROWS, :] = True
    mask[:side_rows, :SIDE_COLUMNS] = True
    mask[:side_rows, std.WIDTH - SIDE_COLUMNS :] = True
    return mask


def white_share(image: np.ndarray, mask: np.ndarray) -> float:
    pixels = image[mask].astype(np.int16)
    bright = pixels.min(axis=1) >= WHITE_LEVEL
    colourless = (pixels.max(axis=1) - pixels.min(axis=1)) <= WHITE_CHROMA
    return float(np.count_nonzero(bright & colourless)) / len(pixels)


def whiten(image: np.ndarray, eye_line: int, face: Box) -> BackgroundResult:
    """`image` (the standard's size, BGR) with its backdrop white, or why it cannot be."""
    mask = strips(eye_line)
    share = white_share(image, mask)
    if share >= WHITE_SHARE:
        return BackgroundResult(Backdrop.WHITE, share, image)
    backdrop = _backdrop(image, eye_line, face)
    # Blend the fill's edge outwards only: the backdrop itself becomes fully white.
    weight = np.maximum(backdrop, cv2.GaussianBlur(backdrop, (5, 5), 0))[..., None]
    whitened = (image + (255.0 - image) * weight).round().astype(np.uint8)
    share = white_share(whitened, mask)
    made = Backdrop.MADE_WHITE if share >= WHITE_SHARE else Backdrop.NOT_PLAIN
    return BackgroundResult(made, share, whitened)


def _backdrop(image: np.ndarray, eye_line: int, face: Box) -> np.ndarray:
    """The backdrop as 1.0, everything else 0.0: filled from seeds along the strips."""
    # The median takes out sensor noise and JPEG speckle that would stop the fill early.
    smooth = cv2.medianBlur(image, 5)
    # floodFill's mask is one pixel larger all round; its non-zero pixels are never filled.
    fill = np.zeros((std.HEIGHT + 2, std.WIDTH + 2), dtype=np.uint8)
    cv2.ellipse(fill[1:-1, 1:-1], _face_guard(face), 1, thickness=-1)
    flags = 4 | cv2.FLOODFILL_MASK_ONLY | (_FILLED << 8)
    step = (FILL_STEP,) * 3
    for x, y in _seeds(eye_line):
        if fill[y + 1, x + 1] == 0:
            cv2.floodFill(smooth, fill, (x, y), 0, step, step, flags)
    return (fill[1:-1, 1:-1] == _FILLED).astype(np.float32)


def _seeds(eye_line: int) -> list[tuple[int, int]]:
    top = [(x, 0) for x in range(0, std.WIDTH, SEED_SPACING)]
    down = range(0, max(eye_line, 1), SEED_SPACING)
    return top + [(x, y) for y in down for x in (0, std.WIDTH - 1)]


def _face_guard(face: Box) -> tuple[tuple[float, float], tuple[float, float], float]:
    """An ellipse over the face, from the forehead to below the chin, never filled."""
    centre = (face.centre_x, face.y + face.height * 0.55)
    return (centre, (face.width * 1.1, face.height * 1.4), 0.0)
