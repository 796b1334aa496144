"""Real photographs shipped inside scikit-image's wheel (skimage/data), and the problem cases
made from them by plain transformations: no face is drawn or invented.

astronaut.png: Eileen Collins, NASA portrait, public domain. coffee.png: a cup of coffee
(CC0). Both are among the images the wheel itself holds; nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path

import cv2
import numpy as np

# The astronaut's face as the cascade finds it, give or take a few pixels.
ASTRONAUT_FACE_X = 224


def data_dir() -> Path:
    # find_spec locates the package without importing it (and SciPy with it).
    spec = importlib.util.find_spec("skimage")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def _read(name: str) -> np.ndarray:
    image = cv2.imread(str(data_dir() / name), cv2.IMREAD_COLOR)
    assert image is not None, f"{name} is not in scikit-image's wheel"
    image.flags.writeable = False  # shared between tests: copy before changing
    return image


def astronaut() -> np.ndarray:
    return _read("astronaut.png")


def coffee() -> np.ndarray:
    return _read("coffee.png")


def darkened() -> np.ndarray:
    return (astronaut() * 0.25).astype(np.uint8)


def brightened() -> np.ndarray:
    return cv2.convertScaleAbs(astronaut(), alpha=1.0, beta=90)


def blurred() -> np.ndarray:
    return cv2.GaussianBlur(astronaut(), (0, 0), 3)


def off_centre() -> np.ndarray:
    """Cut off through her hair: the head touches the top edge."""
    return np.ascontiguousarray(astronaut()[45:])


def off_centre_left() -> np.ndarray:
    """Cut off on the left so her face sits a few pixels from that edge."""
    return np.ascontiguousarray(astronaut()[:, 172:])


def face_too_small() -> np.ndarray:
    """Shrunk to 200 px with her surroundings continued out to 512 px."""
    small = cv2.resize(astronaut(), (200, 200), interpolation=cv2.INTER_AREA)
    return cv2.copyMakeBorder(small, 156, 156, 156, 156, cv2.BORDER_REPLICATE)


def face_too_large() -> np.ndarray:
    """Her face alone, enlarged: no room for hair and shoulders."""
    return cv2.resize(astronaut()[60:190, 165:285], (480, 520), interpolation=cv2.INTER_CUBIC)


def two_faces() -> np.ndarray:
    return np.hstack([astronaut(), astronaut()[:, ::-1]])


def busy_background() -> np.ndarray:
    """The coffee photograph behind her head instead of the studio backdrop."""
    image = astronaut().copy()
    image[:62] = coffee()[:62, :512]
    image[:200, :140] = coffee()[:200, :140]
    image[:200, 310:] = coffee()[:200, 310:512]
    return image


def blue_backdrop() -> np.ndarray:
    """Her grey studio backdrop tinted blue: the pale, colourless pixels outside her head."""
    hsv = cv2.cvtColor(astronaut(), cv2.COLOR_BGR2HSV)
    head = np.zeros(hsv.shape[:2], dtype=np.uint8)
    cv2.ellipse(head, (ASTRONAUT_FACE_X, 110), (95, 110), 0, 0, 360, 1, thickness=-1)
    backdrop = (hsv[..., 1] < 60) & (hsv[..., 2] > 140) & (head == 0)
    hsv[..., 0][backdrop] = 110
    hsv[..., 1][backdrop] = 150
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)


def png(image: np.ndarray) -> bytes:
    done, data = cv2.imencode(".png", image)
    assert done
    return data.tobytes()


PROBLEM_CASES: dict[str, Callable[[], np.ndarray]] = {
    "no_face": coffee,
    "several_faces": two_faces,
    "face_too_small": face_too_small,
    "face_too_large": face_too_large,
    "off_centre": off_centre,
    "background": busy_background,
    "too_dark": darkened,
    "too_bright": brightened,
    "blurred": blurred,
}
