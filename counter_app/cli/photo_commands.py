"""`counter-app photo prepare`: a photo file prepared to the card's standard, or refused."""

from __future__ import annotations

import json
from argparse import Namespace, _SubParsersAction
from pathlib import Path

from counter_app.cli.common import EXIT_OK, EXIT_REFUSED, fail
from counter_app.domain.rules import RulesError

# EXIT_REFUSED (1): the photo has problems and nothing was written.
# The input file cannot be read or is no image, or the rules file cannot be read or its
# byte limits cannot be met.
EXIT_UNREADABLE = 2
EXIT_CANNOT_WRITE = 3


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("photo", help="the holder's photo, to the card's standard")
    actions = parser.add_subparsers(dest="photo_action", required=True)
    prepare = actions.add_parser(
        "prepare", help="find the face, crop and scale to 358×441, check, write the JPEG"
    )
    prepare.add_argument("input", type=Path, metavar="IN", help="the photo (JPEG, PNG, …)")
    prepare.add_argument(
        "--out", type=Path, required=True, metavar="OUT.jpg", help="where the JPEG goes"
    )
    prepare.add_argument("--json", action="store_true", help="the report (or problems) as JSON")
    prepare.set_defaults(handler=prepare_file)


def prepare_file(args: Namespace) -> int:
    # OpenCV and the rules' parser only when a photo is prepared, not for `--help`.
    from counter_app.photo.encoding import CannotEncode
    from counter_app.photo.prepare import RefusedPhoto, UnreadablePhoto, decode, prepare_photo
    from counter_app.resources import load_rules

    try:
        limits = load_rules(args.rules).photo_file_size
        image = decode(args.input.read_bytes())
    except (OSError, UnreadablePhoto, RulesError) as error:
        fail(f"cannot read {_what(error, args.input)}: {error}")
        return EXIT_UNREADABLE
    try:
        result = prepare_photo(image, limits)
    except CannotEncode as error:
        fail(f"the rules' byte limits for the photo cannot be met: {error}")
        return EXIT_UNREADABLE
    if isinstance(result, RefusedPhoto):
        if args.json:
            print(json.dumps({"problems": [str(p) for p in result.problems]}))
        for problem in result.problems:
            fail(f"{problem}: {problem.advice}")
        return EXIT_REFUSED
    try:
        args.out.write_bytes(result.jpeg)
    except OSError as error:
        fail(f"cannot write {args.out}: {error}")
        return EXIT_CANNOT_WRITE
    report = result.as_json()
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        face = result.framing.face
        print(
            f"{args.out}: {report['width']}×{report['height']}, {report['bytes']} bytes "
            f"(quality {report['quality']}), face {face.width} px wide at ({face.x}, {face.y}), "
            f"background {report['background']}"
        )
    return EXIT_OK


def _what(error: Exception, photo: Path) -> str:
    return "the rules file" if isinstance(error, RulesError) else str(photo)
