"""The decision: ranking by overall, independence from the other options, close calls, scope and notes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings

from advisor.engine import decide, score
from advisor.engine.domain import Catalogue, Profile
from tests.catalogues import seeded_catalogue
from tests.engine.profiles import profiles

CATALOGUE = seeded_catalogue()
OFFICE = Profile(industry="professional_services", employees=20, incidents_per_month=3)


def without(catalogue: Catalogue, slug: str) -> Catalogue:
    return replace(catalogue, models=tuple(m for m in catalogue.models if m.slug != slug))


@given(profile=profiles)
@settings(max_examples=100, deadline=None)
def test_the_recommendation_is_always_the_top_ranked_option(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    assert result.recommendation == result.options[0].slug
    assert [o.overall for o in result.options] == sorted((o.overall for o in result.options), reverse=True)


@given(profile=profiles)
@settings(max_examples=100, deadline=None)
def test_an_options_score_does_not_depend_on_which_other_options_are_listed(profile):
    both = score(profile, CATALOGUE, with_tipping_points=False)
    for slug in ("break-fix", "msp"):
        alone = score(
            profile, without(CATALOGUE, "msp" if slug == "break-fix" else "break-fix"), with_tipping_points=False
        )
        assert alone.options[0].overall == both.option(slug).overall


def test_adding_a_copy_of_an_option_never_reorders_the_others():
    twin = replace(CATALOGUE.models[1], slug="msp-2", name="Another MSP")
    grown = replace(CATALOGUE, models=CATALOGUE.models + (twin,))
    before = [o.slug for o in score(OFFICE, CATALOGUE, with_tipping_points=False).options]
    after = [o.slug for o in score(OFFICE, grown, with_tipping_points=False).options if o.slug != "msp-2"]
    assert before == after


def test_a_close_call_is_said_and_still_names_the_top_option():
    result = score(OFFICE, CATALOGUE, with_tipping_points=False)
    assert result.close_call
    assert result.recommendation == result.options[0].slug
    assert result.options[0].overall - result.options[1].overall < decide.CLOSE_CALL_MARGIN


def test_a_close_call_with_equal_rounded_scores_names_no_winner():
    for incidents in [x / 100 for x in range(200, 400)]:
        result = score(replace(OFFICE, incidents_per_month=incidents), CATALOGUE, with_tipping_points=False)
        if round(result.options[0].overall) == round(result.options[1].overall):
            break
    else:
        raise AssertionError("no profile with equal rounded scores found")
    assert (
        result.headline == "A close call between Managed Services Provider and Break/Fix"
        or result.headline == "A close call between Break/Fix and Managed Services Provider"
    )
    assert "recommend" not in result.headline and "ahead" not in result.summary


def test_a_clear_result_names_its_winner():
    result = score(replace(OFFICE, incidents_per_month=15, compliance="strict"), CATALOGUE)
    assert not result.close_call and result.headline == "We recommend Managed Services Provider"


def test_beyond_250_people_the_result_says_what_such_organisations_usually_do_and_still_ranks():
    result = score(replace(OFFICE, employees=2_000, incidents_per_month=300), CATALOGUE)
    assert result.scope_note and "own IT team" in result.scope_note
    assert result.recommendation in ("break-fix", "msp")


def test_an_it_team_of_several_people_gets_a_scope_note():
    assert score(replace(OFFICE, employees=120, it_staff=4), CATALOGUE).scope_note
    assert score(OFFICE, CATALOGUE).scope_note is None


def test_more_than_five_problems_a_person_a_month_is_called_out_but_taken_as_given():
    result = score(Profile(industry="retail", employees=1, incidents_per_month=100), CATALOGUE)
    assert result.notes and "100 IT problems a month" in result.notes[0]
    assert result.estimates.incidents_per_month == 100
