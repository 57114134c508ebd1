"""The seeded catalogue as plain engine data, built without a database (test_seed checks that the database's
copy reads back the same)."""

from __future__ import annotations

from advisor.content import answer_2026_12 as answer
from advisor.content import cover_2026_11 as cover
from advisor.content import figures_2026_11 as seeded
from advisor.content import market_2026_12 as market
from advisor.content import quote_figures_2026_11 as quote_figures
from advisor.content import regions_2026_12 as regions
from advisor.content import size_2026_12 as size
from advisor.engine.domain import Catalogue, DimensionSpec, Figure, ModelSpec

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

BREAK_FIX_RATINGS = dict(
    engagement=5,
    monitoring=0,
    maintenance=1,
    downtime=1,
    cost=2,
    scalability=2,
    partnership=1,
    continuity=1,
    availability=1,
    breadth=2,
)
MSP_RATINGS = dict(
    engagement=2,
    monitoring=5,
    maintenance=5,
    downtime=4,
    cost=5,
    scalability=4,
    partnership=5,
    continuity=5,
    availability=4,
    breadth=5,
)


def figure(row: tuple) -> Figure:
    key, label, low, expected, high, title, url, year, vendor_claim, note = row
    return Figure(key, label, float(low), float(expected), float(high), title, url, year, vendor_claim, note)


def option_figures(slug: str, rows: tuple = seeded.OPTIONS) -> dict[str, Figure]:
    """An option's seeded figures, with those added for size (issue 24)."""
    return {row[1]: figure(row[1:]) for row in rows + size.OPTIONS if row[0] == slug}


def seeded_catalogue() -> Catalogue:
    return Catalogue(
        models=(
            ModelSpec(
                "break-fix", "Break/Fix", BREAK_FIX_RATINGS, {}, option_figures("break-fix"), "per_job", "per_user"
            ),
            ModelSpec(
                "msp", "Managed Services Provider", MSP_RATINGS, {}, option_figures("msp"), "subscription", "per_user"
            ),
        ),
        dimensions=DIMENSIONS,
        figures={
            row[0]: figure(row)
            for row in seeded.SHARED
            + cover.SHARED
            + quote_figures.SHARED
            + answer.SHARED
            + size.SHARED
            + regions.shared_rows("US")
            + market.SHARED
        },
    )


def catalogue_with_options_between() -> Catalogue:
    """The seeded catalogue with the three options in between (advisor/content/options_2026_11.py)."""
    from advisor.content import options_2026_11 as between

    base = seeded_catalogue()
    extra = []
    for model in between.SUPPORT_MODELS:
        ratings = {
            row["dimension"]: row["rating"] for row in between.CHARACTERISTICS if row["support_model"] == model["slug"]
        }
        figures = option_figures(model["slug"], between.OPTIONS)
        basis = size.PRICING_BASES[model["slug"]]
        extra.append(ModelSpec(model["slug"], model["name"], ratings, {}, figures, model["pricing_type"], basis))
    return Catalogue(models=base.models + tuple(extra), dimensions=base.dimensions, figures=base.figures)


def with_requirements(catalogue: Catalogue) -> Catalogue:
    """A catalogue with what insurers and frameworks ask (advisor/content/requirements_2026_12.py), built as
    advisor/catalogue.py reads the seeded rows (test_seed checks that the two agree)."""
    from dataclasses import replace

    from advisor.content import requirements_2026_12 as seeded_requirements
    from advisor.engine.domain import AddonSpec, FrameworkSpec, RequirementSpec
    from advisor.engine.requirements import ADDON_UNITS

    units = dict(ADDON_UNITS)
    slugs = {m.slug for m in catalogue.models}
    frameworks = tuple(
        FrameworkSpec(code, name, region, usual, title, url, year)
        for code, region, name, usual, title, url, year in seeded_requirements.FRAMEWORKS
    )
    addons = tuple(
        AddonSpec(code, name, tuple((unit, figure((unit, units[unit], *row))) for unit, *row in costs))
        for code, name, costs in sorted(seeded_requirements.ADDONS)
    )
    requirements = []
    for (
        code,
        name,
        framework,
        region,
        control,
        deadline,
        title,
        url,
        year,
        lost,
        cells,
    ) in seeded_requirements.REQUIREMENTS:
        kind, low, expected, high, c_title, c_url, c_year, note = lost
        kept = {slug: cell for slug, cell in cells.items() if slug in slugs}
        requirements.append(
            RequirementSpec(
                code=code,
                name=name,
                framework=framework,
                region=region,
                control=control,
                consequence_kind=kind,
                consequence=Figure(
                    code, name, float(low), float(expected), float(high), c_title, c_url, c_year, False, note
                ),
                meets={slug: meets for slug, (meets, _, _) in kept.items()},
                addons={slug: addon for slug, (_, addon, _) in kept.items() if addon},
                evidence={slug: evidence for slug, (_, _, evidence) in kept.items()},
                deadline_days=None if deadline is None else float(deadline),
                source_title=title,
                source_url=url,
                source_year=year,
            )
        )
    return replace(catalogue, frameworks=frameworks, requirements=tuple(requirements), addons=addons)
