"""Regions and their price books, added in December 2026 for "Your country, your money" (issue 25), as plain data.
Frozen like the other content modules: a later change (another country) gets a module of its own, and its data
migration calls `book()` below with its own rows.

REGIONS: one row a country (code, name, currency, locale, tax name, tax rate, tax year, share of the tax counted
when it can be reclaimed only in part, tax source, its address, display order).

A country's price book starts from the United States' book, figure by figure:
- its own figure where OWN gives one (slug or None for a figure for every option, key, low, expected, high,
  source, address, year, vendor claim, note), from ../shared/FIGURES.md ("Added 2026-12");
- a figure in money it has no figure for is a stand-in: the US figure converted at the country's STAND_IN_RATE
  (the Federal Reserve's 2023 annual average), saying so (`stand_in`), with a range widened by STAND_IN_WIDEN and
  rounded (`rough`, since migration 0035: whole units, two significant figures above 100);
- a figure that is not money (hours, shares, multipliers: how IT work goes rather than what it costs) is the same
  as the US figure, with its source, unless OWN or STAND_IN_ONLY names it.
Every figure in every book has a source and a year (tests/test_regions.py): the US book's figures without a
year (our assumptions, how an option works, "not applicable") are given the year they were made, 2026.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

FED_RATES = (
    "Federal Reserve G.5A, foreign exchange rates, annual averages for 2023 (released 1 February 2024)",
    "https://www.federalreserve.gov/releases/g5a/20240201/",
    2023,
)

REGIONS = (
    ("US", "United States", "USD", "en_US", "", 0.0, None, 0.5, "", "", 1),
    (
        "GB",
        "United Kingdom",
        "GBP",
        "en_GB",
        "VAT",
        0.2,
        2011,
        0.5,
        "VAT standard rate 20 % (gov.uk)",
        "https://www.gov.uk/vat-rates",
        2,
    ),
    (
        "AU",
        "Australia",
        "AUD",
        "en_AU",
        "GST",
        0.1,
        2000,
        0.5,
        "GST at 10 % (Australian Taxation Office)",
        "https://www.ato.gov.au/businesses-and-organisations/gst-excise-and-indirect-taxes/gst",
        3,
    ),
)

# Units of the country's currency a US dollar bought, on average in 2023 (Federal Reserve G.5A: GBP 1.2440 and
# AUD 0.6644 US dollars a unit).
STAND_IN_RATE = {"GB": round(1 / 1.2440, 4), "AU": round(1 / 0.6644, 4)}
# A converted figure is less certain than a country's own: its low end lowered and its high end raised by this share.
STAND_IN_WIDEN = 0.25

# The figures in money (explain._UNITS["money"] and the fees and salaries of the options).
MONEY_KEYS = frozenset(
    {
        "hourly_rate",
        "fee_per_user_month",
        "fee_per_device_month",
        "fee_per_site_month",
        "full_service_fee_per_user_month",
        "salary_year",
        "recruiting_cost_per_hire",
        "training_tools_per_staff_year",
        "tooling_per_user_month",
        "downtime_cost_per_person_hour",
        "recovery_cost_per_person",
        "regulated_cost_moderate",
        "regulated_cost_strict",
        "security_tooling_per_user_month",
        "backup_tooling_per_user_month",
        "out_of_plan_hourly_rate",
        "onsite_visit_cost",
        "market_overpay_per_user_month",
    }
)

_BUNDLE_IQ = ("Bundle IQ UK IT support benchmark 2026", "https://bundleiq.co.uk/category-it-support.html", 2026, False)
_UK_HOURLY = (
    "IT Norwich rate card (£64 an hour); HOC (£80); Timeframe and Wimbledon IT published charges",
    "https://itnorwich.uk/rate-card/",
    2023,
    True,
)
_UK_HOURLY_NOTE = (
    "Ad-hoc support from UK firms' published rate cards, before VAT: about £50 to £80 an hour; out of hours £70 to "
    "£126."
)
_4IT = (
    "4it: small business IT support in Australia",
    "https://4it.com.au/managed-it/small-business-it-support-australian-sme/",
    2026,
    True,
)
_AU_HOURLY_NOTE = "Ad-hoc support from an Australian provider's published guide, before GST: $140 to $220 an hour."


def _row(slug: str | None, key: str, low: float, expected: float, high: float, source: tuple, note: str) -> tuple:
    title, url, year, vendor = source
    return (slug, key, low, expected, high, title, url, year, vendor, note)


OWN: dict[str, tuple[tuple[Any, ...], ...]] = {
    "US": (
        # The point above which a managed service's price per user is more than most charge: the top of the
        # published US band (as the flags used before regions).
        _row(
            None,
            "market_overpay_per_user_month",
            250.0,
            250.0,
            250.0,
            (
                "comnexia.com; micro-it.net; makologics.com IT buyer's guide",
                "https://comnexia.com/insights/managed-it-vs-break-fix/",
                2026,
                True,
            ),
            "The top of the published US band for a managed service a user a month: a quote above it is flagged.",
        ),
    ),
    "GB": (
        _row(
            "msp",
            "fee_per_user_month",
            45.0,
            60.0,
            75.0,
            _BUNDLE_IQ,
            "Fully managed support around the clock, £45 to £75 a user a month before VAT (helpdesk only, 9 to 5: "
            "£18 to £28). Other UK guides give £50 to £120.",
        ),
        _row(
            "co-managed",
            "full_service_fee_per_user_month",
            45.0,
            60.0,
            75.0,
            _BUNDLE_IQ,
            "The full managed service's UK band, for the work your own staff cannot cover.",
        ),
        _row(
            None,
            "market_overpay_per_user_month",
            90.0,
            90.0,
            90.0,
            _BUNDLE_IQ,
            "Above £90 a user a month the benchmark calls fully managed support an overpay signal.",
        ),
        _row("break-fix", "hourly_rate", 50.0, 64.0, 80.0, _UK_HOURLY, _UK_HOURLY_NOTE),
        _row("block-hours", "hourly_rate", 50.0, 64.0, 80.0, _UK_HOURLY, _UK_HOURLY_NOTE),
        _row(
            "in-house",
            "hourly_rate",
            50.0,
            64.0,
            80.0,
            _UK_HOURLY,
            _UK_HOURLY_NOTE + " Bought in while your staff are away.",
        ),
        _row(None, "out_of_plan_hourly_rate", 50.0, 64.0, 80.0, _UK_HOURLY, _UK_HOURLY_NOTE),
        _row(
            "in-house",
            "salary_year",
            26000.0,
            30000.0,
            36750.0,
            (
                "IT Jobs Watch: 1st/2nd line support salaries, six months to November 2025",
                "https://www.itjobswatch.co.uk/",
                2025,
                False,
            ),
            "Median advertised salary £30,000; 10th percentile £26,000, 90th £36,750.",
        ),
        _row(
            "in-house",
            "salary_loading",
            1.15,
            1.3,
            1.45,
            (
                "Employer National Insurance, 15 % above £5,000 a year from 6 April 2025 (gov.uk); our allowance "
                "for pension and overheads",
                "https://www.gov.uk/guidance/rates-and-thresholds-for-employers-2025-to-2026",
                2025,
                False,
            ),
            "Employer National Insurance adds about 12 % on a £30,000 salary (15 % above £5,000); pension, equipment "
            "and overheads are our assumption. A loaded hire is put at £40,000 to £65,000 a year.",
        ),
        _row(
            None,
            "serious_incident_chance",
            0.015,
            0.04,
            0.1,
            (
                "Cyber Security Breaches Survey 2025 (gov.uk); Coalition 2025 claims data",
                "https://www.gov.uk/government/statistics/cyber-security-breaches-survey-2025",
                2025,
                False,
            ),
            "43 % of UK businesses identified a breach or attack in the year (small 42 %, medium 67 %), most of them "
            "minor; the share that is serious (ransomware, fraud, days of disruption) is our reading, beside about "
            "1.5 % of insured firms claiming a year.",
        ),
        _row(
            None,
            "recovery_cost_per_person",
            64.0,
            330.0,
            1600.0,
            (
                "Cyber Security Breaches Survey 2025 (gov.uk)",
                "https://www.gov.uk/government/statistics/cyber-security-breaches-survey-2025",
                2025,
                False,
            ),
            "The most disruptive breach cost £1,600 on average, £8,260 where it had any cost (£3,240 for charities); "
            "spread over 25 people. The high end, £40,000 for 25 people, is our allowance for a ransomware-scale "
            "incident.",
        ),
    ),
    "AU": (
        _row(
            "msp",
            "fee_per_user_month",
            100.0,
            150.0,
            250.0,
            _4IT,
            "Managed IT for small firms, $100 to $250 (Australian dollars) a user a month before GST.",
        ),
        _row(
            "co-managed",
            "full_service_fee_per_user_month",
            100.0,
            150.0,
            250.0,
            _4IT,
            "The full managed service's Australian band, for the work your own staff cannot cover.",
        ),
        _row(
            None,
            "market_overpay_per_user_month",
            250.0,
            250.0,
            250.0,
            _4IT,
            "The top of the published Australian band: a quote above it is flagged.",
        ),
        _row("break-fix", "hourly_rate", 140.0, 180.0, 220.0, _4IT, _AU_HOURLY_NOTE),
        _row("block-hours", "hourly_rate", 140.0, 180.0, 220.0, _4IT, _AU_HOURLY_NOTE),
        _row(
            "in-house",
            "hourly_rate",
            140.0,
            180.0,
            220.0,
            _4IT,
            _AU_HOURLY_NOTE + " Bought in while your staff are away.",
        ),
        _row(None, "out_of_plan_hourly_rate", 140.0, 180.0, 220.0, _4IT, _AU_HOURLY_NOTE),
        _row(
            "block-hours", "block_discount", 0.1, 0.125, 0.15, _4IT, "Prepaid blocks 10 to 15 % below the hourly rate."
        ),
        _row(
            "in-house",
            "salary_year",
            73000.0,
            90000.0,
            110000.0,
            _4IT,
            "An in-house generalist at $75,000 to $110,000 (4it, 2026); Randstad's job profile gives about "
            "$73,000 (undated).",
        ),
        _row(
            "in-house",
            "salary_loading",
            1.15,
            1.25,
            1.4,
            ("Superannuation guarantee 12 % (4it, 2026); our allowance for overheads", _4IT[1], 2026, False),
            "12 % superannuation on top of salary; payroll tax, equipment and overheads are our assumption.",
        ),
        _row(
            None,
            "recovery_cost_per_person",
            1984.0,
            2264.0,
            5660.0,
            (
                "Australian Signals Directorate, Cyber Threat Report 2024–25",
                "https://www.cyber.gov.au/about-us/view-all-content/reports-and-statistics",
                2025,
                False,
            ),
            "$56,600 on average per reported cybercrime for a small business ($49,600 the year before), spread "
            "over 25 people; the high end, two and a half times it, is our allowance for a worse incident.",
        ),
    ),
}

# Figures that are not money but differ by country, and the countries that have none of their own: the US figure
# stands in, saying so.
STAND_IN_ONLY = {"AU": ("serious_incident_chance",)}

REGION_NAMES = {code: name for code, name, *_ in REGIONS}


def _fits(title: str, limit: int = 200) -> str:
    """A source title within its column (200 characters): the stand-in sentence and address give it in full."""
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


# Said of a converted figure, which is rounded (80, not 80.39): an exchange rate gives an amount no more precision
# than that. Added in migration 0035, which rounded the books seeded before it.
ROUNDED = "Rounded to whole units, or to two significant figures above 100: a converted amount is no more precise."


# Who converted it, closing a converted figure's source (its year, 2023, follows it as the figure's source year).
CONVERTED_BY = "Federal Reserve G.5A"


def rough(value: float) -> float:
    """`value` to two significant figures, never finer than whole units (80.39 -> 80; 3.6 -> 4; 48,512 -> 49,000);
    under one unit, to two significant figures (0.456 -> 0.46)."""
    if value == 0:
        return 0.0
    digits = 1 - math.floor(math.log10(abs(value)))
    return float(round(value, digits if abs(value) < 1 else min(0, digits))) + 0.0


def converted_note(name: str, rate: float, original: str) -> str:
    title, _url, year = FED_RATES
    return (
        f"{name}: no figure of its own found; the US figure ({original or 'our assumption'}) "
        f"converted at {rate:g} to the dollar, the {year} average ({title.split(',')[0]}), with its range widened by "
        f"{STAND_IN_WIDEN * 100:.0f} % each way. {ROUNDED}"
    )


def book(
    code: str,
    us_rows: list[dict[str, Any]],
    own: tuple[tuple[Any, ...], ...],
    *,
    name: str | None = None,
    rate: float | None = None,
    stand_in_only: tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    """A country's price book from the US book's rows (dicts of slug, key, low, expected, high, source_title,
    source_url, source_year, vendor_claim, note, label), with its `own` figures, its stand-ins named: `rate` (units
    of its currency to the dollar; None for the US book itself), its `name`, and the figures not in money that
    the US figure stands in for; by default this module's, so a later countries module passes its own."""
    name = name or REGION_NAMES[code]
    rate = STAND_IN_RATE.get(code) if rate is None else rate
    stand_in_only = STAND_IN_ONLY.get(code, ()) if stand_in_only is None else stand_in_only
    mine = {(row[0], row[1]): row for row in own}
    rows = []
    for us in us_rows:
        row = dict(us)
        found = mine.pop((us["slug"], us["key"]), None)
        if found is not None:
            _slug, _key, low, expected, high, title, url, year, vendor, note = found
            row.update(
                low=low,
                expected=expected,
                high=high,
                source_title=title,
                source_url=url,
                source_year=year,
                vendor_claim=vendor,
                note=note,
                stand_in="",
            )
        elif us["key"] in MONEY_KEYS and us["expected"] > 0 and rate is not None:
            row.update(
                low=rough(us["low"] * rate * (1 - STAND_IN_WIDEN)),
                expected=rough(us["expected"] * rate),
                high=rough(us["high"] * rate * (1 + STAND_IN_WIDEN)),
                source_title=_fits(f"US figure converted: {us['source_title'] or 'our assumption'}; {CONVERTED_BY}"),
                source_url=FED_RATES[1],
                source_year=FED_RATES[2],
                stand_in=converted_note(name, rate, us["source_title"]),
                note="",  # the US note gives its figures in dollars: the stand-in says what was converted
            )
        elif us["key"] in stand_in_only:
            row["stand_in"] = (
                f"{name}: no figure of its own found; the US figure ({us['source_title']}) is used as it stands."
            )
        if found is None and rate is not None and "$" in row["note"]:
            row["note"] = ""  # a note about US prices, in dollars, on a figure not in money here (a zero fee)
        rows.append(row)
    rows.extend(
        {
            "slug": slug,
            "key": key,
            "low": low,
            "expected": expected,
            "high": high,
            "source_title": title,
            "source_url": url,
            "source_year": year,
            "vendor_claim": vendor,
            "note": note,
            "stand_in": "",
            "label": SHARED_LABELS.get(key, key),
        }
        for (slug, key), (_s, _k, low, expected, high, title, url, year, vendor, note) in mine.items()
    )
    return rows


# Labels of the figures for every option this module adds (¤ stands for the currency's symbol).
SHARED_LABELS = {"market_overpay_per_user_month": "Above this a managed service's price a user a month is high (¤)"}


def shared_rows(code: str) -> tuple[tuple[Any, ...], ...]:
    """The figures for every option this module adds to a country's book, in the row shape of
    figures_2026_11.SHARED (key, label, low, expected, high, source, address, year, vendor claim, note)."""
    return tuple(
        (key, SHARED_LABELS[key], *rest) for slug, key, *rest in OWN[code] if slug is None and key in SHARED_LABELS
    )


# ---- Installing a countries module (data migrations call these with the module they seed) --------------------

REGION_FIELDS = (
    "name",
    "currency",
    "locale",
    "tax_name",
    "tax_rate",
    "tax_year",
    "tax_partly_share",
    "tax_source_title",
    "tax_source_url",
    "order",
)
VALUE_FIELDS = ("low", "expected", "high")
SOURCE_FIELDS = ("source_title", "source_url", "source_year", "vendor_claim", "note")
FIGURE_FIELDS = VALUE_FIELDS + SOURCE_FIELDS


def install_regions(apps: Any, alias: str, module: Any) -> None:
    """Write `module.REGIONS` (rows shaped as REGIONS above) into the Region table, with each one's exchange rate
    (`module.STAND_IN_RATE`, the Federal Reserve's 2023 average) where the table has that column (migration 0034
    added it: a countries module installed after it needs no more)."""
    Region = apps.get_model("advisor", "Region")
    has_rate = any(field.name == "dollar_rate" for field in Region._meta.get_fields())
    for code, *values in module.REGIONS:
        row = dict(zip(REGION_FIELDS, values, strict=True))
        row["tax_rate"], row["tax_partly_share"] = Decimal(str(row["tax_rate"])), Decimal(str(row["tax_partly_share"]))
        rate = getattr(module, "STAND_IN_RATE", {}).get(code)
        if has_rate and rate is not None:
            row.update(
                dollar_rate=Decimal(str(rate)),
                dollar_rate_source=f"{FED_RATES[0].split(',')[0]}, annual average",
                dollar_rate_year=FED_RATES[2],
            )
        Region.objects.using(alias).update_or_create(code=code, defaults=row)


def install_books(apps: Any, alias: str, module: Any) -> None:
    """Write the price book of each country in `module.OWN` from the US book as it stands: its own figures, the
    rest stand-ins at `module.STAND_IN_RATE`, named with `module.REGION_NAMES`, `module.STAND_IN_ONLY` the figures
    not in money the US figure stands in for."""
    costs = apps.get_model("advisor", "CostParameter").objects.using(alias)
    shared = apps.get_model("advisor", "SharedFigure").objects.using(alias)
    models = {m.slug: m for m in apps.get_model("advisor", "SupportModel").objects.using(alias).all()}
    slugs = {m.pk: m.slug for m in models.values()}

    def plain(row: Any, slug: str | None, label: str = "") -> dict[str, Any]:
        return {
            "slug": slug,
            "key": row.key,
            **{name: float(getattr(row, name)) for name in VALUE_FIELDS},
            **{name: getattr(row, name) for name in SOURCE_FIELDS},
            "label": label,
            "stand_in": row.stand_in,
        }

    def values(row: dict[str, Any]) -> dict[str, Any]:
        found = {name: row[name] for name in FIGURE_FIELDS}
        for name in VALUE_FIELDS:
            found[name] = Decimal(str(found[name]))
        return {**found, "stand_in": row["stand_in"]}

    us_rows = [plain(p, slugs[p.support_model_id]) for p in costs.filter(region_id="US")]
    us_rows += [plain(f, None, f.label) for f in shared.filter(region_id="US")]
    for code, own in module.OWN.items():
        rows = book(
            code,
            us_rows,
            own,
            name=module.REGION_NAMES[code],
            rate=module.STAND_IN_RATE.get(code),
            stand_in_only=module.STAND_IN_ONLY.get(code, ()),
        )
        for row in rows:
            if row["slug"] is None:
                shared.update_or_create(region_id=code, key=row["key"], defaults={**values(row), "label": row["label"]})
            elif row["slug"] in models:
                costs.update_or_create(
                    region_id=code, support_model=models[row["slug"]], key=row["key"], defaults=values(row)
                )
