"""What the answer depends on (advisor/engine/depends.py), for the organisations the advisers wrote down."""

from __future__ import annotations

import dataclasses

import pytest

from advisor.engine import decide, depends, evaluate, score, tipping
from advisor.engine.domain import Profile
from tests.engine import organisations, organisations_five, organisations_money

EVERY = (*organisations.ORGANISATIONS, *organisations_five.ORGANISATIONS, *organisations_money.ORGANISATIONS)


def _moved(profile: Profile, field: str, value: float, catalogue) -> Profile:
    """The profile with one answer moved as the tipping search moves it (people carry their rates with them)."""
    profile = decide.with_quotes_for_old_answers(profile, catalogue)
    if field == "employees":
        return evaluate.resized(profile, int(value), decide.evaluate(profile, catalogue).estimates)
    return dataclasses.replace(profile, **{field: value})


@pytest.mark.parametrize("organisation", EVERY, ids=lambda o: o.name)
def test_the_answer_it_depends_on_most_changes_the_answer_at_its_tipping_point_or_nothing_within_reach_does(
    organisation, catalogue
):
    profile = Profile(**organisation.answers)
    result = score(profile, catalogue)
    found = result.depends
    assert found is not None
    if found.most is None:
        assert all(point.value is None for point in result.tipping_points)
        assert found.words.startswith("Nothing within reach of your answers changes the answer")
        assert found.measure == ""
        return
    point = next(p for p in result.tipping_points if p.field == found.most)
    moved = decide.evaluate(_moved(profile, point.field, point.value, catalogue), catalogue)
    assert catalogue.models[moved.best_option].slug == point.becomes != result.recommendation
    assert found.words.startswith(f"The answer depends most on {depends.ANSWER_WORDS[found.most]}")
    assert found.measure == depends.MEASURE[found.most]
    assert found.answers[0].key == found.most and found.answers[0].changes
    # At the far end the search looked at in the tipping point's direction, another option leads.
    end = found.answers[0].high if point.direction == "up" else found.answers[0].low
    gap = found.answers[0].gap_high if point.direction == "up" else found.answers[0].gap_low
    assert gap < 0 and (end >= point.value if point.direction == "up" else end <= point.value)


def test_a_figure_listed_moves_the_lead_the_way_its_swing_says(catalogue):
    """Raising a listed figure's expected value from its low end to its high end moves the expected lead the way
    the fit on the draws says: worked out again here by scoring, which depends.py never does."""
    profile = Profile(industry="professional", employees=25)
    result = score(profile, catalogue)
    checked = 0
    for swing in result.depends.figures[:3]:
        gaps = []
        for value in (swing.low, swing.high):
            ev = decide.evaluate(profile, _with_figure(catalogue, swing, value))
            runner = ev.runner_up()
            gaps.append(ev.ranking[runner] - ev.ranking[ev.best])
        assert (gaps[1] - gaps[0]) * (swing.gap_high - swing.gap_low) > 0, swing
        checked += 1
    assert checked == 3


def _with_figure(catalogue, swing, value: float):
    name = swing.label.split(": ", 1)[0] if ": " in swing.label else None
    if name is None:
        figure = catalogue.figures[swing.key]
        figures = {**catalogue.figures, swing.key: dataclasses.replace(figure, expected=value)}
        return dataclasses.replace(catalogue, figures=figures)
    models = []
    for model in catalogue.models:
        if model.name == name:
            figure = model.figures[swing.key]
            model = dataclasses.replace(
                model, figures={**model.figures, swing.key: dataclasses.replace(figure, expected=value)}
            )
        models.append(model)
    return dataclasses.replace(catalogue, models=tuple(models))


def test_a_figure_the_person_replaced_with_an_answer_is_never_listed(catalogue):
    given = score(Profile(industry="professional", employees=25, incidents_per_month=6.0), catalogue).depends
    estimated = score(Profile(industry="professional", employees=25), catalogue).depends
    assert "incidents_per_person_month" in {s.key for s in estimated.figures}
    assert "incidents_per_person_month" not in {s.key for s in given.figures}


def test_working_it_out_scores_nothing_again(catalogue, monkeypatch):
    profile = Profile(industry="retail", employees=12, it_dependence="high")
    calls = []
    real = decide.evaluate
    monkeypatch.setattr(decide, "evaluate", lambda *a, **k: calls.append(1) or real(*a, **k))
    with_it = score(profile, catalogue)
    counted = len(calls)
    calls.clear()
    monkeypatch.setattr(depends, "work_out", lambda *a, **k: None)
    assert score(profile, catalogue).depends is None and with_it.depends is not None
    assert len(calls) == counted


def test_without_a_runner_up_there_is_nothing_to_depend_on(catalogue):
    one = dataclasses.replace(catalogue, models=catalogue.models[:1])
    assert score(Profile(industry="retail", employees=3), one).depends is None


# Organisations with a quote whose answer and whose answer without the quotes (the shared link's) differ in how
# far their searches look (issue 30: what the answer depends on is the answer the page shows).
WITH_QUOTES = (
    Profile(industry="construction", employees=23, operating_hours="always", budget_preference="pay_as_you_go",
            growth="rapid", backup="tested", it_dependence="critical", devices=58.0, sites=15, it_staff=0.0,
            downtime_cost_per_hour=1031.0, hourly_rate=114.0),
    Profile(industry="hospitality", employees=1231, operating_hours="always", budget_preference="pay_as_you_go",
            growth="shrinking", compliance="moderate", backup="none", it_dependence="low", sites=19, it_staff=2.0,
            hourly_rate=102.0, vat_reclaim="partly"),
    Profile(industry="technology", employees=464, incidents_per_month=29.88, budget_preference="pay_as_you_go",
            growth="shrinking", compliance="moderate", backup="partial", it_dependence="low", devices=1093.0,
            downtime_cost_per_hour=1576.0, msp_fee_per_user=103.0),
)  # fmt: skip


def _ends(profile: Profile, catalogue, answer: bool, without: bool) -> dict:
    """`ends` as the tipping search fills it following the answer, the answer without the quotes, or both."""
    profile = decide.with_quotes_for_old_answers(profile, catalogue)
    prepared = evaluate.prepare(catalogue)
    ev = evaluate.evaluate(profile, catalogue, prepared)
    alone = evaluate.evaluate(dataclasses.replace(profile, quotes=()), catalogue, prepared)
    names = {i: (str(i), str(i)) for i in ev.models}
    views = [tipping.View(tipping.recommended, tipping.standing, ev.best_option, names)] if answer else []
    if without:
        views.append(
            tipping.View(tipping.recommended_without_quotes, tipping.standing_without_quotes, alone.best_option, names)
        )
    ends: dict = {}
    tipping.find_each(profile, catalogue, ev, prepared, views, ends)
    return ends


def test_the_answers_ends_are_those_of_the_answers_own_search_not_the_shared_links(catalogue):
    differ = 0
    for profile in WITH_QUOTES:
        answer = _ends(profile, catalogue, answer=True, without=False)
        differ += answer != _ends(profile, catalogue, answer=False, without=True)
        assert _ends(profile, catalogue, answer=True, without=True) == answer
    assert differ  # the two searches looked at different places for some of them
