"""The writes: storing an assessment with the snapshot it will always be shown from."""
from __future__ import annotations

import dataclasses
from typing import Any

import orjson
from django.db import transaction
from django.utils import timezone

from .catalogue import load_catalogue
from .domain import Catalogue, Profile, Result
from .models import Assessment, Comment
from .scoring import score

SNAPSHOT_VERSION = 1


def build_snapshot(*, profile: Profile, catalogue: Catalogue, result: Result) -> dict[str, Any]:
    """Inputs, the catalogue figures used and the full result, as plain JSON-ready data."""
    return {
        "version": SNAPSHOT_VERSION,
        "scored_at": timezone.now().isoformat(),
        "inputs": _plain(profile),
        "catalogue": _plain_catalogue(catalogue),
        "result": _plain_result(result),
    }


def _plain_result(result: Result) -> dict[str, Any]:
    """_plain(result), by a round trip through orjson, which reads dataclasses field by field in C: a third of
    the time (35 µs, not 100). The same as long as no dataclass in a Result has a compare=False field, which
    _plain leaves out (test_services compares the two). _plain stays for what orjson refuses (dates and times,
    integers beyond 64 bits)."""
    try:
        return orjson.loads(orjson.dumps(result, option=orjson.OPT_PASSTHROUGH_DATETIME))
    except TypeError:
        return _plain(result)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}

def _plain_catalogue(catalogue: Catalogue) -> dict[str, Any]:
    """_plain(catalogue), worked out once per catalogue (load_catalogue() hands every caller the same one until
    the content changes) and shared by the snapshots made from it; read-only, as it is."""
    return catalogue.derived_value("snapshot", _plain)


def _plain(value: Any) -> Any:
    """What dataclasses.asdict gives, as JSON stores it (sequences as lists), without its deep copies of
    every number and string: a tenth of the time for a result's thousand-odd values."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    if isinstance(value, (str, int, float)):  # choices are str subclasses
        return value
    if kind in (list, tuple):
        return [_plain(item) for item in value]
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    names = _FIELD_NAMES.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value):
            raise TypeError(f"Cannot store a {kind.__name__} in a snapshot.")
        # Fields that take no part in a value's identity (what scoring derives from a catalogue) are not kept.
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value) if f.compare)
    return {name: _plain(getattr(value, name)) for name in names}


@transaction.atomic
def assessment_create(
    *, profile: Profile, catalogue: Catalogue, result: Result, organisation_name: str = "", email: str = "",
    contact_consent: bool = False,
) -> Assessment:
    """Store the answers and the snapshot of the result they were scored to, in one short transaction."""
    return Assessment.objects.create(
        organisation_name=organisation_name,
        email=email if contact_consent else "",
        contact_consent=contact_consent,
        industry=profile.industry,
        employees=profile.employees,
        devices=profile.devices,
        sites=profile.sites,
        it_staff=profile.it_staff,
        incidents_per_month=profile.incidents_per_month,
        downtime_cost_per_hour=profile.downtime_cost_per_hour,
        operating_hours=profile.operating_hours,
        budget_preference=profile.budget_preference,
        growth=profile.growth,
        compliance=profile.compliance,
        backup=profile.backup,
        it_dependence=profile.it_dependence,
        hourly_rate=profile.hourly_rate,
        msp_fee_per_user=profile.msp_fee_per_user,
        recommendation=result.recommendation,
        recommendation_name=result.recommendation_name,
        close_call=result.close_call,
        snapshot=build_snapshot(profile=profile, catalogue=catalogue, result=result),
    )


def comment_create(*, name: str, email: str, website: str, text: str) -> Comment:
    """A new reply, held for moderation until staff approve it."""
    return Comment.objects.create(name=name, email=email, website=website, text=text, is_approved=False)


def assessment_submit(
    *, profile: Profile, organisation_name: str = "", email: str = "", contact_consent: bool = False
) -> Assessment:
    """Score the answers against today's catalogue and store them with their snapshot."""
    catalogue = load_catalogue()
    result = score(profile, catalogue)
    return assessment_create(
        profile=profile, catalogue=catalogue, result=result, organisation_name=organisation_name,
        email=email, contact_consent=contact_consent,
    )


def assessment_delete(*, assessment: Assessment) -> None:
    """Forget an assessment, at the request of whoever holds its link."""
    assessment.delete()
