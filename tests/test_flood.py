"""Flood control, the core: a sliding window per user, one notice, silence, and bounded memory; a fake clock."""

from __future__ import annotations

import pytest
from fake_clock import Clock

from bot.telegram.flood import FloodGate, Verdict


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_up_to_the_limit_is_answered_then_one_notice_then_silence(clock: Clock) -> None:
    gate = FloodGate(3, 60, clock=clock)

    verdicts = [gate.check(7) for _ in range(6)]

    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.NOTICE] + [Verdict.SILENT] * 2


def test_other_users_are_unaffected_by_one_users_flood(clock: Clock) -> None:
    gate = FloodGate(2, 60, clock=clock)
    for _ in range(5):
        gate.check(7)

    assert [gate.check(8), gate.check(8)] == [Verdict.ANSWER, Verdict.ANSWER]


def test_the_window_is_sliding_each_answered_question_frees_its_place_when_it_ages_out(clock: Clock) -> None:
    gate = FloodGate(2, 60, clock=clock)
    gate.check(7)
    clock.now += 30
    gate.check(7)
    assert gate.check(7) is Verdict.NOTICE

    clock.now += 30  # the first question is a window old: one place is free, not two
    assert [gate.check(7), gate.check(7)] == [Verdict.ANSWER, Verdict.NOTICE]


def test_after_the_window_passes_the_user_is_answered_and_a_new_flood_gets_a_new_notice(clock: Clock) -> None:
    gate = FloodGate(1, 60, clock=clock)
    assert [gate.check(7), gate.check(7), gate.check(7)] == [Verdict.ANSWER, Verdict.NOTICE, Verdict.SILENT]

    clock.now += 60

    assert [gate.check(7), gate.check(7)] == [Verdict.ANSWER, Verdict.NOTICE]


def test_refused_questions_do_not_count_so_a_user_who_keeps_asking_is_answered_at_the_limits_pace(
    clock: Clock,
) -> None:
    gate = FloodGate(2, 60, clock=clock)
    answered = 0
    for _ in range(600):  # one question a second for ten minutes
        answered += gate.check(7) is Verdict.ANSWER
        clock.now += 1

    assert answered == 20


@pytest.mark.parametrize(("limit", "window"), [(0, 60), (20, 0)])
def test_a_zero_limit_or_window_turns_flood_control_off(clock: Clock, limit: int, window: float) -> None:
    gate = FloodGate(limit, window, clock=clock)

    assert not gate.enabled
    assert all(gate.check(7) is Verdict.ANSWER for _ in range(1000))
    assert len(gate) == 0


def test_users_idle_for_a_window_are_forgotten_so_memory_stays_bounded(clock: Clock) -> None:
    gate = FloodGate(5, 60, clock=clock)
    for user_id in range(10_000):
        gate.check(user_id)
    assert len(gate) == 10_000

    clock.now += 61
    gate.check(1)

    assert len(gate) == 1


def test_a_user_seen_recently_is_remembered_while_idle_ones_go(clock: Clock) -> None:
    gate = FloodGate(1, 60, clock=clock)
    gate.check(7)
    gate.check(8)
    clock.now += 50
    gate.check(8)  # over the limit: noticed, and seen
    clock.now += 20

    gate.check(9)

    assert len(gate) == 2  # 7 was idle for 70 s; 8 was seen 20 s ago
    assert gate.check(8) is Verdict.ANSWER  # its one question is 70 s old


def test_a_negative_limit_or_window_is_refused() -> None:
    with pytest.raises(ValueError):
        FloodGate(-1, 60)
    with pytest.raises(ValueError):
        FloodGate(1, -60)


def test_a_users_window_kept_as_plain_data_survives_a_new_gate(clock: Clock) -> None:
    gate = FloodGate(2, 60, clock=clock)
    gate.check(7)
    gate.check(7)
    saved = gate.saved(7)
    restarted = FloodGate(2, 60, clock=clock)
    assert restarted.check(7, saved=saved) is Verdict.NOTICE
    assert FloodGate(2, 60, clock=clock).check(7, saved={"answered": "garbage"}) is Verdict.ANSWER
    assert FloodGate(2, 60, clock=clock).saved(7) is None
