"""A photo prepared to the card's standard, or refused with the problems found.

One pass: find the face, frame it (framing.py), measure light and sharpness on the face,
cut and scale the window to 358 × 441, make a plain backdrop white (background.py), and
encode within the rules' byte limits (encoding.py). Every check is reported, passed or not.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from counter_app.domain.rules import PhotoFileSize
from counter_app.photo import standard as std
from counter_app.photo.background import Backdrop, whiten
from counter_app.photo.checks import Check, face_middle, light_checks, sharpness_check
from counter_app.photo.encoding import encode
from counter_app.photo.faces import find_faces
from counter_app.photo.framing import Framing, frame
from counter_app.photo.geometry import Box
from counter_app.photo.problems import Problem


class UnreadablePhoto(Exception):
    """The bytes are not an image OpenCV can decode."""


@dataclass(frozen=True)
class PreparedPhoto:
    jpeg: bytes
    quality: int
    source_face: Box  # in the source photo's pixels
    framing: Framing  # the face's box in it is in the prepared photo's pixels
    backdrop: Backdrop
    checks: tuple[Check, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "width": std.WIDTH,
            "height": std.HEIGHT,
            "bytes": len(self.jpeg),
            "quality": self.quality,
            "face": self.framing.face.as_json(),
            "eyes_x": self.framing.eyes_x,
            "eye_line": self.framing.eye_line,
            "hair_top": self.framing.hair_top,
            "source_face": self.source_face.as_json(),
            "background": str(self.backdrop),
            "checks": [check.as_json() for check in self.checks],
        }


@dataclass(frozen=True)
class RefusedPhoto:
    checks: tuple[Check, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(check.problem for check in self.checks if not check.passed)

    def as_json(self) -> dict[str, object]:
        return {
            "problems": [str(problem) for problem in self.problems],
            "checks": [check.as_json() for check in self.checks],
        }


def decode(data: bytes) -> np.ndarray:
    """The photo in `data` as BGR pixels, turned as its EXIF orientation says."""
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise UnreadablePhoto("not an image in a format OpenCV reads (JPEG, PNG, BMP, TIFF …)")
    return image


def prepare_photo(image: np.ndarray, limits: PhotoFileSize) -> PreparedPhoto | RefusedPhoto:
    """`image` (BGR) prepared to the standard, or refused: the checks say which and why."""
    faces = find_faces(image)
    counted = (
        Check(Problem.NO_FACE, bool(faces), len(faces), ">= 1"),
        Check(Problem.SEVERAL_FACES, len(faces) <= 1, len(faces), "<= 1"),
    )
    if len(faces) != 1:
        return RefusedPhoto(counted)
    face = faces[0]
    middle = face_middle(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), face)
    on_face = (*light_checks(middle), sharpness_check(middle))
    framing = frame(face, image.shape[1], image.shape[0])
    placed = _placement_checks(face, framing)
    if not isinstance(framing, Framing):
        return RefusedPhoto((*counted, *placed, *on_face))
    background = whiten(_cut(image, framing.window), framing.eye_line, framing.face)
    plain = Check(
        Problem.BACKGROUND,
        background.backdrop is not Backdrop.NOT_PLAIN and background.white_share >= 0.95,
        round(background.white_share, 3),
        ">= 0.95 of the strips near white",
    )
    checks = (*counted, *placed, plain, *on_face)
    if not all(check.passed for check in checks):
        return RefusedPhoto(checks)
    encoded = encode(background.image, limits)
    return PreparedPhoto(encoded.data, encoded.quality, face, framing, background.backdrop, checks)


def _placement_checks(face: Box, framing: Framing | Problem) -> tuple[Check, ...]:
    framed = isinstance(framing, Framing)
    return (
        Check(
            Problem.FACE_TOO_SMALL,
            framing is not Problem.FACE_TOO_SMALL,
            face.width,
            f">= {std.MIN_SOURCE_FACE} px wide in the source",
        ),
        Check(
            Problem.FACE_TOO_LARGE,
            framing is not Problem.FACE_TOO_LARGE,
            framing.face.width if framed else face.width,
            f"{std.FACE_WIDTH[0]}–{std.FACE_WIDTH[1]} px wide, head and shoulders in the frame",
        ),
        Check(
            Problem.OFF_CENTRE,
            framing is not Problem.OFF_CENTRE,
            framing.eyes_x if framed else round(face.centre_x),
            f"between the eyes {std.EYES_X[0]}–{std.EYES_X[1]} px from the left edge, "
            f"hair {std.HAIR_TOP[0]}–{std.HAIR_TOP[1]} px below the top",
        ),
    )


def _cut(image: np.ndarray, window: Box) -> np.ndarray:
    """The window scaled to the standard's size; where it reaches past the image's edges (by
    framing.SLACK at most) the edge pixels are continued."""
    height, width = image.shape[:2]
    left, top = max(-window.x, 0), max(-window.y, 0)
    right = max(window.x + window.width - width, 0)
    bottom = max(window.y + window.height - height, 0)
    if left or top or right or bottom:
        image = cv2.copyMakeBorder(image, top, bottom, left, right, cv2.BORDER_REPLICATE)
    x, y = window.x + left, window.y + top
    part = image[y : y + window.height, x : x + window.width]
    shrinking = window.width > std.WIDTH
    return cv2.resize(
        part,
        (std.WIDTH, std.HEIGHT),
        interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC,
    )
