"""What is cached stays correct: every change to the content shows on the very next request.

The catalogue is kept per process and rendered fragments in the "fragments" cache, both under the content
version. First through Django's test client in this one process, with the fragments cache on; then against
the real site under gunicorn with two workers, with each change made from another process, as an admin on
another server would make it.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import signing
from django.db import transaction
from django.test import Client

from advisor.catalogue import content_version, load_catalogue
from advisor.models import Characteristic, Comment, ContentVersion, CostParameter, Dimension, SupportModel
from advisor.protect import spam
from tests.perf_site import PerfSite


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]+)"', html).group(1)


def csrf_token(html: str) -> str:
    return hidden(html, "csrfmiddlewaretoken")


# ---- In one process ------------------------------------------------------------------------------------------


@pytest.mark.django_db
class TestInOneProcess:
    def test_the_catalogue_is_read_once_then_kept_until_the_content_changes(self, django_assert_num_queries):
        first = load_catalogue()
        with django_assert_num_queries(1):  # the content version only
            assert load_catalogue() is first
        cell = Characteristic.objects.get(support_model__slug="msp", dimension__slug="monitoring")
        cell.rating = 3
        cell.save()
        assert load_catalogue().models[1].ratings["monitoring"] == 3

    def test_bulk_updates_deletes_and_bulk_creates_each_change_the_version(self):
        versions = [content_version()]
        SupportModel.objects.filter(slug="msp").update(name="Managed IT")
        versions.append(content_version())
        assert load_catalogue().models[1].name == "Managed IT"
        CostParameter.objects.filter(support_model__slug="msp", key="fee_per_user_month").delete()
        versions.append(content_version())
        assert "fee_per_user_month" not in load_catalogue().models[1].figures
        dimension = Dimension.objects.create(slug="security", name="Security", question="Q?", explanation="E.")
        versions.append(content_version())
        Characteristic.objects.bulk_create(
            [
                Characteristic(support_model=model, dimension=dimension, headline="H", description="D", rating=2)
                for model in SupportModel.objects.all()
            ]
        )
        versions.append(content_version())
        assert load_catalogue().models[0].ratings["security"] == 2
        assert len(set(versions)) == len(versions)

    def test_a_comment_awaiting_moderation_changes_nothing_kept(self):
        before = content_version()
        Comment.objects.create(name="Ann", email="ann@example.com", text="Pending.")
        assert content_version() == before

    def test_a_change_rolled_back_leaves_nothing_behind(self):
        committed = load_catalogue()
        with pytest.raises(RuntimeError), transaction.atomic():
            SupportModel.objects.filter(slug="msp").update(name="Never saved")
            assert load_catalogue().models[1].name == "Never saved"  # kept, under the version never committed
            raise RuntimeError
        assert load_catalogue().models[1].name == committed.models[1].name == "Managed Services Provider"

    def test_without_the_version_row_nothing_is_kept(self, django_assert_num_queries):
        ContentVersion.objects.all().delete()
        load_catalogue()
        # Read again every time: version (none), the region, dimensions, models, characteristics, cost
        # parameters, the figures for every option, and what insurers and frameworks ask (frameworks, add-ons with
        # their costs, requirements with how each option meets them).
        with django_assert_num_queries(12):
            assert load_catalogue().dimensions
        ContentVersion.bump()
        assert content_version() is not None

    def test_the_blank_form_from_the_cache_carries_a_fresh_csrf_token_that_works(self, fragments):
        from advisor.models import Assessment
        from tests.security_data import FORM_ANSWERS

        client = Client(enforce_csrf_checks=True)
        client.get("/assess/")  # renders the form's fields into the cache
        first = client.get("/assess/").content.decode()  # the fields from the cache
        second = client.get("/assess/").content.decode()
        assert 'name="employees"' in second and 'value="business_hours"' in second
        assert csrf_token(first) != csrf_token(second)  # masked afresh on every request
        response = client.post("/assess/", {**FORM_ANSWERS, "csrfmiddlewaretoken": csrf_token(second)})
        assert response.status_code == 302
        assert Assessment.objects.count() == 1

    def test_the_cached_comparison_page_sets_no_cookie_and_its_comment_form_works(self, settings, fragments):
        settings.COMMENT_MIN_SECONDS = 0
        client = Client(enforce_csrf_checks=True)
        client.get("/")  # renders the table and the comments into the cache
        page = client.get("/")
        assert not page.cookies and "csrfmiddlewaretoken" not in page.content.decode()
        response = client.post(
            "/comments/",
            {
                "name": "Ann",
                "email": "ann@example.com",
                "website": "",
                "text": "Useful.",
                "started": hidden(page.content.decode(), "started"),
            },
            HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_ORIGIN="http://testserver",
        )
        assert response.status_code == 302
        assert Comment.objects.filter(name="Ann", is_approved=False).exists()

    def test_the_cached_comparison_page_carries_the_time_it_was_served_for_the_spam_guard(
        self, client, settings, fragments, frozen_clock
    ):
        settings.COMMENT_MIN_SECONDS = 3
        client.get("/")
        frozen_clock.move_to(1_900_000_000.0, tick=False)
        page = client.get("/").content.decode()
        assert signing.loads(hidden(page, "started"), salt=spam._SALT) == 1_900_000_000.0
        posted = client.post(
            "/comments/",
            {"name": "Bot", "email": "bot@example.com", "text": "Fast.", "started": hidden(page, "started")},
        )
        assert "quicker than a person can type" in posted.content.decode()

    def test_a_waiting_message_is_shown_once_on_the_cached_page(self, client, settings, fragments):
        settings.COMMENT_MIN_SECONDS = 0
        client.get("/")
        response = client.post(
            "/comments/", {"name": "Ann", "email": "ann@example.com", "text": "Useful."}, follow=True
        )
        assert "held for moderation" in response.content.decode()
        assert "held for moderation" not in client.get("/").content.decode()

    def test_an_approved_comment_shows_on_the_next_request_and_goes_when_unapproved(self, client, fragments):
        comment = Comment.objects.create(name="Bea", email="bea@example.com", text="Pending text.")
        client.get("/")
        assert "Pending text." not in client.get("/").content.decode()
        Comment.objects.filter(pk=comment.pk).update(is_approved=True)  # what the admin action does
        assert "Pending text." in client.get("/").content.decode()
        Comment.objects.filter(pk=comment.pk).update(is_approved=False)
        assert "Pending text." not in client.get("/").content.decode()

    def test_a_saved_edit_shows_on_the_cached_comparison_page_on_the_next_request(self, client, fragments):
        client.get("/")
        cell = Characteristic.objects.get(support_model__slug="break-fix", dimension__slug="downtime")
        cell.headline = "Freshly edited headline"
        cell.save()
        assert "Freshly edited headline" in client.get("/").content.decode()

    def test_a_prefilled_form_is_rendered_never_taken_from_the_cached_blank_one(
        self, client, law_firm_answers, fragments
    ):
        location = client.post("/assess/", law_firm_answers)["Location"]
        client.get("/assess/")
        public_id = location.strip("/").split("/")[-1]
        assert "Hart &amp; Vale Solicitors" in client.get(f"/assess/?from={public_id}").content.decode()
        assert "Hart &amp; Vale Solicitors" not in client.get("/assess/").content.decode()

    def test_a_form_with_mistakes_is_rendered_never_taken_from_the_cached_blank_one(
        self, client, law_firm_answers, fragments
    ):
        client.get("/assess/")
        html = client.post("/assess/", {**law_firm_answers, "employees": "-4"}).content.decode()
        assert "Enter 1 or more." in html and 'value="-4"' in html

    def test_a_deleted_result_is_a_404_on_the_next_request(self, client, law_firm_answers, fragments):
        location = client.post("/assess/", law_firm_answers)["Location"]
        assert client.get(location).status_code == 200
        assert client.get(location).status_code == 200  # from the cache
        client.post(location + "delete/")
        assert client.get(location).status_code == 404

    def test_a_cached_result_shows_each_host_its_own_share_link(self, client, law_firm_answers, fragments):
        location = client.post("/assess/", law_firm_answers)["Location"]
        for host in ("localhost", "127.0.0.1", "localhost"):
            assert f"http://{host}{location}" in client.get(location, HTTP_HOST=host).content.decode()

    def test_a_result_is_cached_once_whatever_port_the_host_names(self, client, law_firm_answers, fragments):
        """Made-up ports in the Host header (40 of them made 40 copies of about 90 kB each) share one entry, and
        each request still sees its own address in the links."""
        location = client.post("/assess/", law_firm_answers)["Location"]
        client.get(location)
        entries = len(fragments._cache)
        for port in range(20000, 20010):
            html = client.get(location, HTTP_HOST=f"localhost:{port}").content.decode()
            assert f"http://localhost:{port}{location}" in html
        assert len(fragments._cache) == entries

    def test_a_waiting_message_shows_above_a_cached_result(self, client, law_firm_answers, fragments, settings):
        settings.COMMENT_MIN_SECONDS = 0
        location = client.post("/assess/", law_firm_answers)["Location"]
        client.get(location)  # renders the result's body into the cache
        client.post("/comments/", {"name": "Ann", "email": "ann@example.com", "text": "Useful."})  # a message waits
        html = client.get(location).content.decode()
        assert "held for moderation" in html and "What would change it" in html

    def test_the_cached_page_header_marks_the_page_each_request_is_on(self, client, fragments):
        for path, current in (("/", "Compare"), ("/assess/", "Take the assessment"), ("/", "Compare")):
            marked = re.findall(r'aria-current="page">([^<]+)<', client.get(path).content.decode())
            assert marked == [current], path


@pytest.mark.django_db
def test_each_stored_result_points_to_the_figures_of_the_catalogue_it_was_scored_with():
    from dataclasses import replace

    from advisor import services, snapshot
    from advisor.engine.domain import Profile
    from tests.catalogues import seeded_catalogue

    profile = Profile(industry="legal", employees=25, incidents_per_month=4)
    first = seeded_catalogue()
    second = replace(first, models=first.models[:1])
    stored = [
        services.assessment_create(scored=services.assessment_score(profile=profile, catalogue=c))
        for c in (first, second, first)
    ]
    assert [snapshot.load(a).catalogue for a in stored] == [first, second, first]
    # The same catalogue is stored once, whatever number of results point to it.
    assert stored[0].catalogue_record_id == stored[2].catalogue_record_id != stored[1].catalogue_record_id


# ---- Under gunicorn, two workers -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site():
    server = PerfSite(workers=2).start()
    yield server
    server.stop()


def from_every_worker(
    site: PerfSite,
    path: str,
    *,
    method: str = "GET",
    data: bytes | None = None,
    headers: dict | None = None,
    each: int = 2,
    statuses: tuple = (200, 201),
) -> dict[str, list]:
    """Send requests, a few at a time, until every worker has answered at least `each` of them."""
    answers: dict[str, list] = {}
    with ThreadPoolExecutor(4) as pool:
        for _ in range(100):
            batch = pool.map(lambda _: site.request(path, method=method, data=data, headers=headers), range(4))
            for response in batch:
                assert response.status in statuses, (response.status, response.text[:500])
                answers.setdefault(response.worker, []).append(response)
            if len(answers) == site.workers and all(len(a) >= each for a in answers.values()):
                return answers
    raise AssertionError(f"only workers {list(answers)} answered")


API_BODY = json.dumps({"industry": "legal", "employees": 25, "incidents_per_month": 4}).encode()
API_HEADERS = {"Content-Type": "application/json"}


@pytest.mark.real_server
def test_a_saved_edit_shows_on_the_next_request_to_each_worker(site):
    before = from_every_worker(site, "/")  # each worker renders the page, then serves it from memory
    assert all("Freshly saved headline" not in r.text for answers in before.values() for r in answers)
    site.manage(
        "from advisor.models import Characteristic\n"
        "cell = Characteristic.objects.get(support_model__slug='break-fix', dimension__slug='downtime')\n"
        "cell.headline = 'Freshly saved headline'\n"
        "cell.save()\n"
    )
    after = from_every_worker(site, "/", each=1)
    assert all("Freshly saved headline" in r.text for answers in after.values() for r in answers)


@pytest.mark.real_server
def test_a_bulk_update_shows_on_the_page_and_in_scoring_on_each_worker(site):
    from_every_worker(site, "/")
    from_every_worker(site, "/api/assessments/", method="POST", data=API_BODY, headers=API_HEADERS)
    site.manage(
        "from advisor.models import SupportModel, CostParameter\n"
        "SupportModel.objects.filter(slug='msp').update(name='Managed IT Co')\n"
        "CostParameter.objects.filter(support_model__slug='msp', key='fee_per_user_month')"
        ".update(low=40, expected=41, high=42)\n"
    )
    pages = from_every_worker(site, "/", each=1)
    assert all("Managed IT Co" in r.text for answers in pages.values() for r in answers)
    posts = from_every_worker(site, "/api/assessments/", method="POST", data=API_BODY, headers=API_HEADERS, each=1)
    for answers in posts.values():
        for response in answers:
            document = json.loads(response.body)
            assert "Managed IT Co" in {score["name"] for score in document["scores"]}
            assert any(a["value"].startswith("$41 ") for a in document["assumptions"] if a["model"] == "Managed IT Co")


@pytest.mark.real_server
def test_comment_moderation_shows_on_the_next_request_to_each_worker(site):
    site.manage(
        "from advisor.models import Comment\n"
        "Comment.objects.create(name='Cy', email='cy@example.com', text='Waiting for a moderator.')\n"
    )
    before = from_every_worker(site, "/")
    assert all("Waiting for a moderator." not in r.text for answers in before.values() for r in answers)
    site.manage("from advisor.models import Comment\nComment.objects.filter(name='Cy').update(is_approved=True)\n")
    approved = from_every_worker(site, "/", each=1)
    assert all("Waiting for a moderator." in r.text for answers in approved.values() for r in answers)
    site.manage("from advisor.models import Comment\nComment.objects.filter(name='Cy').delete()\n")
    deleted = from_every_worker(site, "/", each=1)
    assert all("Waiting for a moderator." not in r.text for answers in deleted.values() for r in answers)


@pytest.mark.real_server
def test_a_deleted_result_is_gone_from_each_worker(site):
    created = site.request("/api/assessments/", method="POST", data=API_BODY, headers=API_HEADERS)
    path = created.headers["location"].removeprefix(site.base)
    from_every_worker(site, path)
    site.manage(
        f"from advisor.models import Assessment\nAssessment.objects.filter(public_id='{path.split('/')[2]}').delete()\n"
    )
    from_every_worker(site, path, each=1, statuses=(404,))
