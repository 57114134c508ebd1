"""The plain data the engine works on and gives back: frozen dataclasses, no Django.

In: a `Profile` (one organisation's answers) and a `Catalogue` (the options, aspects and sourced figures
staff edit). Out: a `Result`. `decide.score()` is the one entry point.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Included:
    """A piece of work a quote may include (quotes.py prices each one it leaves out)."""

    key: str
    label: str  # as the form lists it
    words: str  # as it reads mid-sentence ("leaves out security and on-site visits")
    left_out: str  # what leaving it out costs, beside its price on the result


# What a quote may include, in the order the form lists them: the one list, which the form, the pricing, the
# sentences and the result page all read.
INCLUDED: tuple[Included, ...] = (
    Included(
        "helpdesk",
        "Fixing problems when something breaks (helpdesk)",
        "fixing problems (the helpdesk)",
        "each problem billed by the hour, and slower to start, so more work lost waiting",
    ),
    Included(
        "monitoring",
        "Monitoring and patching",
        "monitoring and patching",
        "more problems, and a likelier serious incident (lost work and risk)",
    ),
    Included(
        "security",
        "Security (endpoint protection, email filtering, managed sign-in)",
        "security",
        "tooling bought separately, and no managed security against serious incidents",
    ),
    Included(
        "backup",
        "Backup, with restore tests",
        "backup",
        "tooling bought separately, and recovery as slow as your own backups allow",
    ),
    Included(
        "after_hours", "Help outside business hours", "after-hours help", "out-of-hours call-outs at a higher rate"
    ),
    Included("onsite", "On-site visits", "on-site visits", "each visit a problem needs"),
    Included(
        "new_starters",
        "New starters and leavers",
        "new starters and leavers",
        "setting people up and removing them, by the hour",
    ),
    Included(
        "projects",
        "Projects (new systems, moves, upgrades)",
        "projects",
        "billed by the hour if you need it; beside the totals, not in them",
    ),
)
QUOTE_INCLUDES: tuple[tuple[str, str], ...] = tuple((piece.key, piece.label) for piece in INCLUDED)


# What a quote can be a way of buying: catalogue slugs as seeded, with how the form names them. A quote for an
# option billed by the hour gives its hourly rate; the others give their monthly prices.
QUOTE_MODELS = (
    ("msp", "Managed services (a monthly fee)"),
    ("co-managed", "Co-managed IT beside your own IT staff (a monthly fee)"),
    ("break-fix", "Break/Fix (by the hour)"),
    ("block-hours", "A block of prepaid hours"),
)
HOURLY_QUOTE_MODELS = ("break-fix", "block-hours")


@dataclass(frozen=True)
class Quote:
    """A managed-services quote a person holds, with its contract terms (None: not stated in the quote)."""

    name: str
    price_per_user_month: float | None = None
    price_per_device_month: float | None = None
    flat_monthly: float | None = None
    minimum_monthly: float | None = None
    onboarding: float | None = None
    term_months: int = 12
    yearly_increase_percent: float = 0.0
    notice_days: int = 0
    termination_fee_months: float = 0.0
    response_hours: float | None = None  # promised first response to an urgent problem; None: "best efforts"
    patch_days: float | None = None  # promised days to apply a critical fix; None: "best efforts"
    includes: tuple[str, ...] = ()
    # The option the quote is a way of buying (a catalogue slug), and for an option billed by the hour (Break/Fix,
    # block hours) its hourly rate: the quote then stands in the ranking as that option at that rate.
    model: str = "msp"
    hourly_rate: float | None = None
    # Its prices include the region's sales tax (VAT, GST): they are priced without it, as every other figure is.
    includes_vat: bool = False


@dataclass(frozen=True)
class Profile:
    """One organisation's answers, validated and normalised by the form (names as in answers.QUESTIONS).

    None means "left blank": devices, problems a month and downtime cost are then estimated from size.
    """

    industry: str
    employees: int
    incidents_per_month: float | None = None
    operating_hours: str = "business_hours"
    budget_preference: str = "no_preference"
    growth: str = "stable"
    compliance: str = "none"
    backup: str = "partial"
    it_dependence: str = "medium"
    devices: float | None = None
    sites: int = 1
    it_staff: float = 0.0
    downtime_cost_per_hour: float | None = None
    hourly_rate: float | None = None
    msp_fee_per_user: float | None = None
    quotes: tuple[Quote, ...] = ()
    # What the organisation must meet (requirements.py): its insurer ("yes", "no", "not_sure"), the frameworks it
    # follows (or ("not_sure",)), and the controls it already has on every account and device.
    cyber_insurance: str = "no"
    frameworks: tuple[str, ...] = ()
    controls: tuple[str, ...] = ()
    # The country whose prices, currency and tax apply (ISO 3166-1 alpha-2; a region staff list), and whether the
    # organisation can reclaim that tax (VAT, GST) on what it is invoiced: "yes", "partly" or "no".
    region: str = "US"
    vat_reclaim: str = "yes"


@dataclass(frozen=True)
class Range:
    low: float
    expected: float
    high: float


@dataclass(frozen=True)
class Figure:
    """One sourced figure of the cost model, as a low / expected / high range."""

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
    # Set when the region has no figure of its own: what stands in for it ("the US figure at £0.78 a dollar...").
    stand_in: str = ""

    @property
    def uncertain(self) -> bool:
        return self.low < self.high

    def fixed_at(self, value: float, *, source_title: str, note: str = "") -> Figure:
        return replace(
            self,
            low=value,
            expected=value,
            high=value,
            source_title=source_title,
            source_url="",
            source_year=None,
            vendor_claim=False,
            note=note,
        )


@dataclass(frozen=True)
class DimensionSpec:
    slug: str
    name: str
    weight: float


@dataclass(frozen=True)
class ModelSpec:
    """A support option: its rating on each aspect (0-5) and its own cost figures by key."""

    slug: str
    name: str
    ratings: dict[str, int]
    headlines: dict[str, str]
    figures: dict[str, Figure]
    pricing: str = "per_job"  # how it charges: a costs.PRICING_TYPES value, chosen in admin
    basis: str = "per_user"  # what its fees are counted on: a costs.PRICING_BASES value, chosen in admin


@dataclass(frozen=True)
class FrameworkSpec:
    """A framework a region's organisations meet (Cyber Essentials in GB, HIPAA in the US), as staff edit it.
    `usual`: counted when someone is not sure which frameworks apply to them."""

    code: str
    name: str
    region: str  # ISO 3166-1 alpha-2; "" for every region
    usual: bool = False
    source_title: str = ""
    source_url: str = ""
    source_year: int | None = None


@dataclass(frozen=True)
class AddonSpec:
    """Something bought beside an option so that it meets a requirement (patch monitoring, a BAA), priced by
    its costs: (unit, figure) pairs, units as in requirements.ADDON_UNITS."""

    code: str
    name: str
    costs: tuple[tuple[str, Figure], ...]


@dataclass(frozen=True)
class RequirementSpec:
    """One thing an insurer or a framework asks for, and how each option meets it (requirements.py)."""

    code: str
    name: str
    framework: str  # a framework's code, or "cyber_insurance" for the insurer's
    region: str  # ISO 3166-1 alpha-2; "" for every region
    control: str  # the organisation's own control that meets it whatever the option ("mfa", "backup"...), or ""
    consequence_kind: str  # "payout": failing loses the insurer's payout; "fixed": the figure over three years
    consequence: Figure
    meets: dict[str, str]  # by option slug: "yes" (as sold), "with_addon" or "no"
    addons: dict[str, str]  # by option slug: the add-on's code, where it meets it with one
    evidence: dict[str, tuple[str, ...]]  # by option slug: what it produces to show it
    deadline_days: float | None = None  # days to apply a critical fix, for a patching requirement
    source_title: str = ""
    source_url: str = ""
    source_year: int | None = None


@dataclass(frozen=True)
class RegionSpec:
    """The country a catalogue's prices are for: its currency (ISO 4217), the locale its amounts are written in,
    and its sales tax on invoices (none for the United States: sales tax on services is out of scope)."""

    code: str = "US"
    name: str = "United States"
    currency: str = "USD"
    locale: str = "en_US"
    tax_name: str = ""
    tax_rate: float = 0.0  # 0.2 for 20 %
    tax_year: int | None = None
    tax_partly_share: float = 0.5  # the share of the tax counted as a cost when it can be reclaimed only in part


@dataclass(frozen=True)
class Catalogue:
    """Everything scoring needs from staff-edited content, as of one moment.

    `figures` are those that hold for every option (security tooling a user, the chance of a serious
    incident, ...); each option's own are on its ModelSpec.
    """

    models: tuple[ModelSpec, ...]
    dimensions: tuple[DimensionSpec, ...]
    figures: dict[str, Figure]
    frameworks: tuple[FrameworkSpec, ...] = ()
    requirements: tuple[RequirementSpec, ...] = ()
    addons: tuple[AddonSpec, ...] = ()
    region: RegionSpec = RegionSpec()  # catalogues stored before regions were the United States'


# ---- The result ---------------------------------------------------------------------------------------

RESULT_VERSION = 6  # the shape of Result; snapshot.py upgrades older stored versions on read


class TippingPointKind(enum.Enum):
    RECOMMENDATION = "recommendation"  # which option comes out ahead overall
    CHEAPER = "cheaper"  # which option costs least over three years, all three parts counted


@dataclass(frozen=True)
class Need:
    """How much one aspect matters to this organisation (0..1), and the answers that raise it."""

    dimension: str
    name: str
    weight: float
    need: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DimensionFit:
    dimension: str
    rating: int
    points: float  # this aspect's share of the option's fit, in points out of 100


@dataclass(frozen=True)
class CostParts:
    """Three years of one option, in three parts that are never mixed: what you would be invoiced, staff
    time lost to IT trouble, and the expected cost of serious incidents."""

    bills: Range
    lost_work: Range
    risk: Range


HOW_LABELS = {
    "included": "Included",
    "billed": "Billed",
    "risk": "Counted as risk",
    "in_house": "Done in-house",
    "not_needed": "Not needed",
}


@dataclass(frozen=True)
class ScopeItem:
    """How one piece of the common scope is counted for an option."""

    piece: str  # fixing, upkeep, tooling, joiners, after_hours
    label: str
    how: str  # a key of HOW_LABELS
    text: str

    @property
    def how_label(self) -> str:
        return HOW_LABELS[self.how]


@dataclass(frozen=True)
class OptionCost:
    three_years: Range  # the total of the three parts: expected is their sum; low/high are simulated
    parts: CostParts
    bills_per_month: float  # expected bills a month after any one-off onboarding
    onboarding: float  # expected one-off charge at the start
    bill_lines: dict[str, float]  # expected three-year bills by line: labour, fees, onboarding, tooling, joiners
    chance_cheapest: float | None  # 0..1, over options and quotes together; None for results of an older model
    scope: tuple[ScopeItem, ...]
    # With quotes entered: the chance over the options alone, for the page shared without the quotes.
    chance_cheapest_of_options: float | None = None


@dataclass(frozen=True)
class OptionResult:
    slug: str
    name: str
    fit: float  # 0..100: how well its characteristics meet the needs the answers show (explanation only)
    cost_score: float  # 0..100: its three-year total against the reference spend (100 at no cost, 50 at it)
    overall: float  # 0..100: the same of the ranking figure (total less allowance); the highest is recommended
    cost: OptionCost
    dimensions: tuple[DimensionFit, ...]
    allowance: float = 0.0  # what the person's stated way of paying counts for, taken off the total to rank
    line: str = ""  # what the option is for this organisation, in one line ("you prepay about 8 hours a month...")
    # The option as it would be for this organisation ("Hire one IT person"); `name` stays the catalogue's. Empty
    # in results stored before titles: show the name.
    title: str = ""

    @property
    def ranking_figure(self) -> float:
        """What the ranking compares: the expected three-year total less the allowance for how the person pays."""
        return self.cost.three_years.expected - self.allowance


@dataclass(frozen=True)
class Factor:
    """An aspect that separated the options, in plain words, with the points it gave each."""

    dimension: str
    name: str
    need: float
    text: str  # the answers behind the need, and each option's rating with its characteristic
    brief: str  # the same in one short sentence, for the reasons on the first screen
    points: dict[str, float]


@dataclass(frozen=True)
class TippingPoint:
    """Where one answer would change the advice, or that nothing within reach does (value None)."""

    field: str
    label: str
    kind: TippingPointKind
    current: float
    value: float | None  # the exact point found; the text rounds it
    direction: str  # "up", "down" or "none"
    becomes: str | None
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
class NotApplicable:
    """An active option that cannot serve this organisation, and why (not ranked)."""

    slug: str
    name: str
    reason: str


@dataclass(frozen=True)
class Estimates:
    """The answers left blank and what was used instead (the same as the answer when it was given)."""

    devices: float
    devices_estimated: bool
    incidents_per_month: float
    incidents_estimated: bool
    downtime_cost_per_hour: float
    downtime_cost_estimated: bool


FLAG_TITLES = {
    "long_notice": "Long notice to leave",
    "termination_fee": "Costly to leave early",
    "best_efforts": "No promised response time",
    "above_market": "Above market price",
    "below_market": "Below market price",
    "missing_security": "Security left out",
    "missing_backup": "Backup left out",
    "missing_helpdesk": "Fixing problems left out",
    "misses_requirement": "Misses a requirement you stated",
}


@dataclass(frozen=True)
class Flag:
    """A term of a quote a buyer should question, in a plain sentence."""

    code: str  # a key of FLAG_TITLES
    text: str
    requirement: str = ""  # for misses_requirement: the requirement's code

    @property
    def title(self) -> str:
        return FLAG_TITLES.get(self.code, self.code.replace("_", " ").capitalize())


@dataclass(frozen=True)
class QuoteResult:
    """One of the person's quotes, priced on the same scope and parts as the options."""

    name: str
    monthly_first_year: float  # the quote's own fee a month in its first year (at least its minimum)
    per_person_month: float  # that fee divided by the number of people, to compare with market prices
    fees_three_years: float  # 36 months of its own fees with its yearly increases, onboarding not included
    exit_cost_after_one_year: float  # leaving at the end of month 12, notice given in time
    left_out: dict[str, float]  # each piece it leaves out, by QUOTE_INCLUDES key: its expected 3-year cost
    flags: tuple[Flag, ...]
    cost: OptionCost
    minimum_applies: bool = False  # its minimum monthly charge is more than its prices come to
    monthly_third_year: float = 0.0  # its own fee a month in the third year, after two yearly rises
    model: str = "msp"  # the option it is a way of buying
    allowance: float = 0.0  # what the person's stated way of paying counts for, as for its option

    @property
    def ranking_figure(self) -> float:
        """What the ranking compares: the expected three-year total less the allowance for how the person pays."""
        return self.cost.three_years.expected - self.allowance


@dataclass(frozen=True)
class WithoutQuotes:
    """The answer over the catalogue's options alone, for the link shared without the person's quotes: nothing in
    it reveals a quote's price."""

    recommendation: str
    recommendation_name: str
    close_call: bool
    headline: str
    summary: str
    reasons: tuple[str, ...]
    tipping_points: tuple[TippingPoint, ...]
    order: tuple[str, ...]  # the options' slugs, best first


@dataclass(frozen=True)
class AddonPrice:
    name: str
    bills_three_years: Range


@dataclass(frozen=True)
class RequirementCell:
    """How one option meets one requirement: "yes" as sold, "with_addon" (named and priced), or "no"."""

    model: str
    meets: str
    addon: AddonPrice | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequirementRow:
    code: str
    name: str
    options: tuple[RequirementCell, ...]
    met_by_you: bool = False  # your own control meets it whatever the option


@dataclass(frozen=True)
class Swing:
    """How far one answer or uncertain figure moves the leader's lead (the lowest ranking figure of another option
    less the leader's; below zero, another option would be ahead) with it at each end of its range."""

    key: str  # the answer's field, or the figure's key
    label: str
    kind: str  # "answer" or "figure"
    low: float  # the answer or figure at the low end: for an answer, the farthest the tipping search looked
    high: float
    gap_low: float  # the leader's lead with it at `low`
    gap_high: float
    changes: bool = False  # an answer whose tipping point (within reach) changes the recommendation
    money: bool = False  # `low` and `high` are amounts of money

    @property
    def size(self) -> float:
        return abs(self.gap_high - self.gap_low)


@dataclass(frozen=True)
class Depends:
    """What the answer depends on (depends.py), worked out when scored: RESULT_VERSION 6 on."""

    leader: str  # the names of the two candidates compared
    runner_up: str
    gap: float  # the leader's lead at the answers as given: the runner-up's ranking figure less the leader's
    answers: tuple[Swing, ...]  # the searched answers, most telling first
    figures: tuple[Swing, ...]  # the uncertain figures that move the gap most, most first (at most a few)
    most: str | None  # the answer it depends on most, one whose tipping point changes it; None: none within reach
    words: str  # in plain words
    measure: str  # for `most`, how to measure it for a month before deciding ("" when None)


@dataclass(frozen=True)
class Result:
    version: int
    recommendation: str
    recommendation_name: str
    close_call: bool
    headline: str
    summary: str
    reasons: tuple[str, ...]  # the two or three reasons, most telling first
    options: tuple[OptionResult, ...]  # ranked, best first
    needs: tuple[Need, ...]
    factors: tuple[Factor, ...]
    tipping_points: tuple[TippingPoint, ...]
    assumptions: tuple[Assumption, ...]  # what was worked out for this organisation (estimates, method)
    notes: tuple[str, ...]  # answers called out as unusual
    scope_note: str | None  # set when the organisation is beyond what the figures hold for
    estimates: Estimates
    not_applicable: tuple[NotApplicable, ...] = ()
    quotes: tuple[QuoteResult, ...] = ()  # the person's quotes, cheapest all told first
    quote_verdict: tuple[str, ...] = ()  # which quote is the better deal over three years, and why
    recommended_quote: str | None = None  # the quote that is the best way to buy the recommended option
    without_quotes: WithoutQuotes | None = None  # with quotes entered: the answer over the options alone
    requirements: tuple[RequirementRow, ...] = ()  # what the insurer and frameworks ask, option by option
    requirement_line: str = ""  # one line for the first screen when a requirement changes the money
    requirement_notes: tuple[str, ...] = ()  # what was counted, and how "not sure" was read
    depends: Depends | None = None  # what the answer depends on; None in results stored before version 6

    def option(self, slug: str) -> OptionResult:
        return next(o for o in self.options if o.slug == slug)
