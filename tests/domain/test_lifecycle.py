"""The application lifecycle against business.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.application import (
    TRANSITIONS,
    Action,
    IllegalTransition,
    State,
    allowed_actions,
    is_final,
    next_state,
)

# business.md, "Application lifecycle", transition by transition:
#   draft → submitted → approved | rejected; rejected → draft;
#   approved → in production → ready for pickup → issued; draft | submitted → cancelled.
EXPECTED = {
    (State.DRAFT, State.SUBMITTED),
    (State.SUBMITTED, State.APPROVED),
    (State.SUBMITTED, State.REJECTED),
    (State.REJECTED, State.DRAFT),
    (State.APPROVED, State.IN_PRODUCTION),
    (State.IN_PRODUCTION, State.READY),
    (State.READY, State.ISSUED),
    (State.DRAFT, State.CANCELLED),
    (State.SUBMITTED, State.CANCELLED),
}


def test_transitions_are_exactly_the_documented_ones() -> None:
    pairs = [(source, target) for (source, _), target in TRANSITIONS.items()]
    assert set(pairs) == EXPECTED
    assert len(pairs) == len(EXPECTED)  # one action per documented step, no synonyms


def test_final_states_are_issued_and_cancelled() -> None:
    assert {state for state in State if is_final(state)} == {State.ISSUED, State.CANCELLED}
    for state in State:
        assert is_final(state) == (not allowed_actions(state))


def test_every_state_is_reachable_from_draft_and_can_end() -> None:
    reachable = {State.DRAFT}
    frontier = [State.DRAFT]
    while frontier:
        state = frontier.pop()
        for action in allowed_actions(state):
            target = next_state(state, action)
            if target not in reachable:
                reachable.add(target)
                frontier.append(target)
    assert reachable == set(State)
    # No dead end: from every state some final state can still be reached.
    for state in State:
        seen, todo = {state}, [state]
        while todo:
            current = todo.pop()
            for action in allowed_actions(current):
                target = next_state(current, action)
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        assert any(is_final(s) for s in seen), state


def test_an_illegal_action_names_state_and_action() -> None:
    with pytest.raises(IllegalTransition) as caught:
        next_state(State.ISSUED, Action.CANCEL)
    assert caught.value.state is State.ISSUED
    assert caught.value.action is Action.CANCEL


@given(st.sampled_from(State), st.lists(st.sampled_from(Action), max_size=30))
def test_random_action_sequences_follow_the_table_or_change_nothing(
    start: State, actions: list[Action]
) -> None:
    state = start
    for action in actions:
        before = state
        try:
            state = next_state(state, action)
        except IllegalTransition as error:
            assert (before, action) not in TRANSITIONS
            assert action not in allowed_actions(before)
            assert (error.state, error.action) == (before, action)
            assert state is before
        else:
            assert TRANSITIONS[(before, action)] is state
            assert action in allowed_actions(before)
            assert (before, state) in EXPECTED
