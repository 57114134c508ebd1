"""What if (advisor/whatif.py): change a result's answers and compare, storing nothing until asked; and what the
answer depends on, on the result page."""

from __future__ import annotations

import dataclasses
import re
import zlib
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import services, snapshot
from advisor.catalogue import load_catalogue
from advisor.engine import score
from advisor.forms import AssessmentForm, quote_form_data
from advisor.models import Assessment, CatalogueRecord, OptionOutcome
from tests.security_data import FORM_ANSWERS, make_assessment, row_counts

pytestmark = pytest.mark.django_db

QUOTE = {"name": "Northern IT", "model": "msp", "price_per_user_month": "140", "includes": ["monitoring", "helpdesk"]}


def _with_quote() -> Assessment:
    form = AssessmentForm(data={**FORM_ANSWERS, **quote_form_data([QUOTE])})
    assert form.is_valid(), form.errors
    return services.assessment_create(
        scored=services.assessment_score(profile=form.to_profile()), organisation_name="Hart & Vale Solicitors"
    )


def _sent(changes: dict | None = None) -> list[tuple[str, str]]:
    """The what-if form as a browser sends it: the stored answers, the quote, and the changes."""
    answers = {key: value for key, value in FORM_ANSWERS.items() if key not in ("organisation_name", "email")}
    data = {**answers, **quote_form_data([QUOTE]), **(changes or {})}
    pairs = []
    for key, value in data.items():
        pairs += [(key, item) for item in value] if isinstance(value, list) else [(key, str(value))]
    return [*pairs, ("compare", "")]


def _url(assessment: Assessment) -> str:
    return f"/assessment/{assessment.public_id}/what-if/"


def test_the_form_is_prefilled_from_the_stored_answers_with_those_that_matter_most_first(client):
    assessment = _with_quote()
    response = client.get(_url(assessment))
    assert response.status_code == 200
    assert not response.cookies  # no CSRF cookie, no session
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
    first = snapshot.load(assessment).result.depends.answers[0].key
    assert html.index("The answers that matter most") < html.index(f'name="{first}"') < html.index('name="industry"')
    assert re.search(r'name="incidents_per_month"[^>]*value="4', html)
    assert 'value="Northern IT"' in html
    assert "whatif-title" not in html  # nothing compared until the form is sent


def test_changing_problems_and_a_quotes_price_shows_both_answers_side_by_side_and_stores_nothing(client):
    assessment = _with_quote()
    before = row_counts(), OptionOutcome.objects.count(), CatalogueRecord.objects.count()
    sent = _sent({"incidents_per_month": "0.2", "quotes-0-price_per_user_month": "60"})
    response = client.get(_url(assessment) + "?" + urlencode(sent))
    assert response.status_code == 200 and not response.cookies
    assert (row_counts(), OptionOutcome.objects.count(), CatalogueRecord.objects.count()) == before
    comparison = response.context["comparison"]
    assert set(comparison.changed) == {"IT problems a month that need outside help", "Your quotes"}
    rows = {row.name: row for row in comparison.rows}
    quote = rows["Your quote: Northern IT"]
    # The stored answers scored again with today's figures are the stored result (the figures have not changed).
    assert quote.before == snapshot.load(assessment).result.quotes[0].cost.three_years.expected
    assert quote.after < quote.before and quote.difference == pytest.approx(quote.after - quote.before, abs=0.01)
    html = response.content.decode()
    assert "With your answers" in html and "With the changes" in html
    assert f"{round(quote.before - quote.after):,} less" in html
    assert not comparison.figures_changed and "Our figures have changed" not in html
    # Both columns come from the same scoring path as a stored assessment.
    profile = AssessmentForm(data=QueryDict(urlencode(sent)))
    assert profile.is_valid()
    fresh = score(profile.to_profile(), load_catalogue())
    assert comparison.after.recommendation == fresh.recommendation


def test_a_bad_answer_is_named_beside_its_field_and_nothing_typed_is_lost(client):
    assessment = make_assessment()
    sent = _sent({"incidents_per_month": "-3", "employees": "40", "quotes-0-price_per_user_month": "abc"})
    response = client.get(_url(assessment) + "?" + urlencode(sent))
    assert response.status_code == 200
    html = response.content.decode()
    assert "comparison" not in response.context or response.context.get("comparison") is None
    assert "Please correct" in html and "Enter zero or more." in html
    assert re.search(r'name="incidents_per_month"[^>]*value="-3"', html)
    assert re.search(r'name="employees"[^>]*value="40"', html)
    assert re.search(r'name="quotes-0-price_per_user_month"[^>]*value="abc"', html)


@pytest.mark.parametrize(
    "query", ["compare=&employees=1e999", "compare=&industry=%00", "compare=&quotes-TOTAL_FORMS=x"]
)
def test_nonsense_in_the_address_is_an_answer_to_correct_never_a_500(client, query):
    response = client.get(_url(make_assessment()) + "?" + query)
    assert response.status_code == 200 and "Please correct" in response.content.decode()


@override_settings(RATELIMIT_ENABLE=True, RATELIMITS={"assessments": (2, 600), "api": (2, 600), "comments": (2, 600)})
@pytest.mark.usefixtures("shared_store")
def test_each_comparison_counts_under_the_assessment_forms_limit_and_the_blank_form_does_not(client):
    assessment = make_assessment()
    url = _url(assessment) + "?" + urlencode(_sent())
    assert client.get(_url(assessment), REMOTE_ADDR="192.0.2.7").status_code == 200
    assert [client.get(url, REMOTE_ADDR="192.0.2.7").status_code for _ in range(2)] == [200, 200]
    refused = client.get(url, REMOTE_ADDR="192.0.2.7")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert client.post("/assess/", FORM_ANSWERS, REMOTE_ADDR="192.0.2.7").status_code == 429  # the same count


def test_keep_as_a_new_result_asks_then_stores_through_a_csrf_protected_post(client):
    assessment = _with_quote()
    browser = Client(enforce_csrf_checks=True)
    sent = urlencode(_sent({"incidents_per_month": "9"}))
    compared = browser.get(_url(assessment) + "?" + sent)
    keep = re.search(r'href="([^"]*what-if/keep/[^"]*)"', compared.content.decode()).group(1).replace("&amp;", "&")
    asked = browser.get(keep)
    assert asked.status_code == 200 and "csrfmiddlewaretoken" in asked.content.decode()
    count = Assessment.objects.count()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', asked.content.decode()))
    fields.pop("csrfmiddlewaretoken")
    assert Client(enforce_csrf_checks=True).post(keep.split("?")[0], fields).status_code == 403
    assert Assessment.objects.count() == count
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', asked.content.decode()).group(1)
    pairs = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', asked.content.decode())
    kept = browser.post(
        keep.split("?")[0],
        urlencode([*pairs, ("csrfmiddlewaretoken", token)]),
        content_type="application/x-www-form-urlencoded",
    )
    assert kept.status_code == 302 and Assessment.objects.count() == count + 1
    new = Assessment.objects.order_by("-id").first()
    assert kept["Location"] == new.get_absolute_url()
    assert float(new.incidents_per_month) == 9 and new.quote_count == 1
    assert new.organisation_name == assessment.organisation_name
    assert snapshot.load(assessment).profile.incidents_per_month == 4  # the original is unchanged


def test_the_result_page_offers_a_what_if_and_the_shared_copy_does_not(client):
    assessment = _with_quote()
    assert _url(assessment) in client.get(assessment.get_absolute_url()).content.decode()
    shared = client.get(assessment.get_shared_url()).content.decode()
    assert "what-if" not in shared
    assert client.get(f"/assessment/{assessment.share_id}/what-if/").status_code == 404


def test_a_change_in_todays_figures_is_said(client):
    assessment = make_assessment()
    record = assessment.catalogue_record
    older = CatalogueRecord.objects.create(digest="0" * 64, document=record.document)
    Assessment.objects.filter(pk=assessment.pk).update(catalogue_record=older)
    response = client.get(_url(assessment) + "?" + urlencode(_sent()))
    assert response.context["comparison"].figures_changed
    assert "Our figures have changed since this result was scored" in response.content.decode()


def test_a_result_that_cannot_be_read_says_so(client):
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(result_document=zlib.compress(b"{"))
    response = client.get(_url(assessment) + "?" + urlencode(_sent()))
    assert response.status_code == 200 and "cannot be read" in response.content.decode()


def test_the_result_page_says_what_the_answer_depends_on_and_its_own_page_shows_the_chart_and_table(client):
    assessment = make_assessment()
    found = snapshot.load(assessment).result.depends
    result = client.get(assessment.get_absolute_url()).content.decode()
    link = f"/assessment/{assessment.public_id}/depends/"
    assert found.words.replace("'", "&#x27;") in result and link in result
    response = client.get(link)
    assert response.status_code == 200 and not response.cookies and "private" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    section = html[html.index('id="depends-title"') :]
    section = section[: section.index("</section>")]
    assert found.words.replace("'", "&#x27;") in section
    assert '<svg class="chart tornado"' in section and "<table" in section
    for swing in (*found.answers, *found.figures):
        assert swing.label.replace("'", "&#x27;") in section
    if found.most:
        assert "measure it for a month" in section


def test_a_result_stored_before_version_5_says_it_is_not_available(client):
    profile = AssessmentForm(data=FORM_ANSWERS)
    assert profile.is_valid()
    catalogue = load_catalogue()
    result = dataclasses.replace(score(profile.to_profile(), catalogue), version=3, depends=None)
    older = services.assessment_create(
        scored=snapshot.StoredResult(
            version=3,
            scored_at="2026-01-01T00:00:00+00:00",
            profile=profile.to_profile(),
            catalogue=catalogue,
            result=result,
        )
    )
    stored = snapshot.load(older)
    assert stored.result.depends is None and not stored.earlier_model
    html = client.get(older.get_absolute_url()).content.decode()
    assert "An earlier version of our model" not in html and "/depends/" not in html
    assert "Not available for this result" in client.get(f"/assessment/{older.public_id}/depends/").content.decode()


def test_the_shared_copy_links_to_no_page_that_reads_the_answers(client):
    assessment = _with_quote()
    shared = client.get(assessment.get_shared_url()).content.decode()
    assert "/depends/" not in shared and "what-if" not in shared
    assert client.get(f"/assessment/{assessment.share_id}/depends/").status_code == 404


def test_a_stored_result_with_three_quotes_stays_within_10_kb():
    quotes = [{**QUOTE, "name": f"Provider {n}", "price_per_user_month": str(100 + 20 * n)} for n in range(3)]
    form = AssessmentForm(data={**FORM_ANSWERS, **quote_form_data(quotes)})
    assert form.is_valid(), form.errors
    stored = services.assessment_create(scored=services.assessment_score(profile=form.to_profile()))
    assert snapshot.load(stored).result.depends is not None
    assert len(bytes(Assessment.objects.get(pk=stored.pk).result_document)) <= 10_000


FIELDS = [
    "employees",
    "incidents_per_month",
    "downtime_cost_per_hour",
    "devices",
    "sites",
    "it_staff",
    "industry",
    "quotes-0-price_per_user_month",
    "quotes-0-name",
    "quotes-TOTAL_FORMS",
    "quotes-0-includes",
]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    changes=st.dictionaries(
        st.sampled_from(FIELDS),
        st.one_of(
            st.text(max_size=20),
            st.integers(-(10**6), 10**9).map(str),
            st.sampled_from(["1e999", "NaN", "", "0", "-0", "3.5"]),
        ),
        max_size=4,
    )
)
def test_any_changes_give_a_comparison_or_messages_never_a_500_and_store_nothing(client, changes):
    assessment = Assessment.objects.first() or _with_quote()
    before = row_counts()
    response = client.get(_url(assessment) + "?" + urlencode(_sent(changes)))
    assert response.status_code == 200
    assert row_counts() == before
    html = response.content.decode()
    assert ("whatif-title" in html) != ("Please correct" in html)
