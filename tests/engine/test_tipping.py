"""Tipping points a person can use: within reach, rounded, never at zero, each checked either side."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import costs, decide, evaluate, score, tipping
from advisor.engine.domain import Profile, TippingPointKind
from tests.catalogues import catalogue_with_options_between, seeded_catalogue, with_requirements
from tests.engine.profiles import profiles, with_quotes_and_requirements

CATALOGUE = seeded_catalogue()
PREPARED = evaluate.prepare(CATALOGUE)
# Every option, and what insurers and frameworks ask: the catalogue of the widest search.
EVERYTHING = with_requirements(catalogue_with_options_between())
EVERYTHING_PREPARED = evaluate.prepare(EVERYTHING)


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


@given(
    profile=st.one_of(profiles, with_quotes_and_requirements).filter(lambda p: p.employees <= 5_000),
    everything=st.booleans(),
)
@settings(max_examples=80, deadline=None)
def test_skipping_the_looks_between_where_downtime_cost_or_problems_cannot_change_the_answer_changes_nothing(
    profile, everything
):
    """The search skips the looks between the person's downtime cost, or problems a month, and the end of its span
    when the same option leads clearly at both (tipping.STRAIGHT): the points, the values the answer's own search
    looked farthest at and the lead there are those of looking at every step."""
    catalogue, prepared = (EVERYTHING, EVERYTHING_PREPARED) if everything else (CATALOGUE, PREPARED)
    profile = decide.with_quotes_for_old_answers(profile, catalogue)
    here = decide.evaluate(profile, catalogue, prepared)
    if here.runner_up() is None:
        return
    names = {i: (str(i), str(i)) for i in here.models}
    alone = decide.evaluate(replace(profile, quotes=()), catalogue, prepared)
    views = [tipping.View(tipping.recommended, tipping.standing, here.best_option, names)]
    if alone.runner_up() is not None:
        views.append(
            tipping.View(tipping.recommended_without_quotes, tipping.standing_without_quotes, alone.best_option, names)
        )
    looks = []
    real = tipping.evaluate
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tipping, "evaluate", lambda *a, **k: looks.append(1) or real(*a, **k))
        ends: dict = {}
        skipping = tipping.find_each(profile, catalogue, here, prepared, views, ends)
        skipped = len(looks)
        patch.setattr(tipping, "STRAIGHT", {})
        every_ends: dict = {}
        assert tipping.find_each(profile, catalogue, here, prepared, views, every_ends) == skipping
    assert every_ends == ends
    assert skipped <= len(looks) - skipped + 4  # at most the two ends of two answers more than every step


@given(
    profile=st.one_of(profiles, with_quotes_and_requirements),
    everything=st.booleans(),
    lowest=st.floats(0.01, 500),
    steps=st.tuples(st.floats(1.01, 10), st.floats(1.01, 10)),
)
@settings(max_examples=120, deadline=None)
def test_every_ranking_figure_rises_with_problems_a_month_along_a_straight_line_but_a_block_of_hours(
    profile, everything, lowest, steps
):
    """What the search's skipping relies on (costs.BENDS_WITH_PROBLEMS): with more problems a month, no option's
    or quote's ranking figure falls, and each moves along a straight line unless it is priced as a block of
    hours."""
    catalogue, prepared = (EVERYTHING, EVERYTHING_PREPARED) if everything else (CATALOGUE, PREPARED)
    profile = decide.with_quotes_for_old_answers(profile, catalogue)
    problems = (lowest, lowest * steps[0], lowest * steps[0] * steps[1])
    evs = [decide.evaluate(replace(profile, incidents_per_month=x), catalogue, prepared) for x in problems]
    for candidate, option in evs[0].models.items():
        low, middle, high = (ev.ranking[candidate] for ev in evs)
        blur = 1e-9 * (1.0 + abs(high))
        assert low <= middle + blur and middle <= high + blur
        if catalogue.models[option].pricing not in costs.BENDS_WITH_PROBLEMS:
            on_the_line = low + (high - low) * (problems[1] - problems[0]) / (problems[2] - problems[0])
            assert middle == pytest.approx(on_the_line, rel=1e-9, abs=1e-6)


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
