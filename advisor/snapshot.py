"""The stored result: what an assessment keeps of its scoring, written and read back as typed dataclasses.

An assessment stores one document, zlib-compressed JSON in `Assessment.result_document`, with its shape's
version in `Assessment.result_version`:
    {"scored_at": ..., "inputs": {answers as Profile}, "result": {Result}}
and points to the catalogue it was scored with (`CatalogueRecord`, one row per distinct catalogue, shared by
every assessment scored against it), so the figures are not copied into each assessment.

A document with quotes also lists what a quote could include when it was written (`quote_includes`): a piece
listed since was counted as part of every quote stored before it was listed, so on read those quotes include it
and mean what they meant, on the page and when scored again ("helpdesk", fixing problems, joined the list in
issue 23; documents before it carry no list).

Reading never scores again and never fails on an older shape: version 1 (the first model, which kept its
catalogue inside the document and mixed lost work into one cost) is upgraded on read into today's types,
marked `earlier_model` so the page can say so. Pages, API, admin and CSV read `StoredResult`, never dict keys.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import types
import typing
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from .engine.domain import (
    RESULT_VERSION,
    Assumption,
    Catalogue,
    CostParts,
    DimensionFit,
    DimensionSpec,
    Estimates,
    Factor,
    Figure,
    ModelSpec,
    Need,
    OptionCost,
    OptionResult,
    Profile,
    Quote,
    Range,
    Result,
    TippingPoint,
    TippingPointKind,
)
from .engine.quotes import INCLUDE_KEYS
from .models import Assessment, CatalogueRecord

# ---- Plain data <-> dataclasses ---------------------------------------------------------------------------
# Written with orjson, which turns dataclasses, enums and tuples into JSON directly (a fortieth of the time of
# walking them in Python, the same bytes); read back by converters made once per type from its annotations.


def to_plain(value: Any) -> Any:
    """A dataclass (or a structure of them) as JSON-ready data: dicts, lists, strings and numbers."""
    return orjson.loads(orjson.dumps(value))


def from_plain(kind: Any, data: Any) -> Any:
    """The inverse of to_plain for a type: dataclasses, tuples, dicts, enums and optionals."""
    return _converter(kind)(data)


@functools.cache
def _converter(kind: Any) -> Callable[[Any], Any]:
    """A function turning plain data into `kind`, built once per type."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _converter(next(a for a in typing.get_args(kind) if a is not type(None)))
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        item = _converter(typing.get_args(kind)[0])
        return lambda data: tuple(item(x) for x in data)
    if origin is dict:
        value = _converter(typing.get_args(kind)[1])
        return lambda data: {key: value(x) for key, x in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(kind)]
        return lambda data: kind(**{name: convert(data[name]) for name, convert in fields if name in data})
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind
    if kind is float:
        return lambda data: float(data) + 0.0  # an int as a float; + 0.0: a stored -0 reads as 0
    return lambda data: data


def pack(document: Any) -> bytes:
    return zlib.compress(orjson.dumps(document), 6)


def unpack(blob: bytes | memoryview) -> Any:
    return orjson.loads(zlib.decompress(bytes(blob)))


# ---- Writing ---------------------------------------------------------------------------------------------


def catalogue_record_id(catalogue: Catalogue) -> int:
    """The id of the stored row for this catalogue, made the first time any assessment is scored against it."""
    document = orjson.dumps(catalogue)
    digest = hashlib.sha256(document).hexdigest()
    found = CatalogueRecord.objects.filter(digest=digest).values_list("id", flat=True).first()
    if found is not None:
        return found
    record, _ = CatalogueRecord.objects.get_or_create(digest=digest, defaults={"document": zlib.compress(document)})
    return record.id


def result_document(*, profile: Profile, result: Result, scored_at: str) -> bytes:
    listed = {"quote_includes": INCLUDE_KEYS} if profile.quotes else {}
    return pack({"scored_at": scored_at, "inputs": profile, "result": result, **listed})


# ---- Reading ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredResult:
    """One assessment's result as it was scored, whatever version stored it."""

    version: int
    scored_at: str
    profile: Profile
    catalogue: Catalogue
    result: Result

    @property
    def earlier_model(self) -> bool:
        """Scored by an earlier model than today's (the page says so and offers to score again). Versions since
        TODAYS_MODEL_SINCE rank as today's does; they only lack what later versions added beside the ranking."""
        return self.version < TODAYS_MODEL_SINCE


# Versions stored in today's types: version 2 ranked by a blend of fit and cost, version 3 by money alone, version 6
# adds regions (a catalogue's region, a profile's region and tax, a figure's stand-in; issues 25 and 31), what the
# insurer and frameworks ask (issue 32) and what the answer depends on (issue 30). The shape is the same but for
# fields later versions added with defaults (an option's allowance; the region, read as the United States', in US
# dollars; the requirements, their line and notes; a quote's patch days; `depends`, None before version 6). A
# version 2 result renders as it was stored and says it was scored by an earlier model; from version 3 on, results
# rank as today's model ranks them.
READABLE_AS_TODAY = (2, 3, RESULT_VERSION)
TODAYS_MODEL_SINCE = 3


def load(assessment: Assessment) -> StoredResult:
    """The assessment's stored result, upgraded to today's types when an earlier version stored it."""
    document = unpack(assessment.result_document)
    if assessment.result_version == 1:
        return _from_version_1(document)
    if assessment.result_version not in READABLE_AS_TODAY:
        raise ValueError(f"Unknown stored result version {assessment.result_version}.")
    profile = from_plain(Profile, document["inputs"])
    return StoredResult(
        version=assessment.result_version,
        scored_at=document["scored_at"],
        profile=_with_pieces_listed_since(profile, document.get("quote_includes", INCLUDES_BEFORE_HELPDESK)),
        catalogue=_catalogue(assessment.catalogue_record),
        result=from_plain(Result, document["result"]),
    )


# What a quote could include before "helpdesk" (fixing problems) was listed: documents written then carry no list.
INCLUDES_BEFORE_HELPDESK = ("monitoring", "security", "backup", "after_hours", "onsite", "new_starters", "projects")


def _with_pieces_listed_since(profile: Profile, listed: Any) -> Profile:
    """The profile with each quote including the pieces listed since its document was written, as it was priced."""
    since = [key for key in INCLUDE_KEYS if key not in listed]
    if not since or not profile.quotes:
        return profile

    def upgraded(quote: Quote) -> Quote:
        has = set(quote.includes) | set(since)
        return dataclasses.replace(quote, includes=tuple(key for key in INCLUDE_KEYS if key in has))

    return dataclasses.replace(profile, quotes=tuple(upgraded(quote) for quote in profile.quotes))


def _catalogue(record: CatalogueRecord) -> Catalogue:
    return _decoded_catalogue(record.digest, bytes(record.document))


@functools.lru_cache(maxsize=64)
def _decoded_catalogue(digest: str, blob: bytes) -> Catalogue:
    """A stored catalogue never changes (its digest names its content), so each process decodes each of the
    few there are once."""
    return from_plain(Catalogue, unpack(blob))


# ---- Version 1: the first model ------------------------------------------------------------------------


def _from_version_1(doc: dict[str, Any]) -> StoredResult:
    """The first model's snapshot in today's types. Its cost mixed lost work (its "downtime") into one total
    with stacked low/high ends and counted no risk; the parts are split back out at their expected values."""
    inputs = {f.name: doc["inputs"].get(f.name) for f in dataclasses.fields(Profile) if f.name in doc["inputs"]}
    profile = from_plain(Profile, inputs)
    old = doc["result"]
    catalogue = Catalogue(
        models=tuple(
            ModelSpec(
                slug=m["slug"],
                name=m["name"],
                ratings=m["ratings"],
                headlines=m.get("headlines", {}),
                figures={
                    key: Figure(
                        key=p["key"],
                        label=p["label"],
                        low=p["low"],
                        expected=p["expected"],
                        high=p["high"],
                        source_title=p.get("source_title", ""),
                        source_url=p.get("source_url", ""),
                        source_year=p.get("source_year"),
                        vendor_claim=p.get("vendor_claim", False),
                        note=p.get("note", ""),
                    )
                    for key, p in m.get("costs", {}).items()
                },
            )
            for m in doc["catalogue"]["models"]
        ),
        dimensions=tuple(DimensionSpec(d["slug"], d["name"], d["weight"]) for d in doc["catalogue"]["dimensions"]),
        figures={},
    )
    options = []
    for m in old["models"]:
        cost = m["cost"]
        monthly = cost["breakdown"]
        bills = 36 * (monthly["labour"] + monthly["fees"]) + cost["onboarding"]["expected"]
        lost = 36 * monthly["downtime"]
        options.append(
            OptionResult(
                slug=m["slug"],
                name=m["name"],
                fit=m["fit"],
                cost_score=m["cost_score"],
                overall=m["overall"],
                cost=OptionCost(
                    three_years=Range(**cost["three_years"]),
                    parts=CostParts(
                        bills=Range(bills, bills, bills), lost_work=Range(lost, lost, lost), risk=Range(0.0, 0.0, 0.0)
                    ),
                    bills_per_month=monthly["labour"] + monthly["fees"],
                    onboarding=cost["onboarding"]["expected"],
                    bill_lines={
                        "labour": 36 * monthly["labour"],
                        "fees": 36 * monthly["fees"],
                        "onboarding": cost["onboarding"]["expected"],
                    },
                    chance_cheapest=None,
                    scope=(),
                ),
                dimensions=tuple(DimensionFit(**d) for d in m["dimensions"]),
            )
        )
    points = tuple(
        TippingPoint(
            field=t["field"],
            label=t["label"],
            kind=TippingPointKind(t["kind"]),
            current=t["current"],
            value=t["value"],
            direction=t["direction"],
            becomes=t["becomes"],
            text=t["text"],
        )
        for t in old["tipping_points"]
    )
    name = old["recommendation_name"]
    result = Result(
        version=1,
        recommendation=old["recommendation"],
        recommendation_name=name,
        close_call=old["close_call"],
        headline=f"A close call: {name} by a nose" if old["close_call"] else f"We recommended {name}",
        summary=old["summary"],
        reasons=(old["decider"],) if old.get("decider") else (),
        options=tuple(options),
        needs=tuple(Need(n["dimension"], n["name"], n["weight"], n["need"], tuple(n["reasons"])) for n in old["needs"]),
        factors=tuple(
            Factor(f["dimension"], f["name"], f["need"], f["text"], f["text"], f["points"]) for f in old["factors"]
        ),
        tipping_points=points,
        assumptions=tuple(Assumption(**a) for a in old["assumptions"]),
        notes=(),
        scope_note=None,
        estimates=Estimates(
            devices=float(old["devices"]),
            devices_estimated=old["devices_estimated"],
            incidents_per_month=float(profile.incidents_per_month or 0.0),
            incidents_estimated=False,
            downtime_cost_per_hour=float(old["downtime_cost_per_hour"]),
            downtime_cost_estimated=old["downtime_cost_estimated"],
        ),
    )
    return StoredResult(
        version=1, scored_at=doc.get("scored_at", ""), profile=profile, catalogue=catalogue, result=result
    )
