"""Finding faces with the Haar cascade OpenCV ships in its wheel: no download, CPU only."""

from __future__ import annotations

from functools import cache

import cv2
import numpy as np

from counter_app.photo.geometry import Box

CASCADE = "haarcascade_frontalface_default.xml"
# Detection works on a copy at most this long on its longer side: a camera's full frame would
# take the cascade ten times as long for no better box.
DETECT_SIDE = 800
SMALLEST_FACE = 24  # the cascade's own window: anything smaller cannot be found anyway
# A detection much smaller than the largest one is the cascade seeing a face in a pattern,
# not a second person in the picture.
SECOND_FACE_SHARE = 0.5


@cache
def _cascade() -> cv2.CascadeClassifier:
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE)
    if cascade.empty():  # a broken OpenCV install: say so rather than find no face ever
        raise RuntimeError(f"OpenCV's {CASCADE} cannot be loaded from {cv2.data.haarcascades}")
    return cascade


def grey_for_detection(image: np.ndarray) -> tuple[np.ndarray, float]:
    """The image in grey, shrunk to DETECT_SIDE at most, histogram-equalised so a dark or
    washed-out photo still shows its face; and the factor back to the image's pixels."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    longest = max(grey.shape)
    factor = 1.0
    if longest > DETECT_SIDE:
        factor = longest / DETECT_SIDE
        size = (round(grey.shape[1] / factor), round(grey.shape[0] / factor))
        grey = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    return cv2.equalizeHist(grey), factor


def find_faces(image: np.ndarray) -> tuple[Box, ...]:
    """The faces in a BGR image, largest first, in the image's pixels."""
    grey, factor = grey_for_detection(image)
    found = _cascade().detectMultiScale(
        grey, scaleFactor=1.1, minNeighbors=5, minSize=(SMALLEST_FACE, SMALLEST_FACE)
    )
    boxes = sorted(
        (Box(*(round(value * factor) for value in row)) for row in found),
        key=lambda box: box.width,
        reverse=True,
    )
    if not boxes:
        return ()
    return tuple(box for box in boxes if box.width >= SECOND_FACE_SHARE * boxes[0].width)
