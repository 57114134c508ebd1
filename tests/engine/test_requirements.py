"""Insurable and compliant (advisor/engine/requirements.py): what an insurer and frameworks ask of each option, and
what that costs, against the seeded rows (advisor/content/requirements_2026_12.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.content import requirements_2026_12 as seeded
from advisor.engine import costs, decide, evaluate, requirements
from advisor.engine.domain import Profile, Quote
from tests.catalogues import catalogue_with_options_between, with_requirements
from tests.engine.profiles import profiles

TODAY = catalogue_with_options_between()  # as every assessment was scored before requirements
CATALOGUE = with_requirements(TODAY)
PREPARED = evaluate.prepare(CATALOGUE)
FRAMEWORK_CODES = [code for code, _ in requirements.FRAMEWORKS]


def regional(profile: Profile, region: str) -> Profile:
    return dataclasses.replace(profile, region=region)


# A 12-person UK accountancy that holds cyber insurance and needs Cyber Essentials. Its EDR watches every device and
# its backups are restore-tested; multi-factor sign-in covers some accounts only, which counts as none, so
# `controls` leaves out "mfa".
ACCOUNTANCY = Profile(
    industry="finance",
    employees=12,
    backup="tested",
    cyber_insurance="yes",
    frameworks=("cyber_essentials",),
    controls=("edr",),
    region="GB",
)
DENTAL = Profile(industry="healthcare", employees=9, it_staff=0.5, frameworks=("hipaa",), region="US")


def addon_figure(code: str, unit: str) -> float:
    costs = next(costs for addon, _, costs in seeded.ADDONS if addon == code)
    return float(next(row[2] for row in costs if row[0] == unit))


def rate(slug: str) -> float:
    model = next(m for m in CATALOGUE.models if m.slug == slug)
    return model.figures["hourly_rate"].expected


def cells(result, slug: str) -> dict:
    return {row.code: next(c for c in row.options if c.model == slug) for row in result.requirements}


def test_the_accountancy_sees_break_fix_priced_with_patch_monitoring_and_mfa_roll_out():
    result = decide.score(ACCOUNTANCY, CATALOGUE, with_tipping_points=False)
    devices = 12 * 2.2
    patch = 36 * devices * addon_figure("patch_monitoring", "per_device_month") + 36 * devices * addon_figure(
        "patch_monitoring", "hours_per_device_month"
    ) * rate("break-fix")
    mfa = 12 * addon_figure("mfa_rollout", "hours_per_user_once") * rate("break-fix")
    break_fix = cells(result, "break-fix")
    assert break_fix["ce_patching"].meets == "with_addon"
    assert break_fix["ce_patching"].addon.name.startswith("Patch monitoring")
    assert break_fix["ce_mfa"].addon.name.startswith("MFA roll-out")
    assert break_fix["insurer_mfa"].meets == "with_addon"
    # Its own EDR and restore-tested backups meet the insurer's other conditions, whatever the option.
    assert {code for code, row in zip(cells(result, "msp"), result.requirements, strict=True) if row.met_by_you} == {
        "insurer_edr",
        "insurer_backup",
    }
    # Each add-on bought once, though two requirements each call for it.
    assert result.option("break-fix").cost.bill_lines["addons"] == pytest.approx(patch + mfa, abs=0.01)
    assert break_fix["ce_patching"].addon.bills_three_years.expected == pytest.approx(patch, abs=0.01)
    # The MSP meets both as sold, and pays nothing more for them.
    assert all(cell.meets == "yes" and cell.addon is None for cell in cells(result, "msp").values())
    assert "addons" not in result.option("msp").cost.bill_lines
    assert cells(result, "msp")["ce_patching"].evidence == ("A monthly patch report (fixes applied, and when)",)
    # One line for the first screen, saying what changed and what it costs.
    line = result.requirement_line
    assert line.count("\n") == 0 and "patch monitoring" in line and "more over three years" in line
    assert "does not meet critical fixes applied within 14 days (Cyber Essentials)" in line  # the deadline first


def test_the_accountancy_without_insurance_or_frameworks_gets_the_result_it_gets_with_the_answers_left_out():
    without = replace(ACCOUNTANCY, cyber_insurance="no", frameworks=())
    left_out = Profile(industry="finance", employees=12, backup="tested", region="GB")
    assert decide.score(without, CATALOGUE) == decide.score(left_out, CATALOGUE)


def test_answers_left_out_score_exactly_as_before_requirements_existed():
    profile = Profile(industry="legal", employees=30, operating_hours="extended", backup="none")
    assert decide.score(profile, CATALOGUE) == decide.score(profile, TODAY)


def test_a_us_dental_practice_under_hipaa_sees_a_baa_named_for_every_outside_option():
    result = decide.score(DENTAL, CATALOGUE, with_tipping_points=False)
    (row,) = result.requirements
    assert row.code == "hipaa_baa"
    by_option = {c.model: c for c in row.options}
    outside = {o.slug for o in result.options} - {"in-house"}
    assert outside == {"break-fix", "block-hours", "msp", "co-managed"}
    for slug in outside:
        assert by_option[slug].meets == "with_addon"
        assert "Business Associate Agreement" in by_option[slug].addon.name
        assert by_option[slug].evidence == ("The signed Business Associate Agreement",)
    assert by_option["in-house"].meets == "yes" and by_option["in-house"].addon is None


def test_a_framework_of_another_region_keeps_its_own_rows_and_the_form_offers_the_regions_book():
    codes = {r.code for r in requirements.rows_for(CATALOGUE, "cyber_essentials", "US")}
    assert codes == {"ce_patching", "ce_mfa"}
    assert {f.code for f in requirements.offered(CATALOGUE, "GB")} == {
        "cyber_essentials",
        "cyber_essentials_plus",
        "gdpr",
        "pci_dss",
    }
    assert {f.code for f in requirements.offered(CATALOGUE, "US")} == {"hipaa", "pci_dss"}


def test_not_sure_is_explained_on_the_result():
    unsure = replace(ACCOUNTANCY, cyber_insurance="not_sure", frameworks=("not_sure",))
    result = decide.score(unsure, CATALOGUE, with_tipping_points=False)
    assert {row.code for row in result.requirements} >= {"insurer_mfa", "ce_patching"}
    assert any("not sure whether you hold cyber insurance" in note for note in result.requirement_notes)
    assert any("Cyber Essentials" in note for note in result.requirement_notes)


def test_failing_an_insurers_condition_loses_the_payout_in_risk():
    # Essential Eight level 2 asks for critical fixes within 48 hours, which nobody called in by the job promises.
    profile = Profile(industry="finance", employees=12, frameworks=("essential_eight_2",), region="AU")
    ev, plain = decide.evaluate(profile, CATALOGUE), decide.evaluate(replace(profile, frameworks=()), CATALOGUE)
    assert ev.plan.options["break-fix"].meets["e8_2_patching"] == "no"
    lost = next(r for r in CATALOGUE.requirements if r.code == "e8_2_patching").consequence.expected
    assert ev.parts[0].risk == pytest.approx(plain.parts[0].risk + lost)
    insured = replace(profile, frameworks=(), cyber_insurance="yes", backup="tested", controls=("edr", "patching"))
    ev = decide.evaluate(insured, CATALOGUE)
    # With MFA rolled out as an add-on, Break/Fix keeps the payout: nothing lost in risk.
    assert ev.parts[0].risk == pytest.approx(
        decide.evaluate(replace(insured, cyber_insurance="no"), CATALOGUE).parts[0].risk
    )


def test_a_quote_that_promises_no_patch_time_within_the_deadline_is_flagged():
    slow = Quote(name="Slow MSP", price_per_user_month=120, includes=("helpdesk", "monitoring"), patch_days=30)
    quick = replace(slow, name="Quick MSP", patch_days=7)
    result = decide.score(replace(ACCOUNTANCY, quotes=(slow, quick)), CATALOGUE, with_tipping_points=False)
    flags = {q.name: [f for f in q.flags if f.code == "misses_requirement"] for q in result.quotes}
    assert [f.requirement for f in flags["Slow MSP"]] == ["ce_patching"]
    assert "30 days" in flags["Slow MSP"][0].text and "14 days" in flags["Slow MSP"][0].text
    assert flags["Quick MSP"] == []
    slow_cost = next(q for q in result.quotes if q.name == "Slow MSP").cost.parts.risk.expected
    quick_cost = next(q for q in result.quotes if q.name == "Quick MSP").cost.parts.risk.expected
    assert slow_cost > quick_cost  # a promise that misses the deadline carries the lost certificate in risk


# ---- Properties over the whole input space ------------------------------------------------------------------

regions = st.sampled_from(["US", "GB", "AU"])
insurance = st.sampled_from(["no", "yes", "not_sure"])
frameworks = st.one_of(
    st.just(("not_sure",)), st.lists(st.sampled_from(FRAMEWORK_CODES), unique=True, max_size=3).map(tuple)
)
controls = st.lists(st.sampled_from(["mfa", "edr", "patching"]), unique=True).map(tuple)


def totals(profile: Profile) -> dict[int, float]:
    return decide.evaluate(profile, CATALOGUE, PREPARED).totals


def at_least(after: float, before: float) -> bool:
    return after >= before - max(1e-6, 1e-9 * abs(before))


@given(profile=profiles, region=regions, insured=insurance, declared=frameworks, have=controls)
@settings(max_examples=120, deadline=None)
def test_declaring_a_requirement_never_lowers_an_options_cost(profile, region, insured, declared, have):
    base = replace(regional(profile, region), controls=have)
    before = totals(base)
    after = totals(replace(base, cyber_insurance=insured, frameworks=declared))
    assert before.keys() == after.keys()
    for i in before:
        assert at_least(after[i], before[i]), (CATALOGUE.models[i].slug, before[i], after[i])


@given(profile=profiles, region=regions, insured=insurance, declared=frameworks, have=controls)
@settings(max_examples=120, deadline=None)
def test_an_option_that_meets_the_requirements_as_sold_costs_no_more_for_them(profile, region, insured, declared, have):
    base = replace(regional(profile, region), controls=have)
    asked = replace(base, cyber_insurance=insured, frameworks=declared)
    plan = requirements.plan(asked, CATALOGUE)
    before, after = totals(base), totals(asked)
    for i in before:
        slug = CATALOGUE.models[i].slug
        needs = plan.of(slug) if plan is not None else None
        if needs is None or all(how == "yes" for how in needs.meets.values()):
            assert after[i] == pytest.approx(before[i], rel=1e-12, abs=1e-6), slug


@given(profile=profiles, region=regions, have=controls)
@settings(max_examples=100, deadline=None)
def test_not_sure_never_costs_less_than_the_cheapest_definite_answer(profile, region, have):
    base = replace(regional(profile, region), controls=have)
    unsure_insurer = totals(replace(base, cyber_insurance="not_sure"))
    insurer = [totals(replace(base, cyber_insurance=answer)) for answer in ("yes", "no")]
    unsure_framework = totals(replace(base, frameworks=("not_sure",)))
    definite = [totals(replace(base, frameworks=(code,))) for code in FRAMEWORK_CODES] + [totals(base)]
    for i in unsure_insurer:
        assert at_least(unsure_insurer[i], min(t[i] for t in insurer))
        assert at_least(unsure_framework[i], min(t[i] for t in definite))


def test_patching_in_place_counts_as_upkeep_done_as_own_it_staffs_does():
    profile = Profile(industry="retail", employees=20)
    patched = replace(profile, controls=("patching",))
    before, after = decide.evaluate(profile, CATALOGUE), decide.evaluate(patched, CATALOGUE)
    break_fix, msp = 0, 1
    assert after.parts[break_fix].risk < before.parts[break_fix].risk
    assert after.parts[msp].risk == before.parts[msp].risk  # its fee already includes upkeep
    # The same risk as Break/Fix with upkeep done for it, whoever does it.
    used, option = before.estimates, {**PREPARED.options[break_fix], "upkeep_included": 1.0}
    done = costs.parts(
        option,
        PREPARED.shared,
        profile,
        pricing="per_job",
        employees=20,
        devices=used.devices,
        incidents=used.incidents_per_month,
        downtime_cost=used.downtime_cost_per_hour,
    )
    assert after.parts[break_fix].risk == pytest.approx(done.risk)
    assert after.parts[break_fix].bills == before.parts[break_fix].bills


def test_scoring_without_requirements_evaluates_no_more_than_before(monkeypatch):
    calls = []
    real = decide.evaluate

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(decide, "evaluate", counted)
    profile = Profile(industry="legal", employees=30, hourly_rate=140.0)
    decide.score(profile, TODAY)
    before = len(calls)
    calls.clear()
    decide.score(profile, CATALOGUE)
    assert len(calls) == before
    calls.clear()
    decide.score(replace(profile, frameworks=("hipaa",)), CATALOGUE)
    assert len(calls) == before + 1  # the same answers without the requirements, for the first screen's line
