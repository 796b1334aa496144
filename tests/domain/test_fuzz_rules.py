"""The locality rules loader against any file an administrator's editor could save: random
text, any TOML value for any key, lines lost, doubled or swapped, values nested beyond reason.
The answer is a RulesError naming the problem, or rules that give every business and reason a
fee and a materials list; never another exception.

(test_rules.py checks each rule with a hand-made file; this throws everything else at it.)"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.application import REASONS_BY_BUSINESS, Business
from counter_app.domain.rules import LocalityRules, RulesError, parse_rules
from tests.domain.test_rules import rules_text

LINES = rules_text().splitlines()
ASSIGNMENTS = [index for index, line in enumerate(LINES) if " = " in line]


def section_of(index: int) -> str:
    return next(LINES[above] for above in range(index, -1, -1) if LINES[above].startswith("["))


FEES = [index for index in ASSIGNMENTS if section_of(index).startswith("[fees.")]
NESTING = 2_000  # deeper than Python's recursion limit lets a recursive parser go


def loaded(text: str) -> LocalityRules | None:
    """The rules, checked for completeness, or None after a RulesError."""
    try:
        rules = parse_rules(text, "fuzz.toml")
    except RulesError as error:
        assert "fuzz.toml" in str(error)
        return None
    for business in Business:
        for reason in REASONS_BY_BUSINESS[business] or (None,):
            assert rules.fee_for(business, reason) >= 0
            rules.materials_for(business, reason)
    return rules


# Quoted amounts, up to far more digits than any fee has (or a Decimal context holds).
amounts = st.builds(
    lambda whole, cents, pad: f'"{pad}{whole}{cents}{pad}"',
    st.integers(min_value=0, max_value=10**40),
    st.sampled_from(["", ".5", ".25", ".125"]),
    st.sampled_from(["", " "]),
)
scalars = st.one_of(
    st.text().map(lambda text: json.dumps(text, ensure_ascii=False)),
    amounts,
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["true", "false", "1979-05-27", "inf", "nan", '""', "[]", "{}"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: f"[{', '.join(items)}]"),
        st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), inner, max_size=3).map(
            lambda table: "{" + ", ".join(f"{k} = {v}" for k, v in table.items()) + "}"
        ),
    ),
    max_leaves=8,
)


def test_the_file_the_fuzzing_starts_from_is_valid() -> None:
    assert loaded(rules_text()) is not None


@given(st.text())
def test_any_text_is_rules_or_a_rules_error(text: str) -> None:
    loaded(text)


@given(st.sampled_from(ASSIGNMENTS), values)
def test_any_value_for_any_key_is_rules_or_a_rules_error(index: int, value: str) -> None:
    key = LINES[index].split(" = ")[0]
    loaded("\n".join([*LINES[:index], f"{key} = {value}", *LINES[index + 1 :]]))


@given(st.sampled_from(FEES), amounts)
def test_any_amount_for_any_fee_is_rules_or_a_rules_error(index: int, amount: str) -> None:
    key = LINES[index].split(" = ")[0]
    loaded("\n".join([*LINES[:index], f"{key} = {amount}", *LINES[index + 1 :]]))


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("drop"), st.integers(0, len(LINES) - 1)),
            st.tuples(st.just("double"), st.integers(0, len(LINES) - 1)),
            st.tuples(st.just("swap"), st.integers(0, len(LINES) - 2)),
            st.tuples(st.just("insert"), st.integers(0, len(LINES) - 1), st.text(max_size=30)),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_lines_lost_doubled_swapped_or_stray_give_rules_or_a_rules_error(
    edits: list[tuple],  # type: ignore[type-arg]
) -> None:
    lines = list(LINES)
    for edit in edits:
        what, at = edit[0], min(edit[1], len(lines) - 1)
        if what == "drop" and lines:
            del lines[at]
        elif what == "double" and lines:
            lines.insert(at, lines[at])
        elif what == "swap" and len(lines) > at + 1:
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif what == "insert":
            lines.insert(at, edit[2])
    loaded("\n".join(lines))


@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{ a = ", "}")])
def test_values_nested_beyond_reason_are_a_rules_error(opening: str, closing: str) -> None:
    value = opening * NESTING + "1" + closing * NESTING
    index = ASSIGNMENTS[0]
    assert loaded("\n".join([*LINES[:index], f"name = {value}", *LINES[index + 1 :]])) is None
