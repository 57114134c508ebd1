"""Hypothesis strategies for organisations over the whole input space the form accepts."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from advisor.engine import answers
from advisor.engine.domain import HOURLY_QUOTE_MODELS, QUOTE_INCLUDES, QUOTE_MODELS, Profile, Quote
from advisor.engine.requirements import CONTROLS, FRAMEWORKS


def _choice(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([value for value, _ in answers.question(name).choices])


def _number(name: str, *, whole: bool = False, optional: bool = False):
    q = answers.question(name)
    values = (
        st.integers(int(q.minimum), int(q.maximum))
        if whole
        else st.floats(q.minimum, q.maximum, allow_nan=False).map(lambda v: round(v, 2))
    )
    return st.one_of(st.none(), values) if optional else values


def _log_spread(name: str, low: float, optional: bool):
    """Numbers spread over every order of magnitude up to the form's limit (uniform draws would be huge)."""
    q = answers.question(name)
    values = st.floats(0, 1).map(lambda u: round(low * (q.maximum / low) ** u, 2))
    values = st.one_of(st.just(0.0), values) if q.minimum == 0 else values
    return st.one_of(st.none(), values) if optional else values


profiles = st.builds(
    Profile,
    industry=_choice("industry"),
    employees=st.one_of(st.integers(1, 300), st.integers(1, 100_000)),
    incidents_per_month=_log_spread("incidents_per_month", 0.01, True),
    operating_hours=_choice("operating_hours"),
    budget_preference=_choice("budget_preference"),
    growth=_choice("growth"),
    compliance=_choice("compliance"),
    backup=_choice("backup"),
    it_dependence=_choice("it_dependence"),
    devices=st.one_of(st.none(), st.integers(0, 1_000_000).map(float), st.integers(0, 2_000).map(float)),
    sites=st.one_of(st.integers(1, 20), st.integers(1, 10_000)),
    it_staff=st.one_of(st.just(0.0), st.sampled_from([0.5, 1.0, 2.0, 5.0]), _log_spread("it_staff", 0.01, False)),
    downtime_cost_per_hour=_log_spread("downtime_cost_per_hour", 1, True),
    hourly_rate=st.one_of(st.none(), _log_spread("hourly_rate", 1, False)),
    msp_fee_per_user=st.one_of(st.none(), _log_spread("msp_fee_per_user", 1, False)),
)


@st.composite
def quotes(draw: st.DrawFn) -> tuple[Quote, ...]:
    """Up to three quotes for any option a quote can buy, with any mix of what they include and promise."""
    found = []
    for n in range(draw(st.integers(0, 3))):
        model = draw(st.sampled_from([key for key, _ in QUOTE_MODELS]))
        hourly = model in HOURLY_QUOTE_MODELS
        found.append(
            Quote(
                name=f"Quote {n + 1}",
                model=model,
                hourly_rate=draw(st.floats(20, 400).map(lambda v: round(v, 2))) if hourly else None,
                price_per_user_month=None if hourly else draw(st.floats(5, 400).map(lambda v: round(v, 2))),
                flat_monthly=draw(st.one_of(st.none(), st.floats(0, 5_000).map(round))),
                minimum_monthly=draw(st.one_of(st.none(), st.floats(0, 5_000).map(round))),
                onboarding=draw(st.one_of(st.none(), st.floats(0, 20_000).map(round))),
                yearly_increase_percent=draw(st.sampled_from([0.0, 3.0, 10.0])),
                response_hours=draw(st.one_of(st.none(), st.sampled_from([0.5, 4.0, 24.0]))),
                patch_days=draw(st.one_of(st.none(), st.sampled_from([3.0, 14.0, 60.0]))),
                includes=tuple(key for key, _ in QUOTE_INCLUDES if draw(st.booleans())),
                includes_vat=draw(st.booleans()),
            )
        )
    return tuple(found)


# Organisations with their own quotes, and what their insurer and frameworks ask of them.
with_quotes_and_requirements = st.builds(
    lambda profile, quotes, insurance, frameworks, controls, reclaim: replace(
        profile,
        quotes=quotes,
        cyber_insurance=insurance,
        frameworks=frameworks,
        controls=controls,
        vat_reclaim=reclaim,
    ),
    profiles,
    quotes(),
    st.sampled_from(["yes", "no", "not_sure"]),
    st.one_of(
        st.just(("not_sure",)), st.lists(st.sampled_from([code for code, *_ in FRAMEWORKS]), unique=True).map(tuple)
    ),
    st.lists(st.sampled_from([code for code, _ in CONTROLS]), unique=True).map(tuple),
    st.sampled_from(["yes", "partly", "no"]),
)
