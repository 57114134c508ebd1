"""The one place that reads the catalogue (support models, dimensions, ratings, costs) from the database."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from .domain import Catalogue, CostParam, DimensionSpec, ModelSpec
from .models import Characteristic, CostParameter, Dimension, SupportModel


def _active_models():
    return SupportModel.objects.filter(is_active=True).prefetch_related(
        Prefetch("characteristics", queryset=Characteristic.objects.select_related("dimension")),
        Prefetch("cost_parameters", queryset=CostParameter.objects.all()),
    )


def load_catalogue() -> Catalogue:
    """The active support models and all dimensions, as plain data for scoring (three queries)."""
    dimensions = tuple(
        DimensionSpec(slug=d.slug, name=d.name, weight=float(d.weight)) for d in Dimension.objects.all()
    )
    models = []
    for model in _active_models():
        characteristics = list(model.characteristics.all())
        models.append(ModelSpec(
            slug=model.slug,
            name=model.name,
            ratings={c.dimension.slug: c.rating for c in characteristics},
            headlines={c.dimension.slug: c.headline for c in characteristics},
            costs={
                p.key: CostParam(
                    key=p.key, label=p.get_key_display(), low=float(p.low), expected=float(p.expected),
                    high=float(p.high), source_title=p.source_title, source_url=p.source_url,
                    source_year=p.source_year, vendor_claim=p.vendor_claim, note=p.note,
                )
                for p in model.cost_parameters.all()
            },
        ))
    return Catalogue(models=tuple(models), dimensions=dimensions)


@dataclass(frozen=True)
class ComparisonRow:
    dimension: Dimension
    cells: list[tuple[SupportModel, Characteristic | None]]  # one per active model, in display order


@dataclass(frozen=True)
class Comparison:
    models: list[SupportModel]
    rows: list[ComparisonRow]


def load_comparison() -> Comparison:
    """The side-by-side table for the comparison page: a row per dimension, a cell per active model."""
    models = list(_active_models())
    dimensions = list(Dimension.objects.all())
    cells = {(c.support_model_id, c.dimension_id): c for m in models for c in m.characteristics.all()}
    rows = [ComparisonRow(d, [(m, cells.get((m.id, d.id))) for m in models]) for d in dimensions]
    return Comparison(models=models, rows=rows)
