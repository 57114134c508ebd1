"""Every requirement, add-on and consequence figure seeded has a source and a year; a figure nobody has published
is "Our assumption" with a wide range (low below high), never a bare number."""

from __future__ import annotations

import pytest

from advisor.content import requirements_2026_12 as seeded
from advisor.engine.domain import Figure
from tests.catalogues import catalogue_with_options_between, with_requirements

CATALOGUE = with_requirements(catalogue_with_options_between())


def sourced(title: str, year: int | None) -> bool:
    return bool(title) and year is not None


def figure_is_sourced_or_assumed(figure: Figure) -> bool:
    if figure.source_title == seeded.OUR_ASSUMPTION:
        return figure.low < figure.high and figure.source_year is None
    return sourced(figure.source_title, figure.source_year)


@pytest.mark.parametrize("requirement", CATALOGUE.requirements, ids=lambda r: r.code)
def test_each_requirement_says_where_its_rule_comes_from_and_what_failing_it_costs(requirement):
    assert sourced(requirement.source_title, requirement.source_year)
    assert figure_is_sourced_or_assumed(requirement.consequence)
    assert requirement.consequence.note  # what the figure stands for, in words


@pytest.mark.parametrize("addon", CATALOGUE.addons, ids=lambda a: a.code)
def test_each_addon_cost_is_sourced_or_an_assumption_with_a_wide_range(addon):
    assert addon.costs
    for _, figure in addon.costs:
        assert figure_is_sourced_or_assumed(figure), (addon.code, figure)
        assert figure.note


@pytest.mark.parametrize("framework", CATALOGUE.frameworks, ids=lambda f: f"{f.code}-{f.region}")
def test_each_regions_book_names_its_source(framework):
    assert sourced(framework.source_title, framework.source_year)


def test_the_check_fails_for_a_figure_without_a_source():
    bare = Figure("x", "x", 1.0, 2.0, 3.0)
    assert not figure_is_sourced_or_assumed(bare)
    assert not figure_is_sourced_or_assumed(Figure("x", "x", 2.0, 2.0, 2.0, seeded.OUR_ASSUMPTION))
    assert not figure_is_sourced_or_assumed(Figure("x", "x", 1.0, 2.0, 3.0, "A report"))


def test_every_with_addon_cell_names_an_addon_that_exists():
    codes = {a.code for a in CATALOGUE.addons}
    for requirement in CATALOGUE.requirements:
        for slug, meets in requirement.meets.items():
            if meets == "with_addon":
                assert requirement.addons[slug] in codes, (requirement.code, slug)
