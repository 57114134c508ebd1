"""Plain catalogues for the pure scoring tests: the seeded figures, built without a database."""
from __future__ import annotations

from advisor.domain import Catalogue, CostParam, DimensionSpec, ModelSpec

# The seeded dimensions and weights.
DIMENSIONS = (
    DimensionSpec("engagement", "How support is engaged", 1.5),
    DimensionSpec("monitoring", "Proactive monitoring", 1.0),
    DimensionSpec("maintenance", "Preventive maintenance", 1.0),
    DimensionSpec("downtime", "Downtime", 1.5),
    DimensionSpec("cost", "Cost model and predictability", 1.25),
    DimensionSpec("scalability", "Scalability", 0.75),
    DimensionSpec("partnership", "Partnership and IT strategy", 0.75),
    DimensionSpec("continuity", "Business continuity (backup and disaster recovery)", 1.25),
    DimensionSpec("availability", "Availability (24/7)", 1.0),
    DimensionSpec("breadth", "Breadth of services", 0.75),
)

BREAK_FIX_RATINGS = dict(engagement=5, monitoring=0, maintenance=1, downtime=1, cost=2, scalability=2,
                         partnership=1, continuity=1, availability=1, breadth=2)
MSP_RATINGS = dict(engagement=2, monitoring=5, maintenance=5, downtime=4, cost=5, scalability=4,
                   partnership=5, continuity=5, availability=4, breadth=5)


def params(**ranges: tuple[float, float, float]) -> dict[str, CostParam]:
    keys = ("hourly_rate", "hours_per_incident", "response_delay_hours", "after_hours_premium",
            "fee_per_user_month", "fee_per_device_month", "minimum_users", "onboarding_months",
            "prevented_share", "people_stopped_per_incident")
    out = {}
    for key in keys:
        low, expected, high = ranges.get(key, (0.0, 0.0, 0.0))
        out[key] = CostParam(key=key, label=key.replace("_", " "), low=low, expected=expected, high=high)
    return out


BREAK_FIX_COSTS = params(
    hourly_rate=(100, 150, 250), hours_per_incident=(1, 1.5, 3), response_delay_hours=(2, 8, 24),
    after_hours_premium=(1.5, 1.75, 2.0), people_stopped_per_incident=(0.25, 0.5, 2),
)
MSP_COSTS = params(
    hours_per_incident=(0.67, 1, 2), response_delay_hours=(0.25, 0.5, 2), after_hours_premium=(1, 1, 1),
    fee_per_user_month=(100, 150, 250), fee_per_device_month=(0, 0, 9), minimum_users=(1, 5, 10),
    onboarding_months=(0, 0.4, 1), prevented_share=(0.3, 0.5, 0.7), people_stopped_per_incident=(0.25, 0.5, 2),
)


def seeded_catalogue() -> Catalogue:
    return Catalogue(
        models=(
            ModelSpec("break-fix", "Break/Fix", BREAK_FIX_RATINGS, costs=BREAK_FIX_COSTS),
            ModelSpec("msp", "Managed Services Provider", MSP_RATINGS, costs=MSP_COSTS),
        ),
        dimensions=DIMENSIONS,
    )
