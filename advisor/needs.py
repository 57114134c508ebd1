"""How much each dimension matters to an organisation: its answers as signals, blended into needs. Pure.

1. Signals: each answer becomes a number from 0 (points to Break/Fix) to 1 (points to managed services).
2. Needs: how much each dimension matters to this organisation, 0 to 1, as a documented blend of signals
   (`NEED_RULES`). A dimension the rules do not know (one staff added later) counts as a middling need, 0.5.

Directions an adviser would give hold by construction: every answer that points toward managed services
(more people, devices, sites or incidents, costlier downtime, longer hours, stricter compliance, weaker
backups, more dependence on IT, faster growth, a wish for predictable bills) only raises needs on which
the MSP is rated higher than Break/Fix, or lowers the one need (help only on request) on which it is rated
lower; more in-house IT staff and a wish to pay only when something breaks do the opposite.
"""
from __future__ import annotations

import math
from typing import Callable

from .domain import Catalogue, Profile

UNKNOWN_DIMENSION_NEED = 0.5

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


def _log_share(value: float, top: float) -> float:
    """0 at 0, 1 at `top` and beyond, on a log scale: going from 1 to 10 counts as much as 10 to 100."""
    return _clamp(math.log1p(max(0.0, value)) / math.log1p(top))


_LOG_250 = math.log(250)
_LOG_20 = math.log(20)


def incidents_signal(incidents: float) -> float:
    """Incidents a month on a log scale: 0 at none, 1 at 30 or more."""
    return _log_share(incidents, 30)


def downtime_signal(cost: float) -> float:
    """The cost of an hour down on a log scale: 0 at $100 or less, 1 at $1,000,000 or more."""
    return _clamp(math.log10(max(100.0, cost) / 100.0) / 4.0)


# Each signal from the answers: (profile, employees, incidents a month, devices, downtime cost per hour) -> 0..1.
# The four numbers are passed apart from the profile because devices and downtime cost may be estimates,
# and because the tipping-point search moves them one at a time.
SignalFunction = Callable[[Profile, int, float, int, float], float]
PRIMARY_SIGNALS: dict[str, SignalFunction] = {
    "size": lambda p, employees, incidents, devices, cost: _clamp(math.log(max(1, employees)) / _LOG_250),
    "devices": lambda p, employees, incidents, devices, cost: _log_share(devices, 750),
    "sites": lambda p, employees, incidents, devices, cost: _clamp(math.log(max(1, p.sites)) / _LOG_20),
    "incidents": lambda p, employees, incidents, devices, cost: incidents_signal(incidents),
    "downtime": lambda p, employees, incidents, devices, cost: downtime_signal(cost),
    "hours": lambda p, *_: LEVELS["operating_hours"].get(p.operating_hours, 0.0),
    "compliance": lambda p, *_: LEVELS["compliance"].get(p.compliance, 0.0),
    "backup_gap": lambda p, *_: LEVELS["backup"].get(p.backup, 0.5),
    "dependence": lambda p, *_: LEVELS["it_dependence"].get(p.it_dependence, 1 / 3),
    "growth": lambda p, *_: LEVELS["growth"].get(p.growth, 0.25),
    "predictable": lambda p, *_: LEVELS["budget_preference"].get(p.budget_preference, 0.5),
    "it_staff": lambda p, employees, incidents, devices, cost: _clamp(p.it_staff * 50 / max(1, employees)),
}
# Signals that are one minus another.
COMPLEMENTS = {"small": "size", "few_incidents": "incidents", "pay_as_you_go": "predictable", "no_it_staff": "it_staff"}


# The signals each searched answer moves, and which way as the answer grows (1 up, -1 down): more people
# mean a bigger organisation, more devices and a dearer hour of downtime when those are estimated from size,
# and less in-house IT cover per person.
MOVING_SIGNALS = {
    "incidents_per_month": {"incidents": 1},
    "downtime_cost_per_hour": {"downtime": 1},
    "employees": {"size": 1, "it_staff": -1, "devices": 1, "downtime": 1},
}


# Along incidents and along downtime cost, one signal moves, as a function of that answer alone.
ANSWER_SIGNALS: dict[str, Callable[[float], float]] = {
    "incidents_per_month": incidents_signal,
    "downtime_cost_per_hour": downtime_signal,
}


def primary_signals(profile: Profile, devices: int, downtime_cost: float) -> dict[str, float]:
    employees, incidents = profile.employees, profile.incidents_per_month
    return {name: signal(profile, employees, incidents, devices, downtime_cost)
            for name, signal in PRIMARY_SIGNALS.items()}


def signals(profile: Profile, *, devices: int, downtime_cost: float) -> dict[str, float]:
    """Each answer as a number from 0 (points to Break/Fix) to 1 (points to managed services).

    - size: employees on a log scale, 1 person = 0, 250 or more = 1
    - devices: on a log scale, 750 or more = 1;  sites: 20 or more = 1
    - incidents: a month, on a log scale, 30 or more = 1
    - downtime: cost of an hour down, log scale from $100 (0) to $1,000,000 (1)
    - hours, compliance, backup gap, dependence, growth, predictable budget: by the answer's level
    - it_staff: in-house IT cover, one full-time person per 50 employees or better = 1
    Complements (`small`, `few_incidents`, `pay_as_you_go`, `no_it_staff`) are 1 minus their signal.
    """
    return with_complements(primary_signals(profile, devices, downtime_cost))


def with_complements(primary: dict[str, float]) -> dict[str, float]:
    """The primary signals with their complements added (`small` = 1 - `size`, ...)."""
    values = dict(primary)
    for name, of in COMPLEMENTS.items():
        values[name] = 1.0 - values[of]
    return values


# Need of each dimension = clamp(base + sum of weight x signal). Weights were set so that each need spans
# most of 0..1 across realistic organisations, and so that no answer pushes a need the wrong way.
NEED_RULES: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {
    # Help only when asked, no contract: valued by those who prefer to pay per problem, have their own
    # IT people, are small, or rarely have problems.
    "engagement": (0.1, (("pay_as_you_go", 0.4), ("it_staff", 0.2), ("small", 0.15), ("few_incidents", 0.15))),
    "monitoring": (0.05, (("dependence", 0.3), ("downtime", 0.2), ("devices", 0.15), ("incidents", 0.15),
                          ("hours", 0.15), ("it_staff", -0.3))),
    "maintenance": (0.05, (("devices", 0.25), ("compliance", 0.3), ("incidents", 0.2), ("dependence", 0.2),
                           ("it_staff", -0.3))),
    "downtime": (0.0, (("dependence", 0.4), ("downtime", 0.3), ("hours", 0.15), ("incidents", 0.15))),
    "cost": (0.05, (("predictable", 0.6), ("incidents", 0.2), ("growth", 0.15))),
    "scalability": (0.0, (("growth", 0.5), ("sites", 0.3), ("size", 0.2))),
    "partnership": (0.0, (("size", 0.3), ("growth", 0.25), ("dependence", 0.2), ("no_it_staff", 0.25))),
    "continuity": (0.0, (("backup_gap", 0.45), ("compliance", 0.25), ("dependence", 0.15), ("downtime", 0.15))),
    "availability": (0.0, (("hours", 0.65), ("dependence", 0.2), ("sites", 0.15))),
    "breadth": (0.0, (("compliance", 0.3), ("sites", 0.25), ("devices", 0.2), ("no_it_staff", 0.25))),
}


def _folded(rule: tuple[float, tuple[tuple[str, float], ...]]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """A need rule with complements written out (0.4 x (1 - s) = 0.4 - 0.4 x s), over primary signals only."""
    base, terms = rule
    weights: dict[str, float] = {}
    for name, weight in terms:
        if name in COMPLEMENTS:
            base, name, weight = base + weight, COMPLEMENTS[name], -weight
        weights[name] = weights.get(name, 0.0) + weight
    return base, tuple(weights.items())


FOLDED_RULES = {slug: _folded(rule) for slug, rule in NEED_RULES.items()}


def need_of(rule: tuple[float, tuple[tuple[str, float], ...]] | None, values: dict[str, float]) -> float:
    """A dimension's need from a folded rule (None: a dimension the rules do not know) and primary signals."""
    if rule is None:
        return UNKNOWN_DIMENSION_NEED
    need, terms = rule
    for name, weight in terms:
        need += weight * values[name]
    return 0.0 if need < 0.0 else 1.0 if need > 1.0 else need


def need_values(values: dict[str, float], catalogue: Catalogue) -> list[float]:
    """Each dimension's need, 0 to 1, from the signals, in the catalogue's dimension order."""
    return [need_of(FOLDED_RULES.get(d.slug), values) for d in catalogue.dimensions]


def moves_one_way(rule: tuple[float, tuple[tuple[str, float], ...]], directions: dict[str, int]) -> bool:
    """Whether a need only rises, or only falls, as an answer moving these signals grows (clamping keeps that).

    The tipping search relies on it for every need rule: the needs at the two ends of a stretch then bound
    the needs anywhere between them.
    """
    ways = {(weight > 0) == (directions[name] > 0) for name, weight in rule[1] if name in directions and weight}
    return len(ways) <= 1
