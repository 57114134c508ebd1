"""The one way a template shows an amount of money: `{{ amount|money:currency }}`.

Whole units of the result's currency, the same words the engine writes (explain.money), so a figure reads alike
in a table and in a sentence. `currency` is the result's ISO 4217 code: on a result page a money.Currency, which
also carries the locale its amounts are written in (en_GB...); a plain code is written in en_US's way.
"""

from __future__ import annotations

from django import template

from advisor.engine import explain

register = template.Library()


@register.filter
def money(value: float | int | str | None, currency: str = "USD") -> str:
    """An amount in whole units ("$12,300", "£12,300"); nothing (None or blank) reads as 0."""
    return explain.money(float(value or 0), currency)
