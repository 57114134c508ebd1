"""Insurable and compliant: what each option must do to meet the organisation's insurer and frameworks, and what
that costs. Pure, no Django.

The answers (all optional; left out they change nothing):
    cyber_insurance  "no" (default), "yes" or "not_sure" (read as "yes": an insurer's conditions are the ones to
                     meet before a claim, not after)
    frameworks       any of FRAMEWORKS, or ("not_sure",) alone: read as the frameworks the region's book marks
                     as usual there (Cyber Essentials in GB, none in the US)
    controls         any of "mfa", "edr", "patching" that the organisation already has on every account and
                     device (partial cover counts as none, as insurers count it); restore-tested backups are
                     the existing backup answer

Each requirement that applies (staff-edited rows, per region where they differ: RequirementSpec) is met:
    by the organisation itself, whatever the option, when its own control covers it (no cost);
    by an option as sold (no cost), with an add-on (its bills over three years, added to the option's bills,
    each add-on bought once however many requirements it meets), or not at all (its consequence in risk:
    "payout", the share of a serious incident's cost the insurer would have paid, once, however many of its
    conditions are missed; "fixed", the figure over three years, the largest once per framework).
Premiums and payouts are the same under every option and stay out of the comparison, except that an option
failing an insurer's condition loses the payout. `compliance` (regulated data) still prices notification and
fines; a framework adds only what it does not. Everything added is zero or more, so declaring a requirement never
lowers an option's cost, and an option that meets it as sold costs no more for it.

Nothing here is certification or legal advice: it names what the frameworks and insurers usually ask, so that
the money compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .domain import (
    AddonPrice,
    AddonSpec,
    Catalogue,
    FrameworkSpec,
    Profile,
    Range,
    RequirementCell,
    RequirementRow,
    RequirementSpec,
)

MONTHS = 36

NOT_SURE = "not_sure"
# The answer for someone who does not know, to the insurance question and among the frameworks.
NOT_SURE_CHOICE = (NOT_SURE, "Not sure")
CYBER_INSURANCE = (
    ("no", "No"),
    ("yes", "Yes"),
    NOT_SURE_CHOICE,
)
INSURANCE = "cyber_insurance"  # the framework code of an insurer's conditions
FRAMEWORKS = (
    ("cyber_essentials", "Cyber Essentials"),
    ("cyber_essentials_plus", "Cyber Essentials Plus"),
    ("essential_eight_1", "Essential Eight, maturity level 1"),
    ("essential_eight_2", "Essential Eight, maturity level 2"),
    ("hipaa", "HIPAA"),
    ("pci_dss", "PCI DSS"),
    ("soc2", "SOC 2"),
    ("gdpr", "UK or EU GDPR"),
)
FRAMEWORK_NAMES = dict(FRAMEWORKS)
CONTROLS = (
    ("mfa", "Multi-factor sign-in (MFA) on every account"),
    ("edr", "Endpoint detection and response (EDR) on every device, with someone watching its alerts"),
    ("patching", "Critical fixes applied on a documented cadence"),
)
# What an add-on's costs are counted on: over 36 months, a user or a device a month (money, or hours at the
# option's hourly rate), or once (a user's hours, or a sum).
ADDON_UNITS = (
    ("per_user_month", "a user a month"),
    ("per_device_month", "a device a month"),
    ("hours_per_device_month", "hours a device a month"),
    ("hours_per_user_once", "hours a user, once"),
    ("once", "once"),
)
MEETS = (("yes", "Meets it as sold"), ("with_addon", "With an add-on"), ("no", "Does not meet it"))
PAYOUT, FIXED = "payout", "fixed"
DEFAULT_REGION = "US"


def region_of(profile: Any) -> str:
    """The organisation's region (ISO 3166-1 alpha-2): its answer once the form asks for one, else the US, where
    every assessment is today. The one place to rewire when regions arrive."""
    return (getattr(profile, "region", "") or DEFAULT_REGION).upper()


def offered(catalogue: Catalogue, region: str) -> tuple[FrameworkSpec, ...]:
    """The frameworks the region's book lists (a row for every region counts everywhere), in the book's order."""
    return tuple(f for f in catalogue.frameworks if f.region in ("", region))


def applies(profile: Profile) -> bool:
    """Whether any requirement can apply: the cheap test that keeps scoring as it was for everyone else."""
    return profile.cyber_insurance != "no" or bool(profile.frameworks)


def declared(profile: Profile, catalogue: Catalogue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The frameworks (with "cyber_insurance" for an insurer) counted, and the notes saying how "not sure" was
    read."""
    region = region_of(profile)
    codes: list[str] = []
    notes: list[str] = []
    if profile.cyber_insurance in ("yes", NOT_SURE):
        codes.append(INSURANCE)
    if profile.cyber_insurance == NOT_SURE:
        notes.append(
            "You were not sure whether you hold cyber insurance, so we counted what insurers usually ask: an "
            "option that misses it could cost you the payout after a serious incident."
        )
    if NOT_SURE in profile.frameworks:
        usual = [f for f in offered(catalogue, region) if f.usual]
        codes.extend(f.code for f in usual)
        names = ", ".join(f.name for f in usual)
        notes.append(
            f"You were not sure which frameworks apply, so we counted those most organisations in your region are "
            f"asked for: {names}."
            if usual
            else "You were not sure which frameworks apply; none is asked of most organisations in your region, so "
            "we counted none. A customer's or regulator's letter usually names the one you need."
        )
    codes.extend(code for code in profile.frameworks if code != NOT_SURE)
    return tuple(dict.fromkeys(codes)), tuple(notes)


def rows_for(catalogue: Catalogue, framework: str, region: str) -> tuple[RequirementSpec, ...]:
    """A framework's requirements in a region: its rows for that region or every region; a framework declared
    outside its home region keeps its own rows."""
    rows = tuple(r for r in catalogue.requirements if r.framework == framework)
    here = tuple(r for r in rows if r.region in ("", region))
    return here or rows


def met_by_you(requirement: RequirementSpec, profile: Profile) -> bool:
    """Whether the organisation's own control meets a requirement whatever the option."""
    if not requirement.control:
        return False
    if requirement.control == "backup":
        return profile.backup == "tested"
    return requirement.control in profile.controls


@dataclass(frozen=True)
class OptionPlan:
    """What one option needs for the requirements that apply."""

    addons: tuple[AddonSpec, ...]  # each bought once
    fixed: float  # consequences over three years of the requirements it fails (expected)
    payout_share: float  # the share of a serious incident's cost lost with the payout (0: none lost)
    meets: dict[str, str]  # by requirement code


@dataclass(frozen=True)
class Plan:
    requirements: tuple[RequirementSpec, ...]  # those that apply, in the catalogue's order
    yours: frozenset[str]  # codes of those the organisation's own controls meet
    notes: tuple[str, ...]
    options: dict[str, OptionPlan]  # by option slug

    def of(self, slug: str) -> OptionPlan | None:
        return self.options.get(slug)


def status(requirement: RequirementSpec, slug: str) -> str:
    """How an option meets a requirement as the book says ("no" for an option the book does not list)."""
    meets = requirement.meets.get(slug, "no")
    if meets == "with_addon" and not requirement.addons.get(slug):
        meets = "no"
    return meets


def plan(profile: Profile, catalogue: Catalogue) -> Plan | None:
    """What each option needs for the requirements that apply to this organisation; None when none can."""
    if not applies(profile) or not catalogue.requirements:
        return None
    codes, notes = declared(profile, catalogue)
    region = region_of(profile)
    found = tuple(r for code in codes for r in rows_for(catalogue, code, region))
    if not found:
        return Plan((), frozenset(), notes, {})
    yours = frozenset(r.code for r in found if met_by_you(r, profile))
    addons = {a.code: a for a in catalogue.addons}
    options = {}
    for model in catalogue.models:
        options[model.slug] = option_plan(model.slug, found, yours, addons)
    return Plan(found, yours, notes, options)


def option_plan(
    slug: str,
    found: tuple[RequirementSpec, ...],
    yours: frozenset[str],
    addons: dict[str, AddonSpec],
    missed: frozenset[str] = frozenset(),
) -> OptionPlan:
    """One option's add-ons and consequences for the requirements found (`missed`: those it fails whatever the
    book says, as a quote's promise falls short)."""
    bought: dict[str, AddonSpec] = {}
    fixed: dict[str, float] = {}
    payout = 0.0
    meets = {}
    for r in found:
        if r.code in yours:
            meets[r.code] = "yes"
            continue
        how = "no" if r.code in missed else status(r, slug)
        if how == "with_addon" and r.addons[slug] in addons:
            bought.setdefault(r.addons[slug], addons[r.addons[slug]])
        elif how != "yes":
            how = "no"
            if r.consequence_kind == PAYOUT:
                payout = max(payout, r.consequence.expected)
            else:
                fixed[r.framework] = max(fixed.get(r.framework, 0.0), r.consequence.expected)
        meets[r.code] = how
    return OptionPlan(tuple(bought.values()), sum(fixed.values()), min(1.0, payout), meets)


def addon_bills(addon: AddonSpec, hourly_rate: Any, people: Any, devices: Any, at: str = "expected") -> Any:
    """An add-on's bills over three years, with each of its figures at `at` (low, expected or high)."""
    total: Any = 0.0
    for unit, figure in addon.costs:
        value = getattr(figure, at)
        if unit == "per_user_month":
            total = total + MONTHS * people * value
        elif unit == "per_device_month":
            total = total + MONTHS * devices * value
        elif unit == "hours_per_device_month":
            total = total + MONTHS * devices * value * hourly_rate
        elif unit == "hours_per_user_once":
            total = total + people * value * hourly_rate
        else:
            total = total + value
    return total


def priced(parts: Any, option_plan: OptionPlan, hourly_rate: Any, people: Any, devices: Any) -> Any:
    """An option's parts with its add-ons in its bills and the consequences of what it fails in its risk."""
    if not option_plan.addons and not option_plan.fixed and not option_plan.payout_share:
        return parts
    bills = sum((addon_bills(a, hourly_rate, people, devices) for a in option_plan.addons), start=0.0)
    risk = parts.risk * (1.0 + option_plan.payout_share) + option_plan.fixed
    return replace(parts, addons=parts.addons + bills, risk=risk)


def missed_by_quote(the_plan: Plan, slug: str, patch_days: float | None) -> tuple[tuple[RequirementSpec, str], ...]:
    """The patching requirements a quote for option `slug` does not promise to meet, each with why: no promised
    time to apply a critical fix ("best efforts"), or one beyond the deadline. Those the organisation meets
    itself, or the option meets only with an add-on bought beside it, are not the quote's to meet."""
    found = []
    for r in the_plan.requirements:
        option = the_plan.options.get(slug)
        if r.deadline_days is None or r.code in the_plan.yours or option is None or option.meets.get(r.code) != "yes":
            continue
        if patch_days is None:
            found.append((r, f"It promises no time to apply a critical fix; {_lower_first(r.name)} needs {_days(r)}."))
        elif patch_days > r.deadline_days:
            promised = _days_of(patch_days)
            found.append(
                (r, f"It promises {promised} to apply a critical fix; {_lower_first(r.name)} needs {_days(r)}.")
            )
    return tuple(found)


def _days(r: RequirementSpec) -> str:
    return f"{_days_of(r.deadline_days or 0)} at most"


def _days_of(days: float) -> str:
    if days < 1:
        return f"{days * 24:g} hours"
    return "1 day" if days == 1 else f"{days:g} days"


def rate(option: dict[str, Any], fallback: float) -> Any:
    """The hourly rate an add-on's hours are bought at: the option's own, or an hourly firm's beside it."""
    own = option.get("hourly_rate", 0.0)
    try:
        return own if own > 0 else fallback
    except ValueError:  # drawn: an array of rates
        return own


def fallback_rate(catalogue: Catalogue) -> float:
    """The hourly rate of the first option billed by the job (hours beside an option that bills none)."""
    for model in catalogue.models:
        figure = model.figures.get("hourly_rate")
        if model.pricing == "per_job" and figure is not None and figure.expected > 0:
            return figure.expected
    return 0.0


# ---- What the result shows ----------------------------------------------------------------------------------


def matrix(
    the_plan: Plan, slugs: tuple[str, ...], rates: dict[str, float], people: float, devices: float
) -> tuple[RequirementRow, ...]:
    """The requirement-by-option matrix for the options ranked (`slugs`), each add-on priced at its figures' low,
    expected and high values."""
    rows = []
    for r in the_plan.requirements:
        cells = []
        for slug in slugs:
            option = the_plan.options.get(slug)
            how = option.meets.get(r.code, "no") if option else "no"
            addon = None
            if how == "with_addon" and option is not None:
                spec = next(a for a in option.addons if a.code == r.addons[slug])
                ends = [round(float(addon_bills(spec, rates[slug], people, devices, at)), 2) for at in AT]
                addon = AddonPrice(spec.name, Range(*ends))
            evidence = r.evidence.get(slug, ()) if how != "no" else ()
            cells.append(RequirementCell(slug, how, addon, evidence))
        rows.append(RequirementRow(r.code, r.name, tuple(cells), met_by_you=r.code in the_plan.yours))
    return tuple(rows)


AT = ("low", "expected", "high")


def first_line(
    the_plan: Plan,
    ranked: list[tuple[str, str, float]],
    before: str | None,
    money: Any,
) -> str:
    """One line for the first screen when a requirement changes the money of the leading options: `ranked` the
    options best first as (slug, name, what the requirements add), `before` the option that would lead without
    them. "" when nothing changed."""
    if not the_plan.requirements or len(ranked) < 1:
        return ""
    leader = ranked[0]
    changed = before is not None and before != leader[0]
    top = ranked[:2]
    slug, name, added = max(top, key=lambda row: row[2])
    if added <= 0 and not changed:
        return ""
    missing = [r for r in the_plan.requirements if the_plan.options[slug].meets.get(r.code) != "yes"]
    missing.sort(key=lambda r: (r.deadline_days is None, r.framework == INSURANCE))  # a deadline, a framework first
    named = " or ".join(_lower_first(r.name) for r in missing[:2]) or "what your insurer and frameworks ask"
    names = [_lower_first(a.name.split(",")[0]) for a in the_plan.options[slug].addons]
    if len(names) > 2:
        names = [*names[:2], f"{len(names) - 2} more add-on{'s' if len(names) > 3 else ''}"]
    how = ("with " + ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]) if names else ""
    how = how or "counting what it fails"
    line = f"{name} alone does not meet {named}; {how} it costs about {money(added)} more over three years."
    if changed:
        before_name = next((n for s, n, _ in ranked if s == before), before)
        line += f" Without these requirements {before_name} would come out ahead; with them, {leader[1]} does."
    return line


def _lower_first(text: str) -> str:
    """ "A documented patch cadence" as "a documented patch cadence" mid-sentence; "MFA on..." stays."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]
