"""The one place that reads the catalogue (support models, dimensions, ratings, costs) from the database.

Reading and converting it takes several queries and some milliseconds, and it changes only when staff edit
it, so each process keeps what it built under the content version (models.ContentVersion) and asks for
that one number on each call (from the database, or from its copy beside a SQLite file: versionstamp.py). Every save, delete or bulk update of the catalogue or the
comments changes the number, so an edit shows on the very next request in every worker of every server.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable, Hashable, TypeVar

from django.apps import AppConfig
from django.db import connections
from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from . import versionstamp
from .engine.domain import Catalogue, DimensionSpec, Figure, ModelSpec
from .models import Characteristic, Comment, ContentVersion, CostParameter, Dimension, SharedFigure, SupportModel

T = TypeVar("T")

# ---- The content version -------------------------------------------------------------------------------------


def content_version(using: str = "default") -> int | None:
    """The current content version: from its file beside a SQLite database, else one query on a one-row
    table (None if the row is missing)."""
    stamped = versionstamp.read(using)
    if stamped is not None:
        return stamped
    connection = connections[using]
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {table} WHERE id = 1")  # noqa: S608 - no user input
        row = cursor.fetchone()
    return None if row is None else row[0]


class ByVersion:
    """Values built from the content, kept in this process for as long as the content version stays the same."""

    def __init__(self) -> None:
        self._state: tuple[Any, dict[Hashable, Any]] = (object(), {})
        self._lock = threading.Lock()

    def get(self, version: int | None, key: Hashable, build: Callable[[], T]) -> T:
        if version is None:  # no version row (a database not migrated to it): never keep anything
            return build()
        held, values = self._state
        if held != version:
            with self._lock:
                held, values = self._state
                if held != version:
                    values = {}
                    self._state = (version, values)
        try:
            return values[key]
        except KeyError:
            # Built after the version was read, so never older than it; a newer build under an older number
            # is replaced as soon as the next request reads the newer number.
            value = values[key] = build()
            return value

    def clear(self) -> None:
        self._state = (object(), {})


_kept = ByVersion()

_CONTENT_MODELS = (SupportModel, Dimension, Characteristic, CostParameter, SharedFigure, Comment)


@receiver(post_save, dispatch_uid="advisor.content_saved")
def _content_saved(sender: type, instance: Any, created: bool, using: str, raw: bool = False, **kwargs: Any) -> None:
    if sender not in _CONTENT_MODELS:
        return
    if sender is Comment and created and not instance.is_approved:
        return  # a comment awaiting moderation changes no page
    ContentVersion.bump(using=using)


@receiver(post_delete, dispatch_uid="advisor.content_deleted")
def _content_deleted(sender: type, using: str, **kwargs: Any) -> None:
    if sender in _CONTENT_MODELS:
        ContentVersion.bump(using=using)


@receiver(post_migrate, dispatch_uid="advisor.content_migrated")
def _content_migrated(sender: AppConfig, using: str, **kwargs: Any) -> None:
    # Data migrations write through historical models, which send no signals to the receivers above.
    if sender.name == "advisor" and ContentVersion._meta.db_table in connections[using].introspection.table_names():
        ContentVersion.bump(using=using)


# ---- Reading the catalogue -----------------------------------------------------------------------------------


def _active_models():
    return SupportModel.objects.filter(is_active=True).prefetch_related(
        Prefetch("characteristics", queryset=Characteristic.objects.select_related("dimension")),
        Prefetch("cost_parameters", queryset=CostParameter.objects.all()),
    )


def _figure(row: CostParameter | SharedFigure, label: str) -> Figure:
    return Figure(key=row.key, label=label, low=float(row.low), expected=float(row.expected), high=float(row.high),
                  source_title=row.source_title, source_url=row.source_url, source_year=row.source_year,
                  vendor_claim=row.vendor_claim, note=row.note)


def _read_catalogue() -> Catalogue:
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
            figures={p.key: _figure(p, p.get_key_display()) for p in model.cost_parameters.all()},
        ))
    figures = {f.key: _figure(f, f.label) for f in SharedFigure.objects.all()}
    return Catalogue(models=tuple(models), dimensions=dimensions, figures=figures)


def load_catalogue() -> Catalogue:
    """The active support models and all dimensions, as plain data for scoring.

    One query when this process already holds the current catalogue, four when it must read it again.
    The Catalogue is shared between callers: treat it as read-only, as scoring does.
    """
    return _kept.get(content_version(), "catalogue", _read_catalogue)


@dataclass(frozen=True)
class ComparisonRow:
    dimension: Dimension
    cells: list[tuple[SupportModel, Characteristic | None]]  # one per active model, in display order


@dataclass(frozen=True)
class Comparison:
    models: list[SupportModel]
    rows: list[ComparisonRow]


def _read_comparison() -> Comparison:
    models = list(_active_models())
    dimensions = list(Dimension.objects.all())
    cells = {(c.support_model_id, c.dimension_id): c for m in models for c in m.characteristics.all()}
    rows = [ComparisonRow(d, [(m, cells.get((m.id, d.id))) for m in models]) for d in dimensions]
    return Comparison(models=models, rows=rows)


def load_comparison() -> Comparison:
    """The side-by-side table for the comparison page: a row per dimension, a cell per active model.

    Kept like load_catalogue; the model instances are shared between requests, so nothing may change them.
    """
    return _kept.get(content_version(), "comparison", _read_comparison)
