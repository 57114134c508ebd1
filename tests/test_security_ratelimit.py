"""Rate limits on the posts that write, and the admin sign-in lockout."""

from __future__ import annotations

import json
import logging
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import Client, override_settings
from django.utils import timezone

from advisor.models import Assessment, RateCount
from advisor.protect import ratelimit
from tests.security_data import API_ANSWERS, FORM_ANSWERS, comment_answers, make_assessment, row_counts

# Each test with the counters on the database table and on a real Redis server (tests/conftest.py, shared_store).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_store")]

# Two posts per client per ten minutes on each limit, so the third is refused.
TIGHT = override_settings(
    RATELIMIT_ENABLE=True,
    RATELIMITS={"assessments": (2, 600), "api": (2, 600), "comments": (2, 600)},
)


def _post_assessment(client: Client, ip: str = "192.0.2.10", **extra):
    return client.post("/assess/", FORM_ANSWERS, REMOTE_ADDR=ip, **extra)


def _post_api(client: Client, ip: str = "192.0.2.10"):
    return client.post("/api/assessments/", json.dumps(API_ANSWERS), content_type="application/json", REMOTE_ADDR=ip)


@TIGHT
def test_the_assessment_form_is_refused_with_a_clear_page_after_the_limit(client):
    assert [_post_assessment(client).status_code for _ in range(2)] == [302, 302]
    before = row_counts()
    response = _post_assessment(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please wait a moment" in response.content.decode()
    assert "Please try again in about" in response.content.decode()
    assert row_counts() == before


@TIGHT
def test_the_api_is_refused_with_a_json_error_after_the_limit(client):
    assert [_post_api(client).status_code for _ in range(2)] == [201, 201]
    before = row_counts()
    response = _post_api(client)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    message = response.json()["errors"]["__all__"][0]
    assert message.startswith("Too many requests from your address: at most 2 in this period.")
    assert int(response["Retry-After"]) > 0
    assert row_counts() == before


@TIGHT
def test_comments_are_refused_after_the_limit(client):
    statuses = [client.post("/comments/", comment_answers(), REMOTE_ADDR="192.0.2.10").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert row_counts()["comments"] == 2


@TIGHT
def test_rescoring_counts_against_the_assessment_limit(client):
    assessment = make_assessment()
    _post_assessment(client)
    client.post(f"{assessment.get_absolute_url()}rescore/", REMOTE_ADDR="192.0.2.10")
    assert client.post(f"{assessment.get_absolute_url()}rescore/", REMOTE_ADDR="192.0.2.10").status_code == 429


@TIGHT
def test_each_limit_and_each_client_has_its_own_count(client):
    for _ in range(2):
        _post_assessment(client)
    assert _post_assessment(client).status_code == 429
    assert _post_api(client).status_code == 201  # another limit
    assert _post_assessment(client, ip="198.51.100.7").status_code == 302  # another client


@TIGHT
def test_an_ipv6_client_is_counted_by_its_64_network(client):
    _post_assessment(client, ip="2001:db8:1:2::10")
    _post_assessment(client, ip="2001:db8:1:2:ffff::1")
    assert _post_assessment(client, ip="2001:db8:1:2::99").status_code == 429
    assert _post_assessment(client, ip="2001:db8:1:3::10").status_code == 302


@TIGHT
def test_an_ipv4_client_seen_through_a_dual_stack_bind_is_counted_as_its_ipv4_address(client):
    """A server bound to [::] sees IPv4 clients as ::ffff:a.b.c.d: each is its own IPv4 client, not one /64."""
    _post_assessment(client, ip="::ffff:192.0.2.10")
    _post_assessment(client, ip="192.0.2.10")
    assert _post_assessment(client, ip="::ffff:192.0.2.10").status_code == 429
    assert _post_assessment(client, ip="::ffff:192.0.2.11").status_code == 302
    assert _post_assessment(client, ip="::ffff:198.51.100.7").status_code == 302


def test_an_ipv4_mapped_address_is_the_ipv4_address(rf):
    assert ratelimit.client_ip(rf.get("/", REMOTE_ADDR="::ffff:192.0.2.10")) == "192.0.2.10"
    assert ratelimit.client_network(rf.get("/", REMOTE_ADDR="[::ffff:c000:20a]")) == "192.0.2.10"
    assert ratelimit.client_network(rf.get("/", REMOTE_ADDR="2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::"


@TIGHT
def test_reading_pages_is_never_limited(client):
    for _ in range(3):
        _post_assessment(client)
    assert client.get("/assess/", REMOTE_ADDR="192.0.2.10").status_code == 200


@override_settings(RATELIMIT_ENABLE=False, RATELIMITS={"assessments": (1, 600), "api": (1, 600), "comments": (1, 600)})
def test_ratelimit_enable_off_switches_the_limits_off(client):
    assert {_post_api(client).status_code for _ in range(4)} == {201}


@TIGHT
@override_settings(PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(client):
    """A client may send its own X-Forwarded-For; only the entry our proxy appended counts."""
    for forged in ("10.0.0.1", "10.0.0.2"):
        _post_assessment(client, ip="10.9.9.9", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.50")
    response = _post_assessment(client, ip="10.9.9.9", HTTP_X_FORWARDED_FOR="10.0.0.3, 203.0.113.50")
    assert response.status_code == 429
    assert _post_assessment(client, ip="10.9.9.9", HTTP_X_FORWARDED_FOR="203.0.113.51").status_code == 302


def test_without_a_proxy_x_forwarded_for_is_ignored(rf):
    request = rf.get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert ratelimit.client_ip(request) == "192.0.2.1"


@override_settings(PROXY_COUNT=1)
@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("192.0.2.1:4711", "192.0.2.1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("[2001:db8::2]", "2001:db8::2"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
    ],
)
def test_a_proxy_that_writes_the_client_s_port_does_not_make_every_client_one(rf, forwarded, client):
    """An address with a port was no address at all, so every client behind such a proxy shared one count."""
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"198.51.100.7, {forwarded}")
    assert ratelimit.client_ip(request) == client


def test_client_keys_do_not_store_the_address(rf):
    key = ratelimit.client_key(rf.get("/", REMOTE_ADDR="192.0.2.1"))
    assert "192" not in key and len(key) == 32
    assert key == ratelimit.client_key(rf.get("/", REMOTE_ADDR="192.0.2.1"))
    assert key != ratelimit.client_key(rf.get("/", REMOTE_ADDR="192.0.2.2"))


@override_settings(RATELIMITS={"assessments": (2, 600)})
def test_a_new_window_starts_a_new_count():
    start = 1_000_000 * 600.0  # the start of a window
    assert [ratelimit.hit("assessments", "k", now=start + s).limited for s in (0, 1, 2)] == [False, False, True]
    assert ratelimit.hit("assessments", "k", now=start + 599).retry_after == 1
    assert ratelimit.hit("assessments", "k", now=start + 600).limited is False


def _seconds_left(store: str, key: str) -> float:
    """How long the counters' store says the count under `key` has left, read from the store itself."""
    if store == "redis":
        cache = caches["ratelimit"]
        return cache._cache.get_client().ttl(cache.make_key(key))
    return (RateCount.objects.get(key=key).expires - timezone.now()).total_seconds()


@override_settings(RATELIMITS={"api": (5, 600)})
def test_the_store_counts_each_hit_and_keeps_the_count_until_its_window_is_over(shared_store):
    now = time.time()
    window = int(now // 600)
    key = f"rl:api:client:{window}"
    assert [ratelimit.hit("api", "client").count for _ in range(3)] == [1, 2, 3]
    # Kept a minute past the window's end (ratelimit.KEEP_AFTER_WINDOW), never less, however many hits came.
    left = (window + 1) * 600 + ratelimit.KEEP_AFTER_WINDOW - now
    assert -1 <= _seconds_left(shared_store, key) - left <= 1


@override_settings(RATELIMITS={"api": (3, 600), "comments": (3, 600)})
def test_a_flood_of_other_entries_never_resets_a_live_count():
    """The store forgets only counts whose window is over: a client's live count outlasts any flood."""
    assert [ratelimit.hit("api", "client-under-limit").count for _ in range(3)] == [1, 2, 3]
    for n in range(200):  # other clients' counts (their keys sort after, are used later)
        ratelimit.hit("comments", f"flooder-{n}")
    assert ratelimit.hit("api", "client-under-limit").limited is True
    assert ratelimit.hit("comments", "flooder-0").count == 2  # and nobody else's count was dropped either


@TIGHT
def test_a_failing_cache_never_lets_a_post_through_uncounted_and_says_so(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("cache server gone")

    if "ratelimit" in settings.CACHES:  # Redis
        monkeypatch.setattr(caches["ratelimit"], "add", broken)
    else:  # the database's table
        monkeypatch.setattr(RateCount, "hit", broken)
    with caplog.at_level(logging.ERROR, logger="advisor.protect.ratelimit"):
        responses = [_post_api(client) for _ in range(3)]
        page = client.post("/assess/", {"industry": "retail", "employees": "3"})
    assert [(r.status_code, r["Retry-After"]) for r in responses] == [(503, "30")] * 3
    assert "nothing was stored" in responses[0].json()["errors"]["__all__"][0]
    assert page.status_code == 503 and "nothing was saved" in page.content.decode()
    assert not Assessment.objects.exists()
    assert "Post refused: the rate-limit store failed to count it" in caplog.text


# --- The admin sign-in ---

STAFF_PASSWORD = "correct horse battery staple 7"


@pytest.fixture
def staff():
    """An administrator whose account an attacker tries to guess."""
    return User.objects.create_superuser("morgan", "morgan@example.org", STAFF_PASSWORD)


def _sign_in(client: Client, password: str, ip: str = "192.0.2.66"):
    return client.post("/admin/login/?next=/admin/", {"username": "morgan", "password": password}, REMOTE_ADDR=ip)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_sign_in_locks_after_repeated_failures_even_for_the_right_password(client, staff):
    assert [_sign_in(client, f"guess {n}").status_code for n in range(2)] == [200, 200]
    locked = _sign_in(client, "guess 3")
    assert locked.status_code == 429
    assert "Sign-in paused" in locked.content.decode()
    assert int(locked["Retry-After"]) == 30 * 60
    assert _sign_in(client, STAFF_PASSWORD).status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_lockout_holds_one_address_and_account_not_everyone(client, staff):
    for n in range(3):
        _sign_in(client, f"guess {n}")
    assert _sign_in(Client(), STAFF_PASSWORD, ip="198.51.100.20").status_code == 302


# Guesses at one account from many addresses no longer pause it anywhere: a guessed password still needs the
# account's second factor (tests/test_twofactor.py, the red-team's case).


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_lockout_counts_an_ipv6_client_by_its_64_network(client, staff):
    """Every address of one /64 is one client, for django-axes as for the rate limits."""
    for n in range(3):
        _sign_in(Client(), f"guess {n}", ip=f"2001:db8:1:2::{n + 1}")
    assert _sign_in(Client(), STAFF_PASSWORD, ip="2001:db8:1:2:ffff::9").status_code == 429
    assert _sign_in(Client(), STAFF_PASSWORD, ip="2001:db8:1:3::1").status_code == 302


def test_a_request_without_an_address_has_none_and_shares_one_count(rf):
    request = rf.get("/")
    request.META.pop("REMOTE_ADDR", None)
    assert ratelimit.client_ip(request) is None
    assert ratelimit.client_key(request) == ratelimit.client_key(rf.get("/", REMOTE_ADDR="not an address"))
