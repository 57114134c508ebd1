"""Query budgets: the public pages run a fixed number of queries however much content there is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from advisor import services
from advisor.engine.domain import Profile
from advisor.models import Characteristic, Comment, CostParameter, Dimension, SupportModel

pytestmark = pytest.mark.django_db


def add_content(*, models: int, dimensions: int, comments: int) -> None:
    """Grow the seeded catalogue to `models` active models and `dimensions` dimensions, every cell filled
    and every model costed, plus `comments` approved comments (and as many waiting for moderation)."""
    for i in range(Dimension.objects.count(), dimensions):
        Dimension.objects.create(
            slug=f"extra-{i}",
            name=f"Extra aspect {i}",
            question="Does it?",
            explanation="An aspect staff added.",
            weight=Decimal("1"),
            order=20 + i,
        )
    msp_costs = list(CostParameter.objects.filter(support_model__slug="msp", region="US"))
    for i in range(SupportModel.objects.count(), models):
        model = SupportModel.objects.create(
            slug=f"model-{i}",
            name=f"Model {i}",
            summary="Another way.",
            description="Described.",
            best_for="Some.",
            order=10 + i,
        )
        for param in msp_costs:
            CostParameter.objects.create(
                support_model=model,
                key=param.key,
                low=param.low,
                expected=param.expected,
                high=param.high,
                source_title="Our estimate",
            )
    for model in SupportModel.objects.all():
        for dimension in Dimension.objects.exclude(characteristics__support_model=model):
            Characteristic.objects.create(
                support_model=model, dimension=dimension, headline="Covered", description="How it works.", rating=3
            )
    for i in range(comments):
        Comment.objects.create(name=f"Reader {i}", email=f"r{i}@example.com", text="Thoughts.", is_approved=True)
        Comment.objects.create(name=f"Waiting {i}", email=f"w{i}@example.com", text="Later.")


SIZES = [
    pytest.param({"models": 5, "dimensions": 10, "comments": 0}, id="seeded"),
    pytest.param({"models": 10, "dimensions": 16, "comments": 60}, id="10-models-16-dimensions-60-comments"),
]


@pytest.mark.parametrize("size", SIZES)
def test_the_comparison_page_runs_six_queries_then_one_when_its_fragments_are_cached(
    client, size, fragments, django_assert_num_queries
):
    add_content(**size)
    # 1 content version, 2 active support models, 3 their characteristics with dimensions, 4 their cost
    # parameters, 5 dimensions, 6 approved comments.
    with django_assert_num_queries(6):
        html = client.get("/").content.decode()
    assert html.count('class="rating"') == size["models"] * size["dimensions"]
    assert html.count('class="comment ') == size["comments"]
    # The table and the comments come from the fragments cache: only the content version is read.
    with django_assert_num_queries(1):
        again = client.get("/").content.decode()
    assert again.count('class="rating"') == size["models"] * size["dimensions"]
    assert again.count('class="comment ') == size["comments"]


@pytest.mark.parametrize("size", SIZES)
def test_the_result_page_reads_its_row_once_then_only_asks_whether_it_exists(
    client, size, fragments, django_assert_num_queries
):
    add_content(**size)
    assessment = services.assessment_create(
        scored=services.assessment_score(profile=Profile(industry="legal", employees=25, incidents_per_month=4))
    )
    # 1 does it still exist?, 2 the assessment with its stored result and catalogue (the fragments must be rendered).
    with django_assert_num_queries(2):
        html = client.get(assessment.get_absolute_url()).content.decode()
    ranked = size["models"] - 1  # every option but co-managed IT, which needs in-house IT staff
    # An expected total per ranked option on the cost chart, drawn wide and for a phone (phonecharts.py).
    assert html.count("<circle") == 2 * ranked
    # Title and body from the fragments cache: only "does it still exist?", so a deleted result 404s at once.
    with django_assert_num_queries(1):
        again = client.get(assessment.get_absolute_url()).content.decode()
    assert again.count("<circle") == 2 * ranked


def test_the_blank_assessment_form_reads_only_the_content_version(client, fragments, django_assert_num_queries):
    # It offers the frameworks of the region's book, which staff edit: its cached fields are kept under the version.
    client.get("/assess/")
    with django_assert_num_queries(1):
        html = client.get("/assess/").content.decode()  # its fields from the cache
    assert 'name="employees"' in html and 'data-problems-low="0.1"' in html
