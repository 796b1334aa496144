"""The prepared photo as a JPEG within the card office's byte limits, marked 350 dpi."""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from counter_app.domain.rules import PhotoFileSize
from counter_app.photo import standard as std

LOWEST_QUALITY = 20  # below this the face breaks into blocks: the limits must be wrong
HIGHEST_QUALITY = 100
# A JPEG comment segment holds at most this many bytes of text after its length field.
_COMMENT_ROOM = 65_533


class CannotEncode(Exception):
    """Even the lowest quality is above the upper limit: the limits, not the photo, are off."""


@dataclass(frozen=True)
class Encoded:
    data: bytes
    quality: int


def encode(image: np.ndarray, limits: PhotoFileSize) -> Encoded:
    """The image as JPEG at the quality nearest the standard's that fits `limits`."""
    sizes: dict[int, bytes] = {}

    def at(quality: int) -> bytes:
        if quality not in sizes:
            sizes[quality] = _jpeg(image, quality)
        return sizes[quality]

    first = at(std.JPEG_QUALITY)
    if limits.admits(len(first)):
        return Encoded(first, std.JPEG_QUALITY)
    if len(first) > limits.max_bytes:
        # The highest quality below the standard's that is small enough.
        quality = _last_true(
            LOWEST_QUALITY, std.JPEG_QUALITY - 1, lambda q: len(at(q)) <= limits.max_bytes
        )
        if quality is None:
            raise CannotEncode(
                f"{len(at(LOWEST_QUALITY))} bytes at quality {LOWEST_QUALITY}, "
                f"above the limit of {limits.max_bytes}"
            )
        return Encoded(at(quality), quality)
    # Too small (a very plain photo): the lowest quality above the standard's that is large
    # enough, else the highest one padded with a comment, which every decoder skips.
    quality = _first_true(
        std.JPEG_QUALITY + 1, HIGHEST_QUALITY, lambda q: len(at(q)) >= limits.min_bytes
    )
    if quality is not None and len(at(quality)) <= limits.max_bytes:
        return Encoded(at(quality), quality)
    # One step jumps over the whole window, or even the highest quality is too small.
    below = HIGHEST_QUALITY if quality is None else quality - 1
    padded = _padded(at(below), limits.min_bytes)
    if not limits.admits(len(padded)):
        raise CannotEncode(
            f"{len(padded)} bytes padded, outside {limits.min_bytes}–{limits.max_bytes}"
        )
    return Encoded(padded, below)


def _jpeg(image: np.ndarray, quality: int) -> bytes:
    done, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not done:
        raise CannotEncode(f"OpenCV could not encode the photo at quality {quality}")
    return _with_density(data.tobytes())


def _with_density(jpeg: bytes) -> bytes:
    """The JFIF header's density set to the standard's dots per inch (libjpeg writes 1:1)."""
    # SOI, then APP0: FFE0, length, "JFIF\0", version (2 bytes), units, X and Y density.
    if jpeg[2:4] != b"\xff\xe0" or jpeg[6:11] != b"JFIF\x00":
        return jpeg
    return jpeg[:13] + struct.pack(">BHH", 1, std.DPI, std.DPI) + jpeg[18:]


def _padded(jpeg: bytes, size: int) -> bytes:
    """`jpeg` with comment segments right after its header, `size` bytes long in all (or up to
    3 bytes more: a segment's marker and length alone take 4)."""
    header_end = 4 + struct.unpack(">H", jpeg[4:6])[0]  # after SOI and APP0
    segments = []
    missing = size - len(jpeg)
    while missing > 0:
        text = b" " * min(max(missing - 4, 0), _COMMENT_ROOM)
        segments.append(b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text)
        missing -= len(segments[-1])
    return jpeg[:header_end] + b"".join(segments) + jpeg[header_end:]


def _last_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The largest q in [low, high] with test(q), for a test true up to some q, then false."""
    found = None
    while low <= high:
        middle = (low + high) // 2
        if test(middle):
            found, low = middle, middle + 1
        else:
            high = middle - 1
    return found


def _first_true(low: int, high: int, test: Callable[[int], bool]) -> int | None:
    """The smallest q in [low, high] with test(q), for a test false up to some q, then true."""
    found = None
    while low <= high:
        middle = (low + high) // 2
        if test(middle):
            found, high = middle, middle - 1
        else:
            low = middle + 1
    return found
