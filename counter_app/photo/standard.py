"""The card's photo standard (社会保障卡制证用数字相片技术要求) as numbers, in output pixels."""

from __future__ import annotations

WIDTH = 358
HEIGHT = 441
DPI = 350
JPEG_QUALITY = 70  # the standard's "about 70": the search for the byte window starts here

# The face's width, and where the standard wants the head: the top of the hair some pixels
# below the top edge, the point between the eyes some pixels from the left edge, and the eye
# line at least some pixels above the bottom edge.
FACE_WIDTH = (179, 255)
FACE_WIDTH_AIM = 190
HAIR_TOP = (7, 21)
HAIR_TOP_AIM = 14
EYES_X = (162, 196)
EYES_X_AIM = WIDTH // 2
EYE_LINE_ABOVE_BOTTOM = 207

# Where a frontal Haar detection's box sits on a head, as fractions of the box's side: the top
# of the hair lies about this far above the box, the eye line this far down inside it.
HAIR_ABOVE_BOX = 0.5
EYE_LINE_IN_BOX = 0.40

# Enlarging a small face more than this gives a soft photo that fails at the card office.
MAX_ENLARGEMENT = 2.5
MIN_SOURCE_FACE = round(FACE_WIDTH[0] / MAX_ENLARGEMENT)
