"""Organisations whose right answer no adviser would argue about, written down before the engine saw them
(tests/engine/organisations.py, by an adviser who had not read the engine)."""

from __future__ import annotations

import pytest

from advisor.engine import score
from advisor.engine.domain import Profile
from tests.engine.organisations import ORGANISATIONS


@pytest.mark.parametrize("organisation", ORGANISATIONS, ids=lambda o: o.name)
def test_the_engine_gives_the_answer_an_adviser_would(organisation, catalogue):
    result = score(Profile(**organisation.answers), catalogue, with_tipping_points=False)
    assert result.recommendation == organisation.expected, organisation.why


def test_the_organisations_span_sole_traders_to_250_people_and_both_answers():
    sizes = [o.answers["employees"] for o in ORGANISATIONS]
    answers = [o.expected for o in ORGANISATIONS]
    assert len(ORGANISATIONS) >= 30
    assert min(sizes) == 1 and max(sizes) == 250
    assert answers.count("break-fix") >= 10 and answers.count("msp") >= 10
    assert sum(25 <= s <= 250 for s in sizes) >= 15  # the heart of the market
