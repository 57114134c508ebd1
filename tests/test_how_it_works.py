"""The "How the advice works" page: a flat page seeded by a migration, linked from every footer, edited in admin."""

from __future__ import annotations

import importlib
import os
import re
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.urls import reverse

from advisor import pagehtml
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

URL = "/how-it-works/"
from tests.test_seed import ARTICLE  # noqa: E402 - one place says where the article is (ADVISOR_SEED_ARTICLE)

seed = importlib.import_module("advisor.migrations.0005_how_it_works_page")
five_options = importlib.import_module("advisor.migrations.0015_how_it_works_five_options")
money_first = importlib.import_module("advisor.migrations.0019_how_it_works_money_first")
insurable = importlib.import_module("advisor.migrations.0024_how_it_works_requirements")
regions = importlib.import_module("advisor.migrations.0028_how_it_works_regions")
eight = importlib.import_module("advisor.migrations.0030_how_it_works_eight_countries")
both = importlib.import_module("advisor.migrations.0032_how_it_works_countries_and_insurers")
by_size = importlib.import_module("advisor.migrations.0035_market_by_size_and_rounded_stand_ins")


@pytest.fixture
def staff(client):
    """A superuser signed in to the admin."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    sign_in_verified(client, user)
    return client


def test_the_page_answers_with_its_heading_and_who_runs_the_site(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="page-title" class="display-6 fw-semibold">How the advice works</h1>' in html
    assert "<title>How the advice works &middot; advisor</title>" in html
    assert "<h2>Who runs this site</h2>" in html
    assert "We sell no IT support, take no referral fees" in html


def test_the_page_tells_the_model_and_names_its_sources(client):
    html = client.get(URL).content.decode()
    for heading in (
        "Every option is priced for the same work",
        "Bills, lost work and risk are kept apart",
        "Ranges from a simulation, not every worst case at once",
        "How the decision is made",
        "What would change the advice",
        "What the figures are, and where they come from",
    ):
        assert f"<h2>{heading}</h2>" in html
    for source in (
        "Coalition",
        "Cyber Security Breaches Survey 2025",
        "Australian Signals Directorate",
        "Bureau of Labor Statistics",
    ):
        assert source in html
    assert "marked as a vendor claim" in html
    assert '<a href="https://micro-it.net/resources/article-pricing-models">' in html


def test_the_page_tells_the_five_options_and_checking_your_quotes(client):
    html = client.get(URL).content.decode()
    assert "compares five ways of getting IT support" in html
    for heading in ("How the five options are charged", "Checking your quotes"):
        assert f"<h2>{heading}</h2>" in html
    for option in ("Break/Fix", "Managed Services Provider", "block of prepaid hours", "co-managed", "in-house IT"):
        assert option in html
    # The organisation's own IT staff: the same cost under every option, taking problems only while on duty.
    assert "IT staff you already employ cost the same whichever option you choose" in html
    assert "only those that come up while they are on duty" in html
    # The quotes: up to three, project work kept out of the totals, the flags, and the link that leaves them out.
    assert "enter up to three" in html
    assert "keep it out of them" in html
    for flag in (
        "notice period of more than 90 days",
        "a month's fees or more",
        "fixing problems left out",
        "only best efforts",
        "above or below the range",
        "security left out",
        "backup left out",
    ):
        assert flag in html
    assert "a second permanent link that shows it without them" in html
    # The answer follows the money, and quotes stand in the ranking (the third version, migration 0019).
    assert "The money decides" in html and "Two things decide: fit and cost" not in html
    assert "Each quote stands in the ranking as the option it is a way of buying" in html


@pytest.mark.parametrize("path", ["/", "/assess/"], ids=["comparison", "assessment form"])
def test_the_footer_links_to_the_page_and_says_the_site_is_independent(client, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer') :]
    assert f'<a href="{URL}">How the advice works</a>' in footer
    assert "Independent: we sell no IT support." in footer


def test_the_footer_marks_the_link_as_the_current_page_on_the_page_itself(client):
    assert f'<a href="{URL}" aria-current="page">How the advice works</a>' in client.get(URL).content.decode()


def test_head_answers_like_get_without_a_body(client):
    response = client.head(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == b""


def test_a_post_is_not_allowed(client):
    assert client.post(URL).status_code == 405


def test_the_page_reads_the_site_then_the_page_and_then_only_the_page(client, django_assert_num_queries):
    Site.objects.clear_cache()
    # 1 the current site (kept in the process afterwards), 2 the flat page for that site.
    with django_assert_num_queries(2):
        assert client.get(URL).status_code == 200
    # 1 the flat page: nothing of it is kept, so an edit shows on the next request.
    with django_assert_num_queries(1):
        assert client.get(URL).status_code == 200


def test_staff_edit_the_text_in_admin_and_the_next_request_shows_it(staff):
    page = FlatPage.objects.get(url=URL)
    staff.get(URL)  # served once before the edit
    response = staff.post(
        reverse("admin:flatpages_flatpage_change", args=[page.pk]),
        {
            "url": URL,
            "title": "How our advice is worked out",
            "content": "<h2>Who runs this site</h2><p>A charity for small firms runs it.</p>",
            "sites": [Site.objects.get_current().pk],
            "template_name": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = staff.get(URL).content.decode()
    assert "How our advice is worked out</h1>" in html
    assert "A charity for small firms runs it." in html
    assert "take no referral fees" not in html


def _would_remove(removed: str) -> str:
    return (
        (
            "This page may only hold headings, paragraphs, links, lists and tables. Saving would remove: "
            f"{removed}. Take them out (or change them) and save again."
        )
        .replace("'", "&#x27;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('<p style="color: red">Hi</p>', _would_remove("style on <p>")),
        ("<script>alert(1)</script><p>Hi</p>", _would_remove("<script>")),
        ('<a href="#" onclick="go()">Go</a>', _would_remove("onclick on <a>")),
        ("<p>Hi<img/src=x onerror=alert(1)></p>", _would_remove("<img>")),
        ('<p><a href="&#106;avascript:alert(1)">Go</a></p>', _would_remove("href on <a>")),
        ('<meta http-equiv="refresh" content="0;url=https://example.com/"><p>Hi</p>', _would_remove("<meta>")),
        (
            '<iframe src="https://example.com/"></iframe><form action="/x"><input name="a"></form>',
            _would_remove("<iframe>, <form>, <input>"),
        ),
        ("<h1>Another title</h1>", "Start headings at &lt;h2&gt;: the title is the page&#x27;s &lt;h1&gt;."),
    ],
    ids=["style", "script", "handler", "img-onerror", "encoded-javascript", "meta-refresh", "iframe-form", "h1"],
)
def test_admin_refuses_what_the_page_could_not_show(staff, content, message):
    page = FlatPage.objects.get(url=URL)
    response = staff.post(
        reverse("admin:flatpages_flatpage_change", args=[page.pk]),
        {
            "url": URL,
            "title": page.title,
            "content": content,
            "sites": [1],
            "template_name": "",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert FlatPage.objects.get(url=URL).content == page.content


def test_a_page_taken_off_the_site_is_not_found(client):
    FlatPage.objects.get(url=URL).sites.clear()
    assert client.get(URL).status_code == 404


@pytest.mark.parametrize(
    "version",
    [seed, five_options, money_first, insurable, regions, eight, both, by_size],
    ids=["first", "second", "third", "insurers", "countries", "eight countries", "both", "market by size"],
)
def test_the_seeded_html_is_all_allowed(version):
    assert pagehtml.removed(version.CONTENT) == []
    assert "Break/Fix" in pagehtml.clean(version.CONTENT)


def test_what_the_sanitiser_keeps_and_what_it_names_as_removed():
    html = (
        '<h2>T</h2><p class="lead">A <a href="/assess/">link</a> and <a href="https://example.org/">another</a></p>'
        '<ul><li>x</li></ul><table><tr><th scope="col">h</th></tr><tr><td>d</td></tr></table>'
    )
    assert pagehtml.removed(html) == []
    for kept in ('href="/assess/"', 'href="https://example.org/"', 'class="lead"', "<table>", 'scope="col"'):
        assert kept in pagehtml.clean(html)
    dirty = '<p onmouseover="x()">a</p><p>b<img src=x onerror=y></p><style>p{}</style>'
    assert pagehtml.removed(dirty) == ["<img>", "<style>", "onmouseover on <p>"]
    assert pagehtml.clean(dirty) == "<p>a</p><p>b</p>"


@pytest.mark.parametrize(
    "version",
    [seed, five_options, money_first, insurable, regions, eight, both, by_size],
    ids=["first", "second", "third", "insurers", "countries", "eight countries", "both", "market by size"],
)
def test_the_seeded_html_has_no_inline_style_or_script_and_starts_at_h2(version):
    # The Content-Security-Policy refuses inline style and script; the template gives the page its only <h1>.
    content = version.CONTENT
    assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=|javascript:", content, re.IGNORECASE)
    assert re.findall(r"<h(\d)", content)[0] == "2"
    assert "<h1" not in content


def test_the_migration_backward_removes_the_page_and_forward_brings_it_back():
    editor = SimpleNamespace(connection=connection)
    seed.backward(apps, editor)
    assert not FlatPage.objects.filter(url=URL).exists()
    seed.forward(apps, editor)
    seed.forward(apps, editor)  # twice: keyed on the url, so still one page
    page = FlatPage.objects.get(url=URL)
    assert page.title == "How the advice works"
    assert list(page.sites.values_list("pk", flat=True)) == [1]


def test_the_fourth_version_replaces_any_seeded_version_and_goes_back_to_the_third():
    editor = SimpleNamespace(connection=connection)
    by_size.backward_page(apps, editor)  # back to 0032's page, then further back
    both.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == insurable.CONTENT  # 0024's, as before the sixth version
    assert "What your insurer and frameworks ask" in insurable.CONTENT
    assert "This is not certification and not legal advice" in insurable.CONTENT
    insurable.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == money_first.CONTENT
    for earlier in (seed, five_options, money_first):
        FlatPage.objects.filter(url=URL).update(content=earlier.CONTENT)
        insurable.forward(apps, editor)
        assert FlatPage.objects.get(url=URL).content == insurable.CONTENT


@pytest.mark.parametrize(
    "edited",
    [money_first.CONTENT + "<p>One line staff added.</p>\n", money_first.CONTENT.replace("\n", "\r\n")],
    ids=["a line added", "line endings"],
)
def test_the_fourth_version_leaves_a_page_staff_edited_alone(edited):
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=edited)
    insurable.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited
    insurable.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited


def test_the_seventh_version_says_the_market_band_moves_with_size_and_goes_back_to_the_sixth():
    editor = SimpleNamespace(connection=connection)
    assert FlatPage.objects.get(url=URL).content == by_size.CONTENT  # the test database is migrated
    text = pagehtml.clean(by_size.CONTENT)
    assert "for an organisation of your size" in text and "For fewer than 10 people or more than 50" in text
    assert by_size.CONTENT.replace(by_size.NEW, by_size.OLD) == both.CONTENT  # that paragraph only
    by_size.backward_page(apps, editor)
    assert FlatPage.objects.get(url=URL).content == both.CONTENT
    by_size.forward_page(apps, editor)
    assert FlatPage.objects.get(url=URL).content == by_size.CONTENT
    edited = both.CONTENT + "<p>One line staff added.</p>\n"
    FlatPage.objects.filter(url=URL).update(content=edited)
    by_size.forward_page(apps, editor)  # staff edited it: left alone
    by_size.backward_page(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited


def test_the_sixth_version_holds_both_sections_and_replaces_any_seeded_version():
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=both.CONTENT)  # as 0032 leaves it, before the seventh
    text = pagehtml.clean(both.CONTENT)
    assert "Your country, your money" in text and "What your insurer and frameworks ask" in text
    assert "This is not certification and not legal advice" in text
    both.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == insurable.CONTENT
    for earlier in (seed, five_options, money_first, insurable, regions, eight):
        FlatPage.objects.filter(url=URL).update(content=earlier.CONTENT)
        both.forward(apps, editor)
        assert FlatPage.objects.get(url=URL).content == both.CONTENT
    edited = eight.CONTENT + "<p>One line staff added.</p>\n"
    FlatPage.objects.filter(url=URL).update(content=edited)
    both.forward(apps, editor)  # staff edited it: left alone
    assert FlatPage.objects.get(url=URL).content == edited


def test_the_fifth_version_names_the_eight_countries_and_goes_back_to_the_fourth():
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=eight.CONTENT)  # as 0030 leaves it on its own
    assert "Ireland, Germany, France, the Netherlands, Canada and Australia" in eight.CONTENT
    eight.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == regions.CONTENT
    eight.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == eight.CONTENT


def test_the_fourth_version_says_how_countries_currency_and_tax_work_and_goes_back_to_the_third():
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=eight.CONTENT)  # as 0030 leaves it on its own
    eight.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == regions.CONTENT
    text = pagehtml.clean(regions.CONTENT)
    assert "Your country, your money" in text and "sales tax on services depends on the state" in text
    regions.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == money_first.CONTENT
    regions.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == regions.CONTENT
    FlatPage.objects.filter(url=URL).update(content=money_first.CONTENT + "<p>One line staff added.</p>\n")
    regions.forward(apps, editor)  # staff edited it: left alone
    assert FlatPage.objects.get(url=URL).content.endswith("<p>One line staff added.</p>\n")


def test_the_third_version_replaces_either_seeded_version_and_goes_back_to_the_second():
    editor = SimpleNamespace(connection=connection)
    by_size.backward_page(apps, editor)  # back to 0032's page, then further back
    both.backward(apps, editor)
    insurable.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == money_first.CONTENT
    assert "The money decides" in money_first.CONTENT and "Two things decide: fit and cost" not in money_first.CONTENT
    money_first.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == five_options.CONTENT
    money_first.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == money_first.CONTENT
    FlatPage.objects.filter(url=URL).update(content=seed.CONTENT)  # a site still on the first version
    money_first.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == money_first.CONTENT


@pytest.mark.parametrize(
    "edited",
    [five_options.CONTENT + "<p>One line staff added.</p>\n", five_options.CONTENT.replace("\n", "\r\n")],
    ids=["a line added", "line endings"],
)
def test_the_third_version_leaves_a_page_staff_edited_alone(edited):
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=edited)
    money_first.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited


def test_the_second_version_replaces_the_first_version_and_back_again():
    editor = SimpleNamespace(connection=connection)
    by_size.backward_page(apps, editor)  # back to 0032's page, then further back
    both.backward(apps, editor)
    insurable.backward(apps, editor)
    money_first.backward(apps, editor)
    page = FlatPage.objects.get(url=URL)
    assert page.content == five_options.CONTENT
    five_options.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == seed.CONTENT
    five_options.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == five_options.CONTENT
    five_options.forward(apps, editor)  # twice: already the second version, so nothing changes
    page = FlatPage.objects.get(url=URL)
    assert page.content == five_options.CONTENT
    assert page.title == "How the advice works"
    assert list(page.sites.values_list("pk", flat=True)) == [1]


@pytest.mark.parametrize(
    "edited",
    [
        "<h2>Who runs this site</h2><p>A charity for small firms runs it.</p>",
        seed.CONTENT + "<p>One line staff added.</p>\n",
        seed.CONTENT.replace("\n", "\r\n"),  # saved from the admin's text box: not the seeded text
    ],
    ids=["rewritten", "a line added", "line endings"],
)
def test_the_second_version_leaves_a_page_staff_edited_alone(edited):
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).update(content=edited)
    five_options.forward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited
    five_options.backward(apps, editor)
    assert FlatPage.objects.get(url=URL).content == edited


def test_the_second_version_does_nothing_without_the_page():
    editor = SimpleNamespace(connection=connection)
    FlatPage.objects.filter(url=URL).delete()
    five_options.forward(apps, editor)
    five_options.backward(apps, editor)
    assert not FlatPage.objects.filter(url=URL).exists()


def test_the_second_version_keeps_the_first_versions_headings_and_sources():
    # Staff who never edited the page lose nothing the first version told.
    headings = lambda text: re.findall(r"<h2>([^<]+)</h2>", text)  # noqa: E731
    assert set(headings(seed.CONTENT)) <= set(headings(five_options.CONTENT))
    links = lambda text: set(re.findall(r'href="([^"]+)"', text))  # noqa: E731
    assert links(seed.CONTENT) <= links(five_options.CONTENT)


def test_the_migration_makes_the_site_when_there_is_none():
    Site.objects.all().delete()  # the flat pages go with it
    seed.forward(apps, SimpleNamespace(connection=connection))
    assert FlatPage.objects.get(url=URL).sites.get().pk == 1
    Site.objects.create(domain="another.example", name="another")  # the id sequence moved past 1


@pytest.mark.parametrize(
    "version",
    [seed, five_options, money_first, regions, eight],
    ids=["first", "second", "third", "fourth", "fifth"],
)
def test_no_sentence_is_copied_from_the_article(version):
    if not ARTICLE.exists():
        # The article lives beside the repository (../shared), as it does in CI; never skipped there.
        if os.environ.get("CI"):
            pytest.fail(f"The source article is missing at {ARTICLE}")
        pytest.skip(f"The source article is not beside this checkout ({ARTICLE})")
    words = lambda text: re.findall(r"[a-z0-9']+", re.sub(r"<[^>]+>", " ", text).lower())  # noqa: E731
    article = words(ARTICLE.read_text(encoding="utf-8"))
    article_runs = {" ".join(article[i : i + 8]) for i in range(len(article) - 7)}
    ours = words(version.CONTENT)
    copied = [" ".join(ours[i : i + 8]) for i in range(len(ours) - 7) if " ".join(ours[i : i + 8]) in article_runs]
    assert not copied
