"""The plain data that scoring works on: an organisation's profile, the catalogue, and the result.

Frozen dataclasses with no Django in sight, so the scoring can be tested and reused anywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Profile:
    """One organisation's answers, already validated and normalised by the form."""

    industry: str
    employees: int
    incidents_per_month: float
    operating_hours: str = "business_hours"
    budget_preference: str = "no_preference"
    growth: str = "stable"
    compliance: str = "none"
    backup: str = "partial"
    it_dependence: str = "medium"
    devices: int | None = None
    sites: int = 1
    it_staff: float = 0.0
    downtime_cost_per_hour: float | None = None
    hourly_rate: float | None = None
    msp_fee_per_user: float | None = None


@dataclass(frozen=True)
class Range:
    low: float
    expected: float
    high: float


@dataclass(frozen=True)
class CostParam:
    """One figure of a support model's cost formula, with where it came from."""

    key: str
    label: str
    low: float
    expected: float
    high: float
    source_title: str = ""
    source_url: str = ""
    source_year: int | None = None
    vendor_claim: bool = False
    note: str = ""


@dataclass(frozen=True)
class DimensionSpec:
    slug: str
    name: str
    weight: float


@dataclass(frozen=True)
class ModelSpec:
    slug: str
    name: str
    ratings: dict[str, int]  # dimension slug -> 0..5
    headlines: dict[str, str] = field(default_factory=dict)  # dimension slug -> characteristic headline
    costs: dict[str, CostParam] = field(default_factory=dict)  # cost key -> parameter


@dataclass(frozen=True)
class Catalogue:
    """Everything scoring needs from staff-edited content, as of one moment."""

    models: tuple[ModelSpec, ...]
    dimensions: tuple[DimensionSpec, ...]
    # What is worked out once per catalogue rather than once per assessment (see `derived_value`). Not an
    # argument, so that dataclasses.replace() gives the changed catalogue a store of its own.
    derived: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def derived_value(self, key: str, make: Callable[[Catalogue], T]) -> T:
        """What `make` works out from this catalogue, worked out on first use and kept with it.

        The catalogue is kept per process until staff change it (see catalogue.py), so this runs once per
        edit, not once per assessment. Two threads may both work it out at first; either result is right.
        """
        found = self.derived.get(key)
        if found is None:
            found = self.derived[key] = make(self)
        return found


# ---- The result ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """How much one dimension matters to this organisation (0..1), and the answers that made it so."""

    dimension: str
    name: str
    weight: float
    need: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DimensionFit:
    dimension: str
    rating: int
    points: float  # this dimension's share of the model's fit, in points out of 100


@dataclass(frozen=True)
class CostBreakdown:
    """Expected cost per month by part, before onboarding."""

    labour: float
    fees: float
    downtime: float
    onboarding: float


@dataclass(frozen=True)
class CostEstimate:
    """Costs grow in a straight line from the one-off onboarding at month 0 by `monthly` each month."""

    monthly: Range
    onboarding: Range
    one_year: Range
    two_years: Range
    three_years: Range
    breakdown: CostBreakdown


@dataclass(frozen=True)
class ModelResult:
    slug: str
    name: str
    fit: float  # 0..100
    cost_score: float  # 0..100, 100 for the cheapest over three years
    overall: float  # the blend that decides the recommendation
    cost: CostEstimate
    dimensions: tuple[DimensionFit, ...]


@dataclass(frozen=True)
class Factor:
    """A dimension that separated the models, in plain words, with what it gave each model."""

    dimension: str
    name: str
    need: float
    text: str
    points: dict[str, float]  # model slug -> points of fit from this dimension
    spread: float


@dataclass(frozen=True)
class TippingPoint:
    field: str
    label: str
    kind: str  # "recommendation" or "cheaper"
    current: float
    value: float | None  # None: no value in the allowed range changes the answer
    direction: str  # "up", "down" or "none"
    becomes: str | None  # slug of the model that takes over at value
    text: str


@dataclass(frozen=True)
class Assumption:
    label: str
    value: str
    source: str = ""
    source_url: str = ""
    vendor_claim: bool = False
    note: str = ""
    model: str = ""


@dataclass(frozen=True)
class Result:
    recommendation: str
    recommendation_name: str
    close_call: bool
    summary: str
    decider: str
    models: tuple[ModelResult, ...]
    needs: tuple[Need, ...]
    factors: tuple[Factor, ...]
    tipping_points: tuple[TippingPoint, ...]
    assumptions: tuple[Assumption, ...]
    devices: int
    devices_estimated: bool
    downtime_cost_per_hour: float
    downtime_cost_estimated: bool
    downtime_cost_rule: str
