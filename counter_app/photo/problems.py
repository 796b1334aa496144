"""Why a photo is refused: one code per problem, each with what the clerk does about it."""

from __future__ import annotations

from enum import StrEnum


class Problem(StrEnum):
    NO_FACE = "no_face"
    SEVERAL_FACES = "several_faces"
    FACE_TOO_SMALL = "face_too_small"
    FACE_TOO_LARGE = "face_too_large"
    OFF_CENTRE = "off_centre"
    BACKGROUND = "background"
    TOO_DARK = "too_dark"
    TOO_BRIGHT = "too_bright"
    BLURRED = "blurred"

    @property
    def advice(self) -> str:
        return _ADVICE[self]


_ADVICE = {
    Problem.NO_FACE: "no face found: the customer faces the camera, nothing covering the face",
    Problem.SEVERAL_FACES: "more than one face: only the customer in the picture",
    Problem.FACE_TOO_SMALL: "the face is too small: move the camera closer or zoom in",
    Problem.FACE_TOO_LARGE: "the face is too large: step back so head and shoulders show",
    Problem.OFF_CENTRE: "the head is too close to an edge: centre the customer in the picture",
    Problem.BACKGROUND: "the background is not plain: stand the customer before a plain wall",
    Problem.TOO_DARK: "too dark: more light on the face",
    Problem.TOO_BRIGHT: "too bright: less light on the face, no flash glare",
    Problem.BLURRED: "blurred: hold still and focus on the face",
}
