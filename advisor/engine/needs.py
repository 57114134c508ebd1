"""How much each aspect matters to an organisation: its answers as signals, blended into needs. Pure.

1. Signals: each answer becomes a number from 0 (points to Break/Fix) to 1 (points to managed services).
2. Needs: how much each aspect matters to this organisation, 0 to 1, as a documented blend of signals
   (`NEED_RULES`). An aspect the rules do not know (one staff added later) counts as a middling need, 0.5.

Directions an adviser would give hold by construction: every answer that points toward managed services
(more people, devices, sites or problems, costlier downtime, longer hours, stricter regulation, weaker
backups, more dependence on IT, faster growth, a wish for predictable bills) only raises needs on which
the MSP is rated higher than Break/Fix, or lowers the one need (help only on request) on which it is rated
lower; more in-house IT staff and a wish to pay only when something breaks do the opposite.
"""

from __future__ import annotations

import math

from .domain import Catalogue, Estimates, Profile

UNKNOWN_DIMENSION_NEED = 0.5

# Where each counted answer's signal reaches 1, on a log scale from 0 (so 1 to 10 counts as much as 10 to 100).
SIZE_FULL_AT = 250  # people
DEVICES_FULL_AT = 750
SITES_FULL_AT = 20
INCIDENTS_FULL_AT = 30  # problems a month
DOWNTIME_FLOOR, DOWNTIME_DECADES = 100.0, 4  # $100 an hour or less is 0, $1,000,000 (four decades up) is 1
PEOPLE_PER_IT_FTE = 50  # one full-time IT person per 50 people counts as full in-house cover

LEVELS = {
    "operating_hours": {"business_hours": 0.0, "extended": 0.5, "always": 1.0},
    "compliance": {"none": 0.0, "moderate": 0.5, "strict": 1.0},
    "backup": {"tested": 0.0, "partial": 0.5, "none": 1.0},
    "it_dependence": {"low": 0.0, "medium": 1 / 3, "high": 2 / 3, "critical": 1.0},
    "growth": {"shrinking": 0.0, "stable": 0.25, "moderate": 0.6, "rapid": 1.0},
    "budget_preference": {"pay_as_you_go": 0.0, "no_preference": 0.5, "predictable": 1.0},
}


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def _log_share(value: float, full_at: float) -> float:
    """0 at 0, 1 at `full_at` and beyond, on a log scale."""
    return _clamp(math.log1p(max(0.0, value)) / math.log1p(full_at))


def signals(profile: Profile, used: Estimates) -> dict[str, float]:
    """Each answer as a number from 0 (points to Break/Fix) to 1 (points to managed services).

    - size: people, log scale, 1 person = 0, SIZE_FULL_AT or more = 1
    - devices, sites, incidents: log scale up to DEVICES_FULL_AT, SITES_FULL_AT, INCIDENTS_FULL_AT
    - downtime: cost of an hour down, log scale from $100 (0) to $1,000,000 (1)
    - hours, compliance, backup gap, dependence, growth, predictable budget: by the answer's level (LEVELS)
    - it_staff: in-house IT cover, one full-time person per PEOPLE_PER_IT_FTE people or better = 1
    Complements (`small`, `few_incidents`, `pay_as_you_go`, `no_it_staff`) are 1 minus their signal.
    """
    people = max(1, profile.employees)
    values = {
        "size": _clamp(math.log(people) / math.log(SIZE_FULL_AT)),
        "devices": _log_share(used.devices, DEVICES_FULL_AT),
        "sites": _clamp(math.log(max(1, profile.sites)) / math.log(SITES_FULL_AT)),
        "incidents": _log_share(used.incidents_per_month, INCIDENTS_FULL_AT),
        "downtime": _clamp(
            math.log10(max(DOWNTIME_FLOOR, used.downtime_cost_per_hour) / DOWNTIME_FLOOR) / DOWNTIME_DECADES
        ),
        "hours": LEVELS["operating_hours"][profile.operating_hours],
        "compliance": LEVELS["compliance"][profile.compliance],
        "backup_gap": LEVELS["backup"][profile.backup],
        "dependence": LEVELS["it_dependence"][profile.it_dependence],
        "growth": LEVELS["growth"][profile.growth],
        "predictable": LEVELS["budget_preference"][profile.budget_preference],
        "it_staff": _clamp(profile.it_staff * PEOPLE_PER_IT_FTE / people),
    }
    for name, of in COMPLEMENTS.items():
        values[name] = 1.0 - values[of]
    return values


COMPLEMENTS = {"small": "size", "few_incidents": "incidents", "pay_as_you_go": "predictable", "no_it_staff": "it_staff"}

# Need of each aspect = clamp(base + sum of weight x signal). Weights were set so that each need spans most
# of 0..1 across realistic organisations, and so that no answer pushes a need the wrong way.
NEED_RULES: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {
    # Help only when asked, no contract: valued by those who prefer to pay per problem, have their own
    # IT people, are small, or rarely have problems.
    "engagement": (0.1, (("pay_as_you_go", 0.4), ("it_staff", 0.2), ("small", 0.15), ("few_incidents", 0.15))),
    "monitoring": (
        0.05,
        (
            ("dependence", 0.3),
            ("downtime", 0.2),
            ("devices", 0.15),
            ("incidents", 0.15),
            ("hours", 0.15),
            ("it_staff", -0.3),
        ),
    ),
    "maintenance": (
        0.05,
        (("devices", 0.25), ("compliance", 0.3), ("incidents", 0.2), ("dependence", 0.2), ("it_staff", -0.3)),
    ),
    "downtime": (0.0, (("dependence", 0.4), ("downtime", 0.3), ("hours", 0.15), ("incidents", 0.15))),
    "cost": (0.05, (("predictable", 0.6), ("incidents", 0.2), ("growth", 0.15))),
    "scalability": (0.0, (("growth", 0.5), ("sites", 0.3), ("size", 0.2))),
    "partnership": (0.0, (("size", 0.3), ("growth", 0.25), ("dependence", 0.2), ("no_it_staff", 0.25))),
    "continuity": (0.0, (("backup_gap", 0.45), ("compliance", 0.25), ("dependence", 0.15), ("downtime", 0.15))),
    "availability": (0.0, (("hours", 0.65), ("dependence", 0.2), ("sites", 0.15))),
    "breadth": (0.0, (("compliance", 0.3), ("sites", 0.25), ("devices", 0.2), ("no_it_staff", 0.25))),
}


def need(slug: str, values: dict[str, float]) -> float:
    """One aspect's need, 0 to 1, from the signals (UNKNOWN_DIMENSION_NEED for an aspect the rules lack)."""
    rule = NEED_RULES.get(slug)
    if rule is None:
        return UNKNOWN_DIMENSION_NEED
    base, terms = rule
    return _clamp(base + sum(weight * values[name] for name, weight in terms))


def needs(catalogue: Catalogue, values: dict[str, float]) -> list[float]:
    """Each aspect's need in the catalogue's order (need() for each, written out: the tipping search asks
    for them a few dozen times per assessment)."""
    levels = []
    for dimension in catalogue.dimensions:
        rule = NEED_RULES.get(dimension.slug)
        if rule is None:
            levels.append(UNKNOWN_DIMENSION_NEED)
            continue
        level = rule[0]
        for name, weight in rule[1]:
            level += weight * values[name]
        levels.append(_clamp(level))
    return levels


def raising_terms(slug: str, values: dict[str, float]) -> list[tuple[float, str]]:
    """The signals that raise this aspect's need, as (how much, signal name), most first: a reason is only
    ever given in the direction it acts."""
    rule = NEED_RULES.get(slug)
    if rule is None:
        return []
    found = [(weight * values[name], name) for name, weight in rule[1] if weight * values[name] > 0]
    return sorted(found, reverse=True)
