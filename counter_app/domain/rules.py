"""Locality rules: fees, waivers, materials and lead times an outlet administrator edits.

The rules file is TOML (see resources/rules-320100.toml for a complete example):

    [meta]          name, version (strings), region_code (6 digits)
    [outlet]        name, code (digits)
    [production]    lead_time_working_days (0 = issued the same day)
    [loss_report]   temporary_validity_days (> 0)
    [fees.<business>]       <reason> = "20.00" and/or default = "0.00"
    [waivers.<code>]        zh, en  (optional section)
    [photo]         min_bytes, max_bytes: the card office's limits on the photo's JPEG file
                    (optional section; without it, DEFAULT_PHOTO_FILE_SIZE)
    [materials.catalogue.<code>]  zh, en
    [materials.<business>]  <reason> = [codes] and/or default = [codes] (required materials),
                            optional = [codes] (offered for every reason, not required)

Every business needs a fee and a materials list for each of its reasons (its own or the
default), so a bad file is refused when it is loaded, never at the counter.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

from counter_app.domain.application import REASONS_BY_BUSINESS, Business, Reason

ZERO = Decimal("0.00")
# Materials an agent brings: required, not optional, when an agent acts for the holder.
AGENT_MATERIALS = frozenset({"agent_id", "power_of_attorney"})
_MAX_DAYS = 365  # anything longer is a typo, and would push dates past any sensible horizon
# At most 8 digits before the point: what the fees column (NUMERIC(10, 2)) and a Decimal hold.
_AMOUNT = re.compile(r"[0-9]{1,8}(?:\.[0-9]{1,2})?")
_CODE = re.compile(r"[a-z0-9_]+")
_DEFAULT = "default"
_OPTIONAL = "optional"

T = TypeVar("T")

# What a photo file may weigh: far outside this no card office's published limits lie.
_PHOTO_BYTES = (1_024, 1_048_576)


class RulesError(ValueError):
    """A rules file, or a look-up in one, that cannot be used; `key` is the dotted path."""

    def __init__(self, key: str, problem: str, source: str = "") -> None:
        where = ": ".join(part for part in (source, key) if part)
        super().__init__(f"{where}: {problem}" if where else problem)
        self.key = key
        self.problem = problem
        self.source = source


@dataclass(frozen=True)
class Outlet:
    name: str
    code: str


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def text(self, language: str) -> str:
        """The label in `language` ("zh", "zh_CN", "en-GB"…); English for anything not Chinese."""
        return self.zh if language.lower().startswith("zh") else self.en


@dataclass(frozen=True)
class Material:
    code: str
    label: Label
    required: bool


@dataclass(frozen=True)
class Waiver:
    code: str
    label: Label


@dataclass(frozen=True)
class PhotoFileSize:
    """The least and most bytes the holder's prepared photo (JPEG) may have."""

    min_bytes: int
    max_bytes: int

    def admits(self, size: int) -> bool:
        return self.min_bytes <= size <= self.max_bytes


# Card offices publish 9–20 KB and 14–40 KB: without a [photo] section, a file that fits both.
DEFAULT_PHOTO_FILE_SIZE = PhotoFileSize(14 * 1024, 20 * 1024)


@dataclass(frozen=True)
class LocalityRules:
    source_name: str
    name: str
    version: str
    region_code: str
    outlet: Outlet
    lead_time_working_days: int
    temporary_loss_validity_days: int
    # (business, reason) for every reason of every business; (business, None) is the default.
    fees: Mapping[tuple[Business, Reason | None], Decimal]
    waivers: Mapping[str, Waiver]
    materials: Mapping[tuple[Business, Reason | None], tuple[Material, ...]]
    photo_file_size: PhotoFileSize = DEFAULT_PHOTO_FILE_SIZE

    @property
    def summary(self) -> str:
        """What the status bar shows, e.g. "320100 v3"."""
        return f"{self.region_code} v{self.version}"

    def fee_for(
        self, business: Business, reason: Reason | None, waiver_code: str | None = None
    ) -> Decimal:
        """The fee; 0.00 with a waiver. An unknown waiver code raises RulesError."""
        _check_reason(business, reason)
        if waiver_code is not None and waiver_code not in self.waivers:
            raise RulesError(
                f"waivers.{waiver_code}", "no such waiver in these rules", self.source_name
            )
        fee = self.fees.get((business, reason), self.fees.get((business, None)))
        if fee is None:
            raise RulesError(
                f"fees.{business}.{_DEFAULT}", "no fee without a reason", self.source_name
            )
        return ZERO if waiver_code is not None else fee

    def materials_for(self, business: Business, reason: Reason | None) -> tuple[Material, ...]:
        """The checklist: the reason's own list, else the business's default list."""
        _check_reason(business, reason)
        found = self.materials.get((business, reason), self.materials.get((business, None)))
        if found is None:
            raise RulesError(
                f"materials.{business}.{_DEFAULT}",
                "no materials list without a reason",
                self.source_name,
            )
        return found

    def checklist(
        self, business: Business, reason: Reason | None, agent_acts: bool = False
    ) -> tuple[tuple[Material, bool], ...]:
        """The materials for this business and reason, each with whether it is required: an
        agent's documents are, when an agent acts for the holder."""
        return tuple(
            (material, material.required or (agent_acts and material.code in AGENT_MATERIALS))
            for material in self.materials_for(business, reason)
        )

    def expected_pickup_date(self, accepted: date) -> date:
        """`accepted` plus the lead time in working days (Monday to Friday).

        There is no holiday calendar: a public holiday in between is counted as a working day.
        """
        day = accepted
        remaining = self.lead_time_working_days
        while remaining:
            day += timedelta(days=1)
            if day.weekday() < 5:
                remaining -= 1
        return day

    def temporary_loss_expires(self, reported: date) -> date:
        """The day a temporary loss report made on `reported` lapses (calendar days)."""
        return reported + timedelta(days=self.temporary_loss_validity_days)


def _check_reason(business: Business, reason: Reason | None) -> None:
    # A reason from another business is a programming error, not a rules-file problem.
    if reason is not None and reason not in REASONS_BY_BUSINESS[business]:
        raise ValueError(f"{reason} is not a reason for {business}")


def parse_rules(text: str, source_name: str) -> LocalityRules:
    """The rules in `text`, or RulesError naming the first bad key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError("", f"not valid TOML: {exc}", source_name) from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise RulesError("", "not valid TOML: values nested too deeply", source_name) from None
    try:
        return _parse(data, source_name)
    except RulesError as exc:
        raise RulesError(exc.key, exc.problem, source_name) from None


def _parse(data: dict[str, Any], source_name: str) -> LocalityRules:
    _check_keys(
        data,
        "",
        required=("meta", "outlet", "production", "loss_report", "fees", "materials"),
        optional=("waivers", "photo"),
    )
    meta = _table(data, "meta", "")
    _check_keys(meta, "meta", required=("name", "version", "region_code"))
    region_code = _string(meta, "region_code", "meta")
    if not re.fullmatch(r"[0-9]{6}", region_code):
        raise RulesError("meta.region_code", 'must be 6 digits, e.g. "320100"')

    outlet = _table(data, "outlet", "")
    _check_keys(outlet, "outlet", required=("name", "code"))
    outlet_code = _string(outlet, "code", "outlet")
    if not outlet_code.isascii() or not outlet_code.isdigit():
        raise RulesError("outlet.code", "must be digits")

    production = _table(data, "production", "")
    _check_keys(production, "production", required=("lead_time_working_days",))
    loss_report = _table(data, "loss_report", "")
    _check_keys(loss_report, "loss_report", required=("temporary_validity_days",))

    waivers = _parse_waivers(_table(data, "waivers", "")) if "waivers" in data else {}
    return LocalityRules(
        source_name=source_name,
        name=_string(meta, "name", "meta"),
        version=_string(meta, "version", "meta"),
        region_code=region_code,
        outlet=Outlet(name=_string(outlet, "name", "outlet"), code=outlet_code),
        lead_time_working_days=_days(production, "lead_time_working_days", "production", 0),
        temporary_loss_validity_days=_days(
            loss_report, "temporary_validity_days", "loss_report", 1
        ),
        fees=MappingProxyType(_parse_fees(_table(data, "fees", ""))),
        waivers=MappingProxyType(waivers),
        materials=MappingProxyType(_parse_materials(_table(data, "materials", ""))),
        photo_file_size=(
            _parse_photo(_table(data, "photo", "")) if "photo" in data else DEFAULT_PHOTO_FILE_SIZE
        ),
    )


def _parse_photo(photo: dict[str, Any]) -> PhotoFileSize:
    _check_keys(photo, "photo", required=("min_bytes", "max_bytes"))
    low, high = (_bytes(photo, key) for key in ("min_bytes", "max_bytes"))
    if low >= high:
        raise RulesError("photo.max_bytes", "must be larger than photo.min_bytes")
    return PhotoFileSize(low, high)


def _bytes(table: dict[str, Any], key: str) -> int:
    value = table[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise RulesError(f"photo.{key}", "must be a whole number of bytes")
    if not _PHOTO_BYTES[0] <= value <= _PHOTO_BYTES[1]:
        raise RulesError(f"photo.{key}", f"must be between {_PHOTO_BYTES[0]} and {_PHOTO_BYTES[1]}")
    return value


def _parse_fees(fees: dict[str, Any]) -> dict[tuple[Business, Reason | None], Decimal]:
    _check_keys(fees, "fees", required=[b.value for b in Business], what="a business")
    result: dict[tuple[Business, Reason | None], Decimal] = {}
    for business in Business:
        path = f"fees.{business}"
        table = _table(fees, business, "fees")
        reasons = REASONS_BY_BUSINESS[business]
        _check_keys(table, path, optional=[_DEFAULT, *reasons], what=f"a reason for {business}")
        amounts = {key: _amount(value, f"{path}.{key}") for key, value in table.items()}
        for key, amount in _cover(amounts, business, path).items():
            result[(business, key)] = amount
    return result


def _parse_waivers(waivers: dict[str, Any]) -> dict[str, Waiver]:
    return {code: Waiver(code, label) for code, label in _labels(waivers, "waivers").items()}


def _labels(table: dict[str, Any], path: str) -> dict[str, Label]:
    """Sub-tables `[<path>.<code>] zh = …, en = …` by code."""
    labels: dict[str, Label] = {}
    for code in table:
        key = f"{path}.{code}"
        # Codes end up in the database and in audit events: keep them plain.
        if not _CODE.fullmatch(code):
            raise RulesError(key, "a code is lower-case letters, digits and _")
        labels[code] = _label(_table(table, code, path), key)
    return labels


def _parse_materials(
    materials: dict[str, Any],
) -> dict[tuple[Business, Reason | None], tuple[Material, ...]]:
    _check_keys(
        materials,
        "materials",
        required=["catalogue", *(b.value for b in Business)],
        what="a business or catalogue",
    )
    catalogue_table = _table(materials, "catalogue", "materials")
    catalogue = _labels(catalogue_table, "materials.catalogue")
    result: dict[tuple[Business, Reason | None], tuple[Material, ...]] = {}
    for business in Business:
        path = f"materials.{business}"
        table = _table(materials, business, "materials")
        reasons = REASONS_BY_BUSINESS[business]
        _check_keys(
            table, path, optional=[_DEFAULT, _OPTIONAL, *reasons], what=f"a reason for {business}"
        )
        lists = {key: _codes(value, f"{path}.{key}", catalogue) for key, value in table.items()}
        offered = lists.pop(_OPTIONAL, ())
        extras = tuple(Material(code, catalogue[code], required=False) for code in offered)
        for key, codes in _cover(lists, business, path).items():
            both = set(codes) & set(offered)
            if both:
                raise RulesError(
                    f"{path}.{_OPTIONAL}", f"{', '.join(sorted(both))} also listed as required"
                )
            required = tuple(Material(code, catalogue[code], required=True) for code in codes)
            result[(business, key)] = required + extras
    return result


def _cover(values: dict[str, T], business: Business, path: str) -> dict[Reason | None, T]:
    """Values for every reason of `business` (own or default), plus None for the default."""
    covered: dict[Reason | None, T] = {}
    if _DEFAULT in values:
        covered[None] = values[_DEFAULT]
    reasons = REASONS_BY_BUSINESS[business]
    for reason in reasons:
        if reason.value in values:
            covered[reason] = values[reason.value]
        elif _DEFAULT in values:
            covered[reason] = values[_DEFAULT]
        else:
            raise RulesError(f"{path}.{reason}", f"missing, and {path} has no {_DEFAULT}")
    if not reasons and _DEFAULT not in values:
        raise RulesError(f"{path}.{_DEFAULT}", f"missing ({business} has no reasons)")
    return covered


def _check_keys(
    table: dict[str, Any],
    path: str,
    required: tuple[str, ...] | list[str] = (),
    optional: tuple[str, ...] | list[str] = (),
    what: str = "a known key",
) -> None:
    known = [*required, *optional]
    for key in table:
        if key not in known:
            raise RulesError(_join(path, key), f"not {what} (expected one of {', '.join(known)})")
    for key in required:
        if key not in table:
            raise RulesError(_join(path, key), "missing")


def _table(parent: dict[str, Any], key: str, path: str) -> dict[str, Any]:
    value = parent[key]
    if not isinstance(value, dict):
        raise RulesError(_join(path, key), "must be a table ([section])")
    return value


def _string(table: dict[str, Any], key: str, path: str) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise RulesError(_join(path, key), "must be a non-empty quoted string")
    return value.strip()


def _days(table: dict[str, Any], key: str, path: str, minimum: int) -> int:
    value = table[key]
    # bool is an int in Python: `true` must not pass as 1.
    if not isinstance(value, int) or isinstance(value, bool):
        raise RulesError(_join(path, key), "must be a whole number of days")
    if not minimum <= value <= _MAX_DAYS:
        raise RulesError(_join(path, key), f"must be between {minimum} and {_MAX_DAYS}")
    return value


def _amount(value: Any, key: str) -> Decimal:
    # Quoted strings only: a bare 20.1 would be a binary float before we ever saw it.
    if not isinstance(value, str) or not _AMOUNT.fullmatch(value.strip()):
        raise RulesError(
            key, 'must be a quoted amount below 100000000 with at most 2 decimals, e.g. "20.00"'
        )
    return Decimal(value.strip()).quantize(ZERO)


def _label(table: dict[str, Any], path: str) -> Label:
    _check_keys(table, path, required=("zh", "en"))
    return Label(zh=_string(table, "zh", path), en=_string(table, "en", path))


def _codes(value: Any, key: str, catalogue: Mapping[str, Label]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise RulesError(key, "must be a list of material codes")
    for code in value:
        if code not in catalogue:
            raise RulesError(key, f"material {code!r} is not in materials.catalogue")
    if len(set(value)) != len(value):
        raise RulesError(key, "lists a material twice")
    return tuple(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
