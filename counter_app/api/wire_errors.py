"""The interface's refusals on the wire: `{"error": code, "message": words, "detail": {…}}`,
and back into the same exception, so a client over HTTP words a refusal exactly as the
in-process interface's caller does.

The code is the class's name in snake case; the detail holds the arguments its constructor
takes, read from the attributes of the same names and encoded with the codec.
"""

from __future__ import annotations

import functools
import inspect
import re
import typing
from typing import Any

from counter_app.api import errors
from counter_app.api.codec import decode, encode

AUTHORISER_REJECTED = "authoriser_rejected"


def code_of(kind: type[BaseException]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.__name__).lower()


def _error_classes() -> dict[str, type[Exception]]:
    classes = (getattr(errors, name) for name in errors.__all__)
    return {code_of(kind): kind for kind in classes if isinstance(kind, type)}


CLASSES = _error_classes()


@functools.cache
def _parameters(kind: type[BaseException]) -> tuple[tuple[str, Any], ...]:
    """The constructor's named parameters and their types."""
    init = kind.__init__
    if _takes_message(kind):
        return ()
    hints = typing.get_type_hints(init)
    return tuple(
        (name, hints.get(name, Any))
        for name, parameter in inspect.signature(init).parameters.items()
        if name != "self" and parameter.kind is parameter.POSITIONAL_OR_KEYWORD
    )


def body_of(error: BaseException, code: str | None = None) -> dict[str, Any]:
    """The answer's body for `error`."""
    detail = {
        # A message handed to the constructor is kept as the exception's text, not an attribute.
        name: encode(getattr(error, name, str(error) if name == "message" else None))
        for name, _ in _parameters(type(error))
    }
    return {"error": code or code_of(type(error)), "message": str(error), "detail": detail}


def error_from(body: Any) -> Exception | None:
    """The exception a refusal's body names, made again; None for a code this client does not
    know (a newer service) or a body that is no refusal."""
    if not isinstance(body, dict):
        return None
    code, detail = body.get("error"), body.get("detail") or {}
    if code == AUTHORISER_REJECTED:
        # The authoriser's password was wrong: the same BadCredentials the in-process
        # interface raises from `authorised`, so the dialog words it alike.
        code = code_of(errors.BadCredentials)
    kind = CLASSES.get(code) if isinstance(code, str) else None
    if kind is None:
        return None
    parameters = _parameters(kind)
    if not parameters:
        return kind(str(body.get("message", ""))) if _takes_message(kind) else kind()
    try:
        return kind(**{name: decode(hint, detail.get(name)) for name, hint in parameters})
    except (TypeError, ValueError, KeyError):
        return None


def _takes_message(kind: type[BaseException]) -> bool:
    # A built-in exception's constructor: the message is all there is.
    return not inspect.isfunction(kind.__init__)
