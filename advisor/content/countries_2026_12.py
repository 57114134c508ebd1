"""Five more countries as data only (issue 31): Ireland, Germany, France, the Netherlands and Canada, with their
currencies, locales, taxes and price books. Frozen like the other content modules; installed by migration 0029
through regions_2026_12.install_regions and install_books, which build each book from the US one: the country's
own figures below (from ../shared/FIGURES.md, "Added 2026-12", as stored there), every other figure in money the
US figure converted at the Federal Reserve's 2023 average rate and named as a stand-in.

Where FIGURES.md gives a figure without naming who published it (the Netherlands' hourly rate), it is "Our
assumption" with a wide range; where it names no year for an undated page, the year it was read (2026) is given
and the note says so. Germany has no current per-user managed-service price: its fee is a named stand-in.
"""

from __future__ import annotations

from typing import Any

from .regions_2026_12 import FED_RATES

__all__ = ["FED_RATES", "OWN", "REGIONS", "REGION_NAMES", "STAND_IN_ONLY", "STAND_IN_RATE"]

_VAT_SOURCE = ("Standard VAT rates 2025, as listed in ../shared/FIGURES.md (European Union)", "")

REGIONS = (
    ("IE", "Ireland", "EUR", "en_IE", "VAT", 0.23, 2025, 0.5, *_VAT_SOURCE, 4),
    ("DE", "Germany", "EUR", "en_DE", "VAT", 0.19, 2025, 0.5, *_VAT_SOURCE, 5),
    ("FR", "France", "EUR", "en_FR", "VAT", 0.2, 2025, 0.5, *_VAT_SOURCE, 6),
    ("NL", "Netherlands", "EUR", "en_NL", "VAT", 0.21, 2025, 0.5, *_VAT_SOURCE, 7),
    (
        "CA",
        "Canada",
        "CAD",
        "en_CA",
        "HST",
        0.13,
        2026,
        0.5,
        "HST 13 %, as an MSP's published quoting calculator charges it; GST/HST is 5 to 15 % by province",
        "",
        8,
    ),
)
REGION_NAMES = {code: name for code, name, *_ in REGIONS}

# Units of the currency a US dollar bought on average in 2023 (Federal Reserve G.5A: EUR 1.0817 US dollars a euro;
# CAD 1.3494 Canadian dollars a US dollar).
STAND_IN_RATE = {
    "IE": round(1 / 1.0817, 4),
    "DE": round(1 / 1.0817, 4),
    "FR": round(1 / 1.0817, 4),
    "NL": round(1 / 1.0817, 4),
    "CA": 1.3494,
}

# No national figure for the chance of a serious incident: the US figure stands in, named.
STAND_IN_ONLY = {code: ("serious_incident_chance",) for code in REGION_NAMES}


def _row(slug: str | None, key: str, low: float, expected: float, high: float, source: tuple, note: str) -> tuple:
    title, url, year, vendor = source
    return (slug, key, low, expected, high, title, url, year, vendor, note)


_FR_MSP = ("infogerance-paris-75.fr (undated page, read in 2026)", "https://infogerance-paris-75.fr/", 2026, True)
_FR_STAFF = ("In-house IT in France, as given in ../shared/FIGURES.md (European Union)", "", 2026, False)
_DE_HOURLY = ("Synaxon survey of German system houses", "", 2017, True)
_NL_HOURLY = ("Our assumption", "", 2026, False)
_CA_MSP = ("techcarecanada.com", "https://techcarecanada.com/", 2026, True)


def _hourly(
    slugs: tuple[str | None, ...], low: float, expected: float, high: float, source: tuple, note: str
) -> tuple[tuple[Any, ...], ...]:
    """The same hourly rate for each option billed by the hour and for work a plan leaves out (slug None)."""
    return tuple(
        _row(slug, "hourly_rate" if slug else "out_of_plan_hourly_rate", low, expected, high, source, note)
        for slug in slugs
    )


_HOURLY_SLUGS = ("break-fix", "block-hours", "in-house", None)

OWN: dict[str, tuple[tuple[Any, ...], ...]] = {
    "IE": (),
    "DE": (
        *_hourly(
            _HOURLY_SLUGS,
            60.0,
            79.0,
            110.0,
            _DE_HOURLY,
            "€79 an hour before VAT for a German system house, from a 2017 survey: old, so the range is wide. No "
            "current German price a user a month for managed services was found: that fee is a stand-in.",
        ),
    ),
    "FR": (
        _row(
            "msp",
            "fee_per_user_month",
            50.0,
            80.0,
            120.0,
            _FR_MSP,
            "€50 to €120 a workstation a month for managed IT, from a Paris provider.",
        ),
        _row(
            "co-managed",
            "full_service_fee_per_user_month",
            50.0,
            80.0,
            120.0,
            _FR_MSP,
            "The full managed service's French band, for the work your own staff cannot cover.",
        ),
        _row(
            None,
            "market_overpay_per_user_month",
            120.0,
            120.0,
            120.0,
            _FR_MSP,
            "The top of the published French band: a quote above it is flagged.",
        ),
        _row(
            "in-house",
            "salary_year",
            35000.0,
            42500.0,
            50000.0,
            _FR_STAFF,
            "An in-house IT generalist at €35,000 to €50,000 a year.",
        ),
        _row(
            "in-house",
            "salary_loading",
            1.4,
            1.45,
            1.5,
            _FR_STAFF,
            "Employer charges of about 45 % on top of salary.",
        ),
    ),
    "NL": (
        *_hourly(
            _HOURLY_SLUGS,
            50.0,
            75.0,
            110.0,
            _NL_HOURLY,
            "About €75 an hour before VAT is reported for Dutch IT support, without a named source: our assumption, "
            "with a wide range.",
        ),
    ),
    "CA": (
        _row(
            "msp",
            "fee_per_user_month",
            130.0,
            190.0,
            250.0,
            _CA_MSP,
            "$160 to $250 (Canadian dollars) a user a month for managed IT; one published rate card charges $130 a "
            "user with Microsoft 365 included.",
        ),
        _row(
            "co-managed",
            "full_service_fee_per_user_month",
            130.0,
            190.0,
            250.0,
            _CA_MSP,
            "The full managed service's Canadian band, for the work your own staff cannot cover.",
        ),
        _row(
            None,
            "market_overpay_per_user_month",
            250.0,
            250.0,
            250.0,
            _CA_MSP,
            "The top of the published Canadian band: a quote above it is flagged.",
        ),
    ),
}
