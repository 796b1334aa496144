"""Photo preparation on real photographs: the standard met, or one problem code per problem."""

from __future__ import annotations

import struct

import cv2
import numpy as np
import pytest

from counter_app.domain.rules import PhotoFileSize
from counter_app.photo import standard as std
from counter_app.photo.background import Backdrop, strips, white_share
from counter_app.photo.prepare import PreparedPhoto, RefusedPhoto, decode, prepare_photo
from counter_app.photo.problems import Problem
from counter_app.resources import load_rules
from tests.photo import samples

LIMITS = load_rules().photo_file_size


def decoded(jpeg: bytes) -> np.ndarray:
    image = cv2.imdecode(np.frombuffer(jpeg, dtype=np.uint8), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def prepared(image: np.ndarray, limits: PhotoFileSize = LIMITS) -> PreparedPhoto:
    result = prepare_photo(image, limits)
    assert isinstance(result, PreparedPhoto), result.as_json()
    return result


def assert_to_standard(photo: PreparedPhoto, limits: PhotoFileSize = LIMITS) -> np.ndarray:
    image = decoded(photo.jpeg)
    assert image.shape == (std.HEIGHT, std.WIDTH, 3)
    assert limits.min_bytes <= len(photo.jpeg) <= limits.max_bytes
    # JFIF header: units 1 (dots per inch), 350 × 350.
    assert photo.jpeg[6:11] == b"JFIF\x00"
    assert struct.unpack(">BHH", photo.jpeg[13:18]) == (1, std.DPI, std.DPI)
    face, framing = photo.framing.face, photo.framing
    assert 0 <= face.x <= std.WIDTH - face.width
    assert 0 <= face.y <= std.HEIGHT - face.height
    assert std.FACE_WIDTH[0] <= face.width <= std.FACE_WIDTH[1]
    assert std.EYES_X[0] <= framing.eyes_x <= std.EYES_X[1]
    assert std.HAIR_TOP[0] <= framing.hair_top <= std.HAIR_TOP[1]
    assert framing.eye_line <= std.HEIGHT - std.EYE_LINE_ABOVE_BOTTOM
    assert white_share(image, strips(framing.eye_line)) >= 0.95
    assert all(check.passed for check in photo.checks)
    assert {check.problem for check in photo.checks} == set(Problem)
    return image


def test_the_astronaut_is_prepared_to_the_standard() -> None:
    photo = prepared(samples.astronaut())
    image = assert_to_standard(photo)
    # Her studio backdrop is a plain light grey: made white. The face itself is untouched.
    assert photo.backdrop is Backdrop.MADE_WHITE
    assert photo.quality == std.JPEG_QUALITY
    face = photo.framing.face
    middle = image[face.y + face.height // 4 : face.y + face.height // 2, face.x : face.x + 40]
    assert float(middle.mean()) < 230  # skin, not blown to white
    assert abs(photo.source_face.centre_x - samples.ASTRONAUT_FACE_X) < 10


def test_a_prepared_photo_prepared_again_keeps_its_white_background() -> None:
    first = prepared(samples.astronaut())
    again = prepared(decoded(first.jpeg))
    assert_to_standard(again)
    assert again.backdrop is Backdrop.WHITE


def test_a_plain_blue_backdrop_is_made_white() -> None:
    photo = prepared(samples.blue_backdrop())
    image = assert_to_standard(photo)
    assert photo.backdrop is Backdrop.MADE_WHITE
    top = image[:5].reshape(-1, 3).astype(int)
    assert (top.max(axis=1) - top.min(axis=1)).mean() < 10  # no blue left above the head


@pytest.mark.parametrize("code", list(samples.PROBLEM_CASES))
def test_each_problem_has_its_own_code(code: str) -> None:
    result = prepare_photo(samples.PROBLEM_CASES[code](), LIMITS)
    assert isinstance(result, RefusedPhoto)
    assert result.problems == (Problem(code),)
    failed = [check for check in result.checks if not check.passed]
    assert [check.problem for check in failed] == [Problem(code)]
    assert result.as_json()["problems"] == [code]


def test_a_face_at_the_side_edge_is_off_centre() -> None:
    result = prepare_photo(samples.off_centre_left(), LIMITS)
    assert isinstance(result, RefusedPhoto)
    assert result.problems == (Problem.OFF_CENTRE,)


def test_every_problem_code_is_covered_and_advised() -> None:
    assert set(samples.PROBLEM_CASES) == {str(problem) for problem in Problem}
    assert all(problem.advice for problem in Problem)


def test_a_tight_upper_limit_lowers_the_quality() -> None:
    limits = PhotoFileSize(9000, 12000)
    photo = prepared(samples.astronaut(), limits)
    assert_to_standard(photo, limits)
    assert photo.quality < std.JPEG_QUALITY


def test_a_high_lower_limit_raises_the_quality() -> None:
    limits = PhotoFileSize(30000, 40960)
    photo = prepared(samples.astronaut(), limits)
    assert_to_standard(photo, limits)
    assert photo.quality > std.JPEG_QUALITY


def test_a_lower_limit_out_of_reach_is_met_with_a_comment_the_decoder_skips() -> None:
    limits = PhotoFileSize(150_000, 160_000)
    photo = prepared(samples.astronaut(), limits)
    assert_to_standard(photo, limits)
    assert b"\xff\xfe" in photo.jpeg[:40]  # the comment segment right after the header


def test_decode_refuses_what_is_no_image() -> None:
    from counter_app.photo.prepare import UnreadablePhoto

    with pytest.raises(UnreadablePhoto):
        decode(b"not a photo at all")
    assert decode(samples.png(samples.astronaut())).shape == (512, 512, 3)
