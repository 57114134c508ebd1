"""The data migration seeds the content: both models, every dimension, every cell, every cost figure."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from advisor.models import Characteristic, Dimension, SharedFigure, SupportModel

pytestmark = pytest.mark.django_db

# The article our content was written from, kept beside the repository (../shared); ADVISOR_SEED_ARTICLE
# points elsewhere. .ci/run sets CI, so there a missing article fails the run instead of skipping.
ARTICLE = Path(
    os.environ.get("ADVISOR_SEED_ARTICLE")
    or Path(__file__).resolve().parents[2] / "shared" / "seed" / "break-fix-vs-msp.txt"
)

# Where each of the article's characteristics lives in the table.
ARTICLE_BREAK_FIX = ["engagement", "partnership", "monitoring", "downtime", "cost"]
ARTICLE_MSP = [
    "monitoring",
    "maintenance",
    "cost",
    "scalability",
    "partnership",
    "continuity",
    "availability",
    "breadth",
]
REQUIRED_DIMENSIONS = {
    "engagement",
    "monitoring",
    "maintenance",
    "downtime",
    "cost",
    "scalability",
    "partnership",
    "continuity",
    "availability",
    "breadth",
}


def test_the_five_support_options_are_seeded_and_active_break_fix_and_msp_first():
    assert list(SupportModel.objects.values_list("slug", flat=True)) == [
        "break-fix",
        "msp",
        "block-hours",
        "co-managed",
        "in-house",
    ]
    assert all(m.is_active and m.summary and m.description and m.best_for for m in SupportModel.objects.all())


def test_every_required_dimension_is_seeded_with_a_question_and_weight():
    dimensions = {d.slug: d for d in Dimension.objects.all()}
    assert set(dimensions) >= REQUIRED_DIMENSIONS
    for dimension in dimensions.values():
        assert dimension.question.endswith("?")
        assert dimension.explanation and dimension.weight > 0


def test_the_table_has_no_holes():
    assert Characteristic.objects.count() == SupportModel.objects.count() * Dimension.objects.count()
    for cell in Characteristic.objects.all():
        assert cell.headline and cell.description and 0 <= cell.rating <= 5


@pytest.mark.parametrize(("slug", "dimensions"), [("break-fix", ARTICLE_BREAK_FIX), ("msp", ARTICLE_MSP)])
def test_each_characteristic_from_the_article_has_its_cell(slug, dimensions):
    for dimension in dimensions:
        cell = Characteristic.objects.get(support_model__slug=slug, dimension__slug=dimension)
        assert len(cell.description) > 60


def test_ratings_reflect_the_article():
    def rating(model: str, dimension: str) -> int:
        return Characteristic.objects.get(support_model__slug=model, dimension__slug=dimension).rating

    assert rating("break-fix", "engagement") > rating("msp", "engagement")  # on demand, no contract
    for dimension in ARTICLE_MSP:
        assert rating("msp", dimension) > rating("break-fix", dimension), dimension


def test_every_shared_figure_is_seeded_with_a_source_and_an_ordered_range():
    keys = {k for k, _ in SharedFigure.Key.choices}
    assert {f.key for f in SharedFigure.objects.all()} == keys  # a country's own band (helpdesk only) in its book
    for figure in SharedFigure.objects.all():  # every region's book; a stand-in's own sentence is its note
        assert figure.low <= figure.expected <= figure.high and figure.source_title, figure.key
        assert figure.note or figure.stand_in, (figure.region_id, figure.key)


def test_the_database_reads_back_the_seeded_catalogue_the_pure_tests_use():
    from advisor.catalogue import load_catalogue
    from tests.catalogues import catalogue_with_options_between as seeded_catalogue

    def figures(found):  # labels aside: an option's figure is labelled by its key's name in the database
        return {key: (f.low, f.expected, f.high, f.source_title, f.vendor_claim) for key, f in found.items()}

    from_database, seeded = load_catalogue(), seeded_catalogue()
    assert figures(from_database.figures) == figures(seeded.figures)
    assert [(m.slug, m.ratings, figures(m.figures)) for m in from_database.models] == [
        (m.slug, m.ratings, figures(m.figures)) for m in seeded.models
    ]
    assert from_database.dimensions == seeded.dimensions


def test_every_cost_figure_an_option_charges_by_is_seeded_with_a_source():
    from advisor.engine import costs

    for model in SupportModel.objects.all():
        params = {p.key: p for p in model.cost_parameters.all()}
        assert set(costs.keys_for(model.pricing_type)) <= set(params), model.slug
        for param in params.values():
            assert param.low <= param.expected <= param.high
            assert param.source_title, (model.slug, param.key)


def test_no_sentence_is_copied_from_the_article():
    if not ARTICLE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"The source article is missing at {ARTICLE}; set ADVISOR_SEED_ARTICLE to its path")
        pytest.skip(f"The source article is not beside this checkout ({ARTICLE}); set ADVISOR_SEED_ARTICLE")
    words = lambda text: re.findall(r"[a-z0-9']+", text.lower())  # noqa: E731
    article = words(ARTICLE.read_text(encoding="utf-8"))
    article_runs = {" ".join(article[i : i + 8]) for i in range(len(article) - 7)}
    texts = [c.headline + ". " + c.description for c in Characteristic.objects.all()]
    texts += [m.summary + ". " + m.description + ". " + m.best_for for m in SupportModel.objects.all()]
    texts += [d.question + " " + d.explanation for d in Dimension.objects.all()]
    for text in texts:
        ours = words(text)
        for i in range(len(ours) - 7):
            assert " ".join(ours[i : i + 8]) not in article_runs, text


def test_the_admins_pricing_types_are_the_ones_the_engine_prices():
    from advisor.engine import costs

    assert tuple(SupportModel.PricingType.values) == costs.PRICING_TYPES
    assert set(costs.KEYS_BY_PRICING) == set(costs.PRICING_TYPES)


def test_the_admins_pricing_bases_are_the_ones_the_engine_prices_and_each_option_is_seeded_with_one():
    from advisor.catalogue import load_catalogue
    from advisor.content import size_2026_12
    from advisor.engine import costs
    from tests.catalogues import catalogue_with_options_between as seeded_catalogue

    assert tuple(SupportModel.PricingBasis.values) == costs.PRICING_BASES
    assert dict(SupportModel.objects.values_list("slug", "pricing_basis")) == size_2026_12.PRICING_BASES
    assert [m.basis for m in load_catalogue().models] == [m.basis for m in seeded_catalogue().models]


def test_the_database_reads_back_the_seeded_requirements_the_pure_tests_use():
    from advisor.catalogue import load_catalogue
    from tests.catalogues import catalogue_with_options_between, with_requirements

    from_database, seeded = load_catalogue(), with_requirements(catalogue_with_options_between())

    def costs(addons):  # units in the database's order aside
        return {
            a.code: (a.name, sorted((unit, f.low, f.expected, f.high, f.source_title) for unit, f in a.costs))
            for a in addons
        }

    assert set(from_database.frameworks) == set(seeded.frameworks)  # the book lists them by region
    assert costs(from_database.addons) == costs(seeded.addons)
    assert from_database.requirements == seeded.requirements
