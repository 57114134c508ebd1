"""Cost of each support model for one organisation, as a low / expected / high range. Pure, no I/O.

Every model is costed by the same formula; what differs is its parameters, edited in admin:

    incidents left       = incidents a month x (1 - share prevented)
    labour a month       = incidents left x hours per incident x hourly rate x after-hours uplift
    fees a month         = max(employees, minimum users) x fee per user + devices x fee per device
    downtime a month     = incidents left x (response delay + hours per incident)
                           x people a typical incident stops from working
                           x downtime cost per hour / employees   (what one person's hour is worth)
    onboarding (once)    = onboarding months x fees a month
    cost over N months   = N x (labour + fees + downtime) + onboarding

The low scenario takes each parameter at the end of its range that costs less (for the share of incidents
prevented, that is the high end), the high scenario the other end.
"""
from __future__ import annotations

import math
from typing import Callable

from .domain import CostBreakdown, CostEstimate, CostParam, ModelSpec, Profile, Range

# Parameters where a larger value means a smaller bill.
COST_FALLS_AS_VALUE_RISES = frozenset({"prevented_share"})

# Share of incidents that need work outside business hours, by when IT must work (our assumption).
AFTER_HOURS_SHARE = {"business_hours": 0.0, "extended": 0.25, "always": 0.4}

# Downtime cost estimate when the person leaves it blank (see estimate_downtime_cost).
DOWNTIME_COST_PER_EMPLOYEE_HOUR = 150.0
INDUSTRY_DOWNTIME_MULTIPLIER = {"healthcare": 1.2, "finance": 1.4, "construction": 0.8}

MONTHS = 36
SCENARIOS = ("low", "expected", "high")

PARAMETER_KEYS = (
    "hourly_rate", "hours_per_incident", "response_delay_hours", "after_hours_premium", "fee_per_user_month",
    "fee_per_device_month", "minimum_users", "onboarding_months", "prevented_share", "people_stopped_per_incident",
)


def estimate_devices(employees: int) -> int:
    """Devices to look after when the person leaves it blank.

    About two per person (a computer and a phone) plus one shared item (server, printer, network gear)
    for every five people, rounded up.
    """
    return 2 * employees + math.ceil(employees / 5)


def estimate_downtime_cost(employees: int, industry: str) -> float:
    """What an hour with IT down costs, when the person leaves it blank.

    Employees x $150 (the middle of the $100-200 loaded cost of an employee-hour suggested by Probax),
    x an industry multiplier used by published downtime calculators (healthcare 1.2, finance 1.4,
    construction 0.8, every other industry 1.0).
    """
    return employees * DOWNTIME_COST_PER_EMPLOYEE_HOUR * INDUSTRY_DOWNTIME_MULTIPLIER.get(industry, 1.0)


DOWNTIME_COST_RULE = (
    "Estimated as employees × $150 an hour (the middle of the $100–200 loaded cost of an employee-hour "
    "suggested by Probax) × an industry multiplier used by published downtime calculators "
    "(healthcare 1.2, finance 1.4, construction 0.8, others 1.0)."
)


def own_figures(model: ModelSpec, profile: Profile) -> dict[str, float]:
    """The person's own figures that replace this model's defaults, by parameter key.

    An own hourly rate replaces the rate of every model that bills by the hour; an own fee per user
    replaces the fee of every model that charges per user.
    """
    own = {}
    for key, value in (("hourly_rate", profile.hourly_rate), ("fee_per_user_month", profile.msp_fee_per_user)):
        current = model.costs.get(key)
        if value is not None and current is not None and current.expected > 0:
            own[key] = value
    return own


def effective_parameters(model: ModelSpec, profile: Profile) -> dict[str, CostParam]:
    """The model's parameters with the person's own figures (see own_figures) put in place of the defaults."""
    params = dict(model.costs)
    for key, value in own_figures(model, profile).items():
        params[key] = CostParam(
            key=key, label=params[key].label, low=value, expected=value, high=value,
            source_title="Your own figure", note="Entered in the advanced section of the assessment.",
        )
    return params


def scenario_values(params: dict[str, CostParam], scenario: str) -> dict[str, float]:
    """Every cost parameter's value in one scenario: "low" takes the cheaper end of each range, "high" the dearer."""
    values = dict.fromkeys(PARAMETER_KEYS, 0.0)
    for key, param in params.items():
        if scenario == "expected":
            values[key] = param.expected
            continue
        cheap = (scenario == "low") != (key in COST_FALLS_AS_VALUE_RISES)
        values[key] = param.low if cheap else param.high
    return values


def month_parts(values: dict[str, float], employees: int, incidents: float, devices: int, downtime_cost: float,
                after_hours_share: float) -> tuple[float, float, float, float]:
    """Labour, fees and downtime for one month, and the one-off onboarding, for one set of parameter values.

    Plain floats in and out: the tipping-point search works this out a few dozen times per assessment.
    """
    incidents_left = incidents * (1.0 - min(1.0, values["prevented_share"]))
    hours = values["hours_per_incident"]
    premium = values["after_hours_premium"] or 1.0
    labour = incidents_left * hours * values["hourly_rate"] * (1.0 + after_hours_share * (premium - 1.0))
    fees = max(employees, values["minimum_users"]) * values["fee_per_user_month"] + devices * values[
        "fee_per_device_month"
    ]
    people_stopped = min(float(employees), values["people_stopped_per_incident"])
    downtime = incidents_left * (values["response_delay_hours"] + hours) * people_stopped * (
        downtime_cost / max(1, employees))
    return labour, fees, downtime, values["onboarding_months"] * fees


def parts_by_employees(values: dict[str, float], incidents: float, after_hours_share: float
                       ) -> Callable[[int, int, float], tuple[float, float, float, float]]:
    """month_parts as a function of employees, devices and downtime cost, with the rest worked out once.

    The tipping-point search moves employees (and with them devices and downtime cost, where those are
    estimated) a few dozen times per assessment; labour does not move with them, nor do the parameters.
    Gives the very same floats as month_parts.
    """
    labour = month_parts(values, 1, incidents, 0, 0.0, after_hours_share)[0]
    incidents_left = incidents * (1.0 - min(1.0, values["prevented_share"]))
    hours_lost = incidents_left * (values["response_delay_hours"] + values["hours_per_incident"])
    minimum, per_user = values["minimum_users"], values["fee_per_user_month"]
    per_device, stopped, onboarding = values["fee_per_device_month"], values["people_stopped_per_incident"], \
        values["onboarding_months"]

    def parts(employees: int, devices: int, downtime_cost: float) -> tuple[float, float, float, float]:
        fees = max(employees, minimum) * per_user + devices * per_device
        downtime = hours_lost * min(float(employees), stopped) * (downtime_cost / max(1, employees))
        return labour, fees, downtime, onboarding * fees

    return parts


def total(parts: tuple[float, float, float, float], months: int = 36) -> float:
    """Cost over `months`: every month's labour, fees and downtime, plus onboarding once."""
    labour, fees, downtime, onboarding = parts
    return months * (labour + fees + downtime) + onboarding


def estimate_cost(model: ModelSpec, profile: Profile, *, devices: int, downtime_cost: float,
                  values_by_scenario: dict[str, dict[str, float]] | None = None) -> CostEstimate:
    """The model's cost for this organisation over one month, one year and three years.

    `values_by_scenario`, when given, are the model's parameter values in each scenario, already worked out
    (scoring keeps them per catalogue); they must already hold any figure of the person's own.
    """
    if values_by_scenario is None:
        params = effective_parameters(model, profile)
        values_by_scenario = {scenario: scenario_values(params, scenario) for scenario in SCENARIOS}
    share = AFTER_HOURS_SHARE.get(profile.operating_hours, 0.0)
    parts = [month_parts(values_by_scenario[scenario], profile.employees, profile.incidents_per_month, devices,
                         downtime_cost, share) for scenario in SCENARIOS]
    # What each scenario costs a month and once, as total() adds them up.
    monthly = [labour + fees + downtime for labour, fees, downtime, _ in parts]
    once = [p[3] for p in parts]

    def over(months: int) -> Range:
        return Range(round(months * monthly[0] + once[0], 2), round(months * monthly[1] + once[1], 2),
                     round(months * monthly[2] + once[2], 2))

    return CostEstimate(
        monthly=Range(round(monthly[0], 2), round(monthly[1], 2), round(monthly[2], 2)),
        onboarding=Range(round(once[0], 2), round(once[1], 2), round(once[2], 2)),
        one_year=over(12),
        two_years=over(24),
        three_years=over(MONTHS),
        breakdown=CostBreakdown(*(round(v, 2) for v in parts[1])),
    )
