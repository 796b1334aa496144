"""Typed values to plain JSON and back: what crosses the wire between the interface's HTTP
client and the service, and what a kept document stores for its reprints.

One implementation for both, driven by the type hints: dataclasses as objects, enums by value,
dates and datetimes as ISO text, durations as seconds, amounts (Decimal) as strings, tuples,
lists and sets as arrays, UUIDs as text, bytes as base64, and mappings as objects (or, when a
key is not text once encoded, as an array of [key, value] pairs). It imports nothing of the
project, so the printing and the services below the interface may use it too.
"""

from __future__ import annotations

import base64
import collections.abc
import dataclasses
import functools
import json
import types
import typing
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any


def encode(value: Any) -> Any:
    """Plain JSON values for `value`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    if isinstance(value, frozenset | set):
        # Sorted by their JSON text: the same set always encodes alike.
        return sorted((encode(item) for item in value), key=json.dumps)
    if isinstance(value, collections.abc.Mapping):
        return _encode_mapping(value)
    return value


def _encode_mapping(value: collections.abc.Mapping[Any, Any]) -> Any:
    pairs = [(encode(key), encode(item)) for key, item in value.items()]
    if all(isinstance(key, str) for key, _ in pairs):
        return dict(pairs)
    return [[key, item] for key, item in pairs]


def decode(kind: Any, value: Any) -> Any:
    """The value of type `kind` that encode turned into `value` (TypeError / ValueError when it
    cannot be one)."""
    if kind is Any or kind is object:
        return value
    if kind is None or kind is type(None):
        if value is not None:
            raise TypeError(f"expected null, not {value!r}")
        return None
    origin = typing.get_origin(kind)
    if origin is not None:
        return _decode_generic(kind, origin, typing.get_args(kind), value)
    if value is None:
        raise TypeError(f"expected {getattr(kind, '__name__', kind)}, not null")
    if dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        return scalar(value)
    return value


def _decode_generic(kind: Any, origin: Any, args: tuple[Any, ...], value: Any) -> Any:
    if origin in (typing.Union, types.UnionType):
        return _decode_union(args, value)
    if origin is typing.Literal:
        if value not in args:
            raise ValueError(f"{value!r} is none of {args}")
        return value
    if value is None:
        raise TypeError(f"expected {kind}, not null")
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in _array(value))
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} items, not {len(value)}")
        return tuple(decode(arg, item) for arg, item in zip(args, _array(value), strict=True))
    if origin in (list, collections.abc.Sequence, collections.abc.Collection):
        (item_kind,) = args or (Any,)
        return [decode(item_kind, item) for item in _array(value)]
    if origin in (frozenset, set, collections.abc.Set):
        (item_kind,) = args or (Any,)
        return (set if origin is set else frozenset)(decode(item_kind, i) for i in _array(value))
    if origin in (dict, collections.abc.Mapping):
        key_kind, item_kind = args or (Any, Any)
        pairs = value.items() if isinstance(value, dict) else value
        return {decode(key_kind, key): decode(item_kind, item) for key, item in pairs}
    return value


def _decode_union(args: tuple[Any, ...], value: Any) -> Any:
    if value is None:
        if type(None) in args:
            return None
        raise TypeError(f"expected one of {args}, not null")
    options = [arg for arg in args if arg is not type(None)]
    if len(options) == 1:
        return decode(options[0], value)
    # Several: the plain JSON type that fits as it is, else the first that decodes.
    for option in options:
        if option in (str, int, bool) and type(value) is option:
            return value
    failures = []
    for option in options:
        try:
            return decode(option, value)
        except (TypeError, ValueError, KeyError) as error:
            failures.append(error)
    raise ValueError(f"{value!r} is none of {options}: {failures}")


def _array(value: Any) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected an array, not {value!r}")
    return list(value)


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode_dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object for {kind.__name__}, not {value!r}")
    hints = _hints(kind)
    known = {field.name: field for field in dataclasses.fields(kind)}
    unknown = set(value) - set(known)
    if unknown:
        raise ValueError(f"{kind.__name__} has no {', '.join(sorted(unknown))}")
    return kind(
        **{name: decode(hints[name], item) for name, item in value.items() if known[name].init}
    )


def _bytes(value: str) -> bytes:
    return base64.b64decode(value, validate=True)


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, not {value!r}")
    return float(value)


def _exactly(kind: type) -> Any:
    def check(value: Any) -> Any:
        # bool is an int in Python, not in JSON.
        if type(value) is not kind:
            raise TypeError(f"expected {kind.__name__}, not {value!r}")
        return value

    return check


_SCALARS: dict[Any, Any] = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    timedelta: lambda value: timedelta(seconds=_float(value)),
    Decimal: lambda value: Decimal(str(value)),
    uuid.UUID: uuid.UUID,
    bytes: _bytes,
    float: _float,
    int: _exactly(int),
    str: _exactly(str),
    bool: _exactly(bool),
}
