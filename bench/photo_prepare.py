"""Photo preparation by counter_app against the bare OpenCV work on the same image: the same
cascade's detection, a resize to 358×441 and one JPEG encode at quality 70, both warm, in the
same run (goal ≤ 1.5). The image is the astronaut portrait scikit-image ships (the tests' real
photograph, its backdrop made white in ours); without scikit-image the row says so.

Run it as `.venv/bin/python -m bench.photo_prepare`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from bench.timing import Figure, Goal, median_ms, print_table

GOAL = 1.5


def _photo() -> Path | None:
    spec = importlib.util.find_spec("skimage")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "astronaut.png"
    return path if path.is_file() else None


def measure(quick: bool) -> list[Figure]:
    path = _photo()
    if path is None:
        why = "needs scikit-image's astronaut.png (the test extras)"
        return [Figure.left_out("photo_prepare", why)]
    import cv2

    from counter_app.photo import standard as std
    from counter_app.photo.faces import CASCADE
    from counter_app.photo.prepare import PreparedPhoto, decode, prepare_photo
    from counter_app.resources import load_rules

    image = decode(path.read_bytes())
    limits = load_rules().photo_file_size
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + CASCADE)

    def bare() -> bytes:
        grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        cascade.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
        small = cv2.resize(image, (std.WIDTH, std.HEIGHT), interpolation=cv2.INTER_AREA)
        return cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, std.JPEG_QUALITY])[1]

    def ours() -> PreparedPhoto:
        result = prepare_photo(image, limits)
        assert isinstance(result, PreparedPhoto), result.as_json()
        return result

    rounds = 10 if quick else 30
    # Alternate the two so drift on a shared machine hits both alike.
    mine, baseline = [], []
    for _ in range(3):
        baseline.append(median_ms(bare, rounds))
        mine.append(median_ms(ours, rounds))
    return [
        Figure(
            "photo prepared to the standard (512² source), median",
            min(mine),
            "ms",
            min(baseline),
            Goal(GOAL),
        )
    ]


def main() -> int:
    print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
