"""Whatever is typed or pasted into any field of any business — control characters, 10,000
characters, GB18030 four-byte characters, right-to-left marks — gives a problem code or is
accepted cleanly: never an exception, never a record that cannot be stored."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain import details
from counter_app.domain.application import Business
from counter_app.resources import load_rules
from counter_app.workflows import records
from counter_app.workflows.businesses import start
from counter_app.workflows.context import Context
from counter_app.workflows.fields import Kind
from counter_app.workflows.problems import Problem

RULES = load_rules()
NASTY = st.sampled_from(
    ["\u202e", "\u200f", "\x00", "\x1b[2J", "\r\n", "𠀀", "𪚥", "\ufeff", "'; DROP TABLE x; --"]
)
TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF), max_size=20),
    st.builds(lambda part, n: part * n, NASTY, st.integers(1, 5)),
    st.builds(lambda n: "路" * n, st.integers(9_990, 10_010)),
    st.builds(lambda a, b, c: a + b + c, st.text(max_size=10), NASTY, st.text(max_size=10)),
)
# Every (business, step index, field name) that takes typed text.
TYPED = [
    (business, index, field.name)
    for business in Business
    for index, step in enumerate(start(business, Context(date(2026, 11, 23), RULES)).steps)
    for field in step.fields(start(business, Context(date(2026, 11, 23), RULES)))
    if field.kind in {Kind.TEXT, Kind.DATE}
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(where=st.sampled_from(TYPED), text=TEXT)
def test_any_text_in_any_field_is_judged_not_crashed(where, text) -> None:  # type: ignore[no-untyped-def]
    business, index, name = where
    flow = start(business, Context(date(2026, 11, 23), RULES))
    step = flow.steps[index]
    flow.set(name, text, step.id)
    flow.position = index
    problems = flow.problems(step)
    assert all(isinstance(problem, Problem) for problem in problems)
    stripped = text.strip()
    field = next(f for f in step.fields(flow) if f.name == name)
    if len(stripped) > field.max_length or any(ord(c) < 0x20 or c == "\u202e" for c in stripped):
        assert any(problem.field == name for problem in problems), (name, text[:40])
    if business in {Business.REPLACEMENT, Business.REISSUE, Business.CORRECTION}:
        kept = records.details(flow)
        stored = json.loads(json.dumps(details.to_json(kept), ensure_ascii=False))
        assert details.from_json(stored).flow == kept.flow  # storable and read back
