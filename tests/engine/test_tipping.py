"""Tipping points a person can use: within reach, rounded, never at zero, each checked either side."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings

from advisor.engine import decide, evaluate, score, tipping
from advisor.engine.domain import Profile, TippingPointKind
from tests.catalogues import seeded_catalogue
from tests.engine.profiles import profiles

CATALOGUE = seeded_catalogue()
PREPARED = evaluate.prepare(CATALOGUE)


def outcome(profile: Profile, field: str, value: float, kind: TippingPointKind) -> int:
    profile = decide.with_quotes_for_old_answers(profile, CATALOGUE)  # as score() reads them
    here = decide.evaluate(profile, CATALOGUE, PREPARED)
    moved = (
        evaluate.resized(profile, int(value), here.estimates)
        if field == "employees"
        else replace(profile, **{field: value})
    )
    ev = decide.evaluate(moved, CATALOGUE, PREPARED)
    return ev.best_option if kind is TippingPointKind.RECOMMENDATION else ev.cheapest


def one_step_short(field: str, value: float, direction: str) -> float:
    step = 1.0 if field == "employees" else max(0.01, tipping.RELATIVE_PRECISION * value)
    return value - step if direction == "up" else value + step


@given(profile=profiles.filter(lambda p: p.employees <= 5_000))
@settings(max_examples=60, deadline=None)
def test_every_tipping_point_changes_the_outcome_and_one_step_short_does_not(profile):
    result = score(profile, CATALOGUE)
    slugs = [m.slug for m in CATALOGUE.models]
    here = {TippingPointKind.RECOMMENDATION: slugs.index(result.recommendation)}
    here[TippingPointKind.CHEAPER] = decide.evaluate(
        decide.with_quotes_for_old_answers(profile, CATALOGUE), CATALOGUE, PREPARED
    ).cheapest
    for point in result.tipping_points:
        if point.value is None:
            continue
        assert slugs[outcome(profile, point.field, point.value, point.kind)] == point.becomes
        short = one_step_short(point.field, point.value, point.direction)
        assert outcome(profile, point.field, short, point.kind) == here[point.kind]


@given(profile=profiles)
@settings(max_examples=60, deadline=None)
def test_tipping_points_lie_within_a_tenth_to_ten_times_the_persons_value_and_never_at_zero(profile):
    for point in score(profile, CATALOGUE).tipping_points:
        if point.value is not None:
            assert point.value > 0
            assert point.current / tipping.SPAN - 1 <= point.value <= point.current * tipping.SPAN + 1


def test_at_most_three_tipping_sentences_one_for_each_lever():
    points = score(Profile(industry="legal", employees=25, incidents_per_month=4), CATALOGUE).tipping_points
    assert len(points) <= 3
    assert sorted(p.field for p in points) == sorted(tipping.SEARCHED)
    assert {p.kind.value for p in points} == {"recommendation"}


def test_sentences_round_to_two_significant_figures():
    assert tipping.describe("incidents_per_month", 9.4321) == "9.4 IT problems a month"
    assert tipping.describe("downtime_cost_per_hour", 2837.2) == "$2,800 an hour of downtime"
    assert tipping.describe("employees", 43) == "43 people"
    assert tipping.describe("employees", 1) == "1 person"


def test_a_change_reads_as_one_plain_sentence_and_nothing_within_reach_says_so():
    points = score(Profile(industry="legal", employees=25, incidents_per_month=4), CATALOGUE).tipping_points
    for point in points:
        if point.value is None:
            assert point.text.startswith("Nothing within reach changes")
        else:
            assert point.text.startswith("At about ") and point.text.count(".") <= 2


@given(profile=profiles.filter(lambda p: p.hourly_rate is not None or p.msp_fee_per_user is not None))
@settings(max_examples=40, deadline=None)
def test_the_answer_without_quotes_has_the_tipping_points_of_the_same_answers_given_without_quotes(profile):
    """One search serves the answer and the answer the shared link shows: its points are exactly those of the
    organisation scored with no quotes at all."""
    alone = replace(profile, hourly_rate=None, msp_fee_per_user=None)
    shared = score(profile, CATALOGUE).without_quotes
    assert shared is not None
    assert shared.tipping_points == score(alone, CATALOGUE).tipping_points


@given(profile=profiles.filter(lambda p: p.employees <= 5_000))
@settings(max_examples=60, deadline=None)
def test_skipping_the_looks_between_where_downtime_cost_cannot_change_the_answer_changes_nothing(profile):
    """The search skips the looks between the person's downtime cost and the end of its span when the same option
    leads clearly at both (the ranking figures move along straight lines with it): the points, the values the
    answer's own search looked farthest at and the lead there are those of looking at every step."""
    profile = decide.with_quotes_for_old_answers(profile, CATALOGUE)
    here = decide.evaluate(profile, CATALOGUE, PREPARED)
    if here.runner_up() is None:
        return
    names = {i: (str(i), str(i)) for i in here.models}
    alone = decide.evaluate(replace(profile, quotes=()), CATALOGUE, PREPARED)
    views = [
        tipping.View(tipping.recommended, tipping.standing, here.best_option, names),
        tipping.View(tipping.recommended_without_quotes, tipping.standing_without_quotes, alone.best_option, names),
    ]
    looks = []
    real = tipping.evaluate
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tipping, "evaluate", lambda *a, **k: looks.append(1) or real(*a, **k))
        ends: dict = {}
        skipping = tipping.find_each(profile, CATALOGUE, here, PREPARED, views, ends)
        skipped = len(looks)
        patch.setattr(tipping, "AFFINE", ())
        every_ends: dict = {}
        assert tipping.find_each(profile, CATALOGUE, here, PREPARED, views, every_ends) == skipping
    assert every_ends == ends
    assert skipped <= len(looks) - skipped + 2  # at most the two ends more than looking at every step


def test_the_looks_between_are_skipped_where_downtime_cost_cannot_change_the_answer(monkeypatch):
    profile = Profile(industry="retail", employees=12, downtime_cost_per_hour=100.0)
    here = decide.evaluate(profile, CATALOGUE, PREPARED)
    looked = []
    real = tipping.evaluate
    monkeypatch.setattr(tipping, "evaluate", lambda moved, *a, **k: looked.append(moved) or real(moved, *a, **k))
    points = tipping.find(profile, CATALOGUE, here, PREPARED, {i: (str(i), str(i)) for i in here.models})
    downtime = next(p for p in points if p.field == "downtime_cost_per_hour")
    assert downtime.value is None  # nothing within reach changes it...
    moved = [p.downtime_cost_per_hour for p in looked if p.employees == 12 and p.incidents_per_month is None]
    assert len(moved) == 2  # ...which the two ends of the span show, without the eight looks between
