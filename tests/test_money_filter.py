"""The template filter every amount on a page goes through."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load money %}" + source).render(Context(context))


def test_an_amount_reads_in_whole_units_with_its_thousands_grouped():
    assert render("{{ amount|money:currency }}", amount=12345.6, currency="USD") == "$12,346"


def test_a_blank_or_missing_amount_reads_as_nothing_spent_not_an_error():
    assert render("{{ amount|money:currency }}", amount=None, currency="USD") == "$0"
    assert render("{{ amount|money:currency }}", amount="", currency="USD") == "$0"


def test_an_amount_that_rounds_to_nothing_never_reads_minus_zero():
    assert render("{{ amount|money:currency }}", amount=-0.4, currency="USD") == "$0"
