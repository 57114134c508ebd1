"""Money as a reader sees it: amounts in whole units of a region's currency, written and read with Babel in the
region's locale (en_GB, en_AU...). Pure, no Django.

Every amount shown to people goes through `whole()` (explain.money and the `money` template filter call it), so a
figure reads alike in a table, a sentence and a chart. Sentences are written while scoring, deep inside the
engine: score() sets the result's currency for its duration (`using`), and a page sets it while it builds what it
shows, so no function in between passes it along. Outside both, amounts are in US dollars, as every result was
before regions.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import math
import re
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_currency, get_currency_symbol

DEFAULT_CURRENCY = "USD"
DEFAULT_LOCALE = "en_US"
# Where a money label says its unit: "Hourly rate (¤)" reads "Hourly rate (£)" on a form in pounds.
UNIT_MARK = "¤"


class Currency(str):
    """An ISO 4217 code ("GBP") that also knows the locale its amounts are written in ("en_GB"). It is the code
    wherever a string is expected (`currency == "GBP"`, JSON), so templates and documents pass it as they would
    the code."""

    locale: str

    def __new__(cls, code: str, locale: str = DEFAULT_LOCALE) -> Currency:
        made = super().__new__(cls, code)
        made.locale = locale
        return made

    def __reduce__(self) -> tuple[type[Currency], tuple[str, str]]:
        return (Currency, (str(self), self.locale))


_current: ContextVar[Currency | None] = ContextVar("advisor_currency", default=None)
US_DOLLARS = Currency(DEFAULT_CURRENCY, DEFAULT_LOCALE)


def current() -> Currency:
    return _current.get() or US_DOLLARS


@contextlib.contextmanager
def using(currency: str, locale: str | None = None) -> Iterator[Currency]:
    """Amounts written inside this block are in `currency`, in `locale` (or the one the currency carries)."""
    chosen = Currency(str(currency), locale or str(getattr(currency, "locale", DEFAULT_LOCALE)))
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def _of(currency: str | None) -> tuple[str, str]:
    if currency is None:
        currency = current()
    return str(currency), getattr(currency, "locale", DEFAULT_LOCALE)


@functools.lru_cache(maxsize=64)
def _whole_pattern(locale: str):  # type: ignore[no-untyped-def]  # Babel's NumberPattern
    """The locale's own currency pattern, without the decimals: whole units."""
    parsed = Locale.parse(locale)
    pattern = copy.copy(parsed.currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return parsed, pattern


@functools.lru_cache(maxsize=4096)
def _formatted(units: int, code: str, locale: str) -> str:
    parsed, pattern = _whole_pattern(locale)
    return str(pattern.apply(units, parsed, currency=code, currency_digits=False))


def whole(value: float, currency: str | None = None) -> str:
    """An amount in whole units ("£12,346", "12.346 €" in en_DE); one that rounds to nothing reads as 0, never -0."""
    code, locale = _of(currency)
    return _formatted(round(float(value)) + 0, code, locale)


def exact(value: float, currency: str | None = None) -> str:
    """A price as typed, with its pence or cents when it has any ("£99.50", "£120")."""
    code, locale = _of(currency)
    rounded = round(float(value), 2) + 0.0
    if rounded.is_integer():
        return _formatted(int(rounded), code, locale)
    parsed = Locale.parse(locale)
    pattern = copy.copy(parsed.currency_formats["standard"])
    pattern.frac_prec = (2, 2)
    return str(pattern.apply(Decimal(str(rounded)), parsed, currency=code, currency_digits=False))


def short(value: float, currency: str | None = None) -> str:
    """A rough amount for a chart's axis: whole units below a thousand, else Babel's short form ("£12k")."""
    code, locale = _of(currency)
    if abs(value) < 1_000:
        return whole(value, currency)
    digits = 1 if abs(value) >= 1_000_000 else 0
    return str(format_compact_currency(value, code, locale=locale, fraction_digits=digits))


def rough(value: float) -> float:
    """An amount rounded as a figure converted from another currency at an exchange rate is, so it claims no
    precision the rate does not give it: to two significant figures, but never finer than whole units (80.39 -> 80,
    3.6 -> 4, 160.78 -> 160, 48,512 -> 49,000); an amount under one unit to two significant figures (0.456 ->
    0.46), so it does not become nothing."""
    if not math.isfinite(value) or value == 0:
        return value
    digits = 1 - math.floor(math.log10(abs(value)))
    return float(round(value, digits if abs(value) < 1 else min(0, digits))) + 0.0


@functools.lru_cache(maxsize=64)
def symbol(currency: str, locale: str = DEFAULT_LOCALE) -> str:
    """The symbol a reader in `locale` knows the currency by ("£"; "$" for AUD in en_AU)."""
    return str(get_currency_symbol(currency, locale))


def unit_label(label: str, currency: str | None = None) -> str:
    """A label with its money unit for this currency: "Hourly rate (¤)" -> "Hourly rate (£)"."""
    code, locale = _of(currency)
    return label.replace(UNIT_MARK, symbol(code, locale)) if UNIT_MARK in label else label


# ---- Reading a typed amount ------------------------------------------------------------------------------

# The currencies whose symbols a person may type, to tell "that is another currency" from "that is not a number".
KNOWN_CURRENCIES = ("USD", "GBP", "EUR", "AUD", "CAD", "NZD", "CHF", "JPY", "INR", "ZAR", "SEK", "NOK", "DKK")


class ForeignCurrency(ValueError):
    """An amount typed with another currency's symbol or code than the form's."""


@functools.lru_cache(maxsize=64)
def _accepted(code: str, locale: str) -> frozenset[str]:
    """What may stand beside an amount in `code`: its symbol in the locale, its international symbol ("A$"), its
    narrow one, and the code itself, compared without case."""
    names = {code, symbol(code, locale), str(get_currency_symbol(code, "en"))}
    names.add(str(Locale.parse(locale).currency_symbols.get(code, code)))
    return frozenset(name.casefold() for name in names)


@functools.lru_cache(maxsize=64)
def _foreign(code: str, locale: str) -> dict[str, str]:
    """Symbols and codes of other currencies, each with the currency it names (a symbol the form's currency
    shares, such as "$" for AUD, is the form's)."""
    mine = _accepted(code, locale)
    found: dict[str, str] = {}
    for other in KNOWN_CURRENCIES:
        if other == code:
            continue
        names = (other, *(str(get_currency_symbol(other, where)) for where in ("en", "en_US", locale)))
        for name in names:
            if name.casefold() not in mine:
                found.setdefault(name.casefold(), other)
    return found


_AMOUNT = re.compile(
    r"^\s*(?P<before>[^\d\s.,+-]*)\s*(?P<number>[+-]?[\d.,\s]*\d[\d.,]*|[+-]?\.\d+)\s*(?P<after>[^\d\s.,]*)\s*$"
)


def strip_currency(text: str, currency: str | None = None) -> str:
    """The number in a typed amount, with the form's currency symbol or code taken off ("£75" -> "75" on a form in
    pounds). Raises ForeignCurrency for another currency's ("$75" on a form in pounds): never read as ours. Text
    that is not an amount comes back as it was, for the number field to refuse in its own words."""
    code, locale = _of(currency)
    match = _AMOUNT.match(text)
    if not match:
        return text
    marks = [m for m in (match["before"], match["after"]) if m]
    if not marks:
        return text
    accepted, foreign = _accepted(code, locale), _foreign(code, locale)
    for mark in marks:
        folded = mark.casefold()
        if folded in accepted:
            continue
        if folded in foreign:
            raise ForeignCurrency(foreign[folded])
        return text  # not a currency we know: the number field says it is not a number
    return match["number"].strip()
