"""The one place that reads the catalogue (support models, dimensions, ratings, costs) from the database.

It changes only when staff edit it, and every save, delete or bulk update of the catalogue or the comments
changes the content version (models.ContentVersion, one row). What is built from the content is therefore
kept under that number and read again when it changes: the catalogue for scoring in this process's memory
(load_catalogue), rendered parts of pages in the "fragments" cache (the views and templates). Each request
reads the number afresh with one small query, so an edit shows on the very next request in every worker
of every server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.apps import AppConfig
from django.db import connections, router
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from .engine import money
from .engine.domain import (
    AddonSpec,
    Catalogue,
    DimensionSpec,
    Figure,
    FrameworkSpec,
    ModelSpec,
    RegionSpec,
    RequirementSpec,
)
from .models import (
    Addon,
    AddonCost,
    Characteristic,
    Comment,
    Consequence,
    ContentVersion,
    CostParameter,
    Dimension,
    Framework,
    Region,
    Requirement,
    RequirementOption,
    SharedFigure,
    SupportModel,
)

# ---- The content version -------------------------------------------------------------------------------------


def content_version() -> int | None:
    """The current content version: one query on a one-row table.

    None only when the row is missing (migration 0004 makes it): load_catalogue then reads on every call,
    and fragments are kept under None until the next change makes the row again with a new number.
    """
    # Plain SQL through Django's cursor: the ORM spends far longer building this one-line query than the
    # cursor takes (docs/performance.md). Still counted by the tests' query budgets.
    connection = connections[router.db_for_read(ContentVersion)]
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = 1")  # no user input
        row = cursor.fetchone()
    return None if row is None else row[0]


_CONTENT_MODELS = (
    SupportModel,
    Dimension,
    Characteristic,
    CostParameter,
    SharedFigure,
    Comment,
    Framework,
    Addon,
    AddonCost,
    Requirement,
    Consequence,
    RequirementOption,
    Region,
)


def _content_saved(sender: type, instance: Any, created: bool, using: str, raw: bool = False, **kwargs: Any) -> None:
    if sender is Comment and created and not instance.is_approved:
        return  # a comment awaiting moderation changes no page
    ContentVersion.bump(using=using)


def _content_deleted(sender: type, using: str, **kwargs: Any) -> None:
    ContentVersion.bump(using=using)


# One registration per content model, each naming its sender. A receiver connected without a sender listens to
# every model, and Django cannot delete in bulk a model that has delete listeners: it loads every row first
# (an assessment with its stored result), which made the retention purge of a large table take minutes and
# gigabytes. Assessments have no listeners, so their deletes stay a few queries a batch.
for _model in _CONTENT_MODELS:
    post_save.connect(_content_saved, sender=_model, dispatch_uid=f"advisor.content_saved.{_model.__name__}")
    post_delete.connect(_content_deleted, sender=_model, dispatch_uid=f"advisor.content_deleted.{_model.__name__}")


@receiver(post_migrate, dispatch_uid="advisor.content_migrated")
def _content_migrated(sender: AppConfig, using: str, **kwargs: Any) -> None:
    # Data migrations write through historical models, which send no signals to the receivers above.
    if sender.name == "advisor" and ContentVersion._meta.db_table in connections[using].introspection.table_names():
        ContentVersion.bump(using=using)


# ---- Reading the catalogue -----------------------------------------------------------------------------------

DEFAULT_REGION = "US"  # results and API bodies that name no region, as every one did before regions


def _active_models(region: str = DEFAULT_REGION):
    return SupportModel.objects.filter(is_active=True).prefetch_related(
        Prefetch("characteristics", queryset=Characteristic.objects.select_related("dimension")),
        Prefetch("cost_parameters", queryset=CostParameter.objects.filter(region_id=region)),
    )


def _figure(row: CostParameter | SharedFigure, label: str, currency: money.Currency) -> Figure:
    return Figure(
        key=row.key,
        label=money.unit_label(label, currency),
        low=float(row.low),
        expected=float(row.expected),
        high=float(row.high),
        source_title=row.source_title,
        source_url=row.source_url,
        source_year=row.source_year,
        vendor_claim=row.vendor_claim,
        note=row.note,
        stand_in=row.stand_in,
    )


def region_spec(region: Region) -> RegionSpec:
    return RegionSpec(
        code=region.code,
        name=region.name,
        currency=region.currency,
        locale=region.locale,
        tax_name=region.tax_name,
        tax_rate=float(region.tax_rate),
        tax_year=region.tax_year,
        tax_partly_share=float(region.tax_partly_share),
    )


def _read_catalogue(code: str = DEFAULT_REGION) -> Catalogue:
    found = Region.objects.filter(code=code).first()
    spec = region_spec(found) if found is not None else RegionSpec()
    currency = money.Currency(spec.currency, spec.locale)
    dimensions = tuple(DimensionSpec(slug=d.slug, name=d.name, weight=float(d.weight)) for d in Dimension.objects.all())
    models = []
    for model in _active_models(spec.code):
        characteristics = list(model.characteristics.all())
        models.append(
            ModelSpec(
                slug=model.slug,
                name=model.name,
                ratings={c.dimension.slug: c.rating for c in characteristics},
                headlines={c.dimension.slug: c.headline for c in characteristics},
                figures={p.key: _figure(p, p.get_key_display(), currency) for p in model.cost_parameters.all()},
                pricing=model.pricing_type,
                basis=model.pricing_basis,
            )
        )
    figures = {f.key: _figure(f, f.label, currency) for f in SharedFigure.objects.filter(region_id=spec.code)}
    frameworks, requirements, addons = _read_requirements({m.slug for m in models}, _dollar_rate(found))
    return Catalogue(
        models=tuple(models),
        dimensions=dimensions,
        figures=figures,
        region=spec,
        frameworks=frameworks,
        requirements=requirements,
        addons=addons,
    )


# What insurers and frameworks ask is priced in US dollars (advisor/content/requirements_2026_12.py: nobody
# publishes what patch monitoring or a BAA adds to a small firm's bill elsewhere). Another country's result takes
# those amounts as stand-ins at the exchange rate on its Region row (staff edit it), rounded, and says so.
MONEY_UNITS = ("per_user_month", "per_device_month", "once")


@dataclass(frozen=True)
class DollarRate:
    """Units of a region's currency a US dollar bought, and who published it for which year."""

    rate: float
    currency: str
    source: str
    year: int | None

    def words(self) -> str:
        when = f", {self.year}" if self.year else ""
        return (
            f"the US figure converted at {self.rate:g} {self.currency} a dollar ({self.source}{when}), rounded to "
            f"whole units (two significant figures above 100)"
        )


def _dollar_rate(region: Region | None) -> DollarRate | None:
    """The region's exchange rate from its row (None for a region in US dollars, or one staff gave none)."""
    if region is None or region.currency == "USD" or region.dollar_rate is None:
        return None
    return DollarRate(float(region.dollar_rate), region.currency, region.dollar_rate_source, region.dollar_rate_year)


def _sourced(row: AddonCost | Consequence, key: str, label: str, rate: DollarRate | None = None) -> Figure:
    """A requirement's figure; with `rate`, a US-dollar amount converted into the region's currency as a stand-in,
    rounded (money.rough) so it claims no precision the rate does not give it."""

    def at_rate(amount: Any) -> float:
        return money.rough(float(amount) * rate.rate) if rate else float(amount)

    return Figure(
        key=key,
        label=label,
        low=at_rate(row.low),
        expected=at_rate(row.expected),
        high=at_rate(row.high),
        source_title=row.source_title,
        source_url=row.source_url,
        source_year=row.source_year,
        vendor_claim=row.vendor_claim,
        note=row.note,
        stand_in=rate.words() if rate else "",
    )


def _read_requirements(
    active: set[str], rate: DollarRate | None
) -> tuple[tuple[FrameworkSpec, ...], tuple[RequirementSpec, ...], tuple[AddonSpec, ...]]:
    """What insurers and frameworks ask (advisor/engine/requirements.py), its amounts in the region's currency
    (converted at `rate`, the region's own): three queries."""
    frameworks = tuple(
        FrameworkSpec(f.code, f.name, f.region, f.usual, f.source_title, f.source_url, f.source_year)
        for f in Framework.objects.all()
    )
    addons = tuple(
        AddonSpec(
            a.code,
            a.name,
            tuple(
                (c.unit, _sourced(c, c.unit, c.get_unit_display(), rate if c.unit in MONEY_UNITS else None))
                for c in a.costs.all()
            ),
        )
        for a in Addon.objects.prefetch_related(Prefetch("costs", queryset=AddonCost.objects.all()))
    )
    requirements = []
    found = Requirement.objects.select_related("consequence").prefetch_related(
        Prefetch("options", queryset=RequirementOption.objects.select_related("support_model", "addon"))
    )
    for r in found:
        consequence = getattr(r, "consequence", None)
        cells = [c for c in r.options.all() if c.support_model.slug in active]
        requirements.append(
            RequirementSpec(
                code=r.code,
                name=r.name,
                framework=r.framework,
                region=r.region,
                control=r.control,
                consequence_kind=consequence.kind if consequence else "fixed",
                consequence=_sourced(consequence, r.code, r.name, rate if consequence.kind != "payout" else None)
                if consequence
                else Figure(r.code, r.name, 0.0, 0.0, 0.0),
                meets={c.support_model.slug: c.meets for c in cells},
                addons={c.support_model.slug: c.addon.code for c in cells if c.addon is not None},
                evidence={
                    c.support_model.slug: tuple(line for line in c.evidence.splitlines() if line.strip()) for c in cells
                },
                deadline_days=None if r.deadline_days is None else float(r.deadline_days),
                source_title=r.source_title,
                source_url=r.source_url,
                source_year=r.source_year,
            )
        )
    return frameworks, tuple(requirements), addons


# The catalogue of each region this process built last, and the content version it was built under. Kept here
# rather than in the fragments cache: a cache hands out a fresh unpickled copy on every read (docs/performance.md).
_built: dict[str, tuple[int, Catalogue]] = {}


def load_catalogue(region: str = DEFAULT_REGION) -> Catalogue:
    """The active support models with the price book of `region` (a Region's code), and all dimensions, as plain
    data for scoring.

    One query when this process already holds the region's catalogue of the current content version, six when it
    must read it again. The Catalogue is shared between callers: treat it as read-only, as scoring does.
    """
    version = content_version()
    held = _built.get(region)
    if version is not None and held is not None and held[0] == version:
        return held[1]
    # Read after the version, so never older than it; a change committed in between has a newer number,
    # which the next call reads, and reads the catalogue again for.
    catalogue = _read_catalogue(region)
    if version is not None:
        _built[region] = (version, catalogue)
    return catalogue


# ---- Regions -----------------------------------------------------------------------------------------------

DEFAULT_REGION_SPEC = RegionSpec()
_regions: tuple[int, tuple[RegionSpec, ...]] | None = None


def regions() -> tuple[RegionSpec, ...]:
    """The active regions, in display order, kept in this process under the content version like the catalogue."""
    global _regions
    version = content_version()
    if version is not None and _regions is not None and _regions[0] == version:
        return _regions[1]
    found = tuple(region_spec(r) for r in Region.objects.filter(is_active=True))
    if version is not None:
        _regions = (version, found)
    return found


def region_of(code: str | None) -> RegionSpec | None:
    """The active region with this code (any case), or None. The United States, every result's region before
    regions and the default, is known without reading the database (forms and the blank form read none)."""
    wanted = (code or "").strip().upper()
    if wanted == DEFAULT_REGION:
        return DEFAULT_REGION_SPEC
    if not re.fullmatch(r"[A-Z]{2}", wanted):
        return None  # no code, or not one: nothing to look up
    return next((r for r in regions() if r.code == wanted), None)


@dataclass(frozen=True)
class ComparisonRow:
    dimension: Dimension
    cells: list[tuple[SupportModel, Characteristic | None]]  # one per active model, in display order


@dataclass(frozen=True)
class Comparison:
    models: list[SupportModel]  # every active option, in display order
    rows: list[ComparisonRow]  # the two first options (the classic comparison: Break/Fix and an MSP)
    between: list[SupportModel]  # the options after them: those in between
    between_rows: list[ComparisonRow]

    @property
    def main(self) -> list[SupportModel]:
        return self.models[:MAIN_OPTIONS]


# The comparison page sets the first two options in display order side by side (Break/Fix and an MSP, as the
# article compares them), and the rest after them as the options in between, so neither table is too wide for
# a phone.
MAIN_OPTIONS = 2


def load_comparison() -> Comparison:
    """The side-by-side table for the comparison page: a row per dimension, a cell per active model.

    Read from the database on every call (four queries): the comparison page calls it only when its cached
    fragment is missing (see views.comparison).
    """
    models = list(_active_models())
    dimensions = list(Dimension.objects.all())
    cells = {(c.support_model_id, c.dimension_id): c for m in models for c in m.characteristics.all()}

    def rows(group: list[SupportModel]) -> list[ComparisonRow]:
        return [ComparisonRow(d, [(m, cells.get((m.id, d.id))) for m in group]) for d in dimensions] if group else []

    main, between = models[:MAIN_OPTIONS], models[MAIN_OPTIONS:]
    return Comparison(models=models, rows=rows(main), between=between, between_rows=rows(between))
