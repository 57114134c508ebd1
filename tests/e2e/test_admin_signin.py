"""The admin's sign-in, its second step and the set-up of an authenticator app, in Chromium: each page works
under the site's CSP (the Guard fails on any console error, a refused inline script or image included), passes
axe on a phone and a desktop, and is valid HTML (the Nu HTML Checker)."""

from __future__ import annotations

import base64
import json
import re
import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .test_html import html_checker  # noqa: F401 - the fixture
from .test_pages import AXE_OPTIONS

PASSWORD = "correct-horse-battery-staple-41"


def check_axe(page, name: str) -> None:
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name} at {viewport['width']} px:\n{results.generate_report()}"
    page.set_viewport_size(DESKTOP)


def code_for(key_text: str) -> str:
    """What an authenticator app shows for the set-up key typed from the page."""
    from django_otp.oath import TOTP

    return f"{TOTP(base64.b32decode(key_text.replace(' ', ''))).token():06d}"


def sign_in_with_password(page, site: str, username: str) -> None:
    page.goto(site + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_new_account_sets_up_its_app_and_every_step_passes_axe(make_page, site, settings):
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_static.models import StaticToken

    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the right code straight after a wrong one (the wait has its own tests)
    User.objects.create_superuser("newcomer", "newcomer@example.com", PASSWORD)
    page = make_page()
    page.goto(site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    check_axe(page, "sign-in")
    sign_in_with_password(page, site, "newcomer")

    expect(page).to_have_url(re.compile(r"/admin/enrol/"))
    expect(page.get_by_role("heading", name="Set up your second step")).to_be_visible()
    qr = page.get_by_role("img", name=re.compile("QR code"))
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # drawn: the CSP let the data: image in
    check_axe(page, "enrol")

    code = page.get_by_label("The six-digit code your app now shows")
    code.fill("12345")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    check_axe(page, "enrol with an error")

    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user__username="newcomer").update(
        throttling_failure_timestamp=timezone.now().replace(year=2000)
    )
    key = page.locator(".second-factor-secret").inner_text()
    page.get_by_label("The six-digit code your app now shows").fill(code_for(key))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    shown = page.locator(".second-factor-codes code").all_inner_texts()
    assert sorted(shown) == sorted(StaticToken.objects.values_list("token", flat=True))
    check_axe(page, "recovery codes")
    page.get_by_role("link", name="I have kept them: continue to the admin").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


def test_the_code_step_passes_axe_with_and_without_an_error(make_page, site):
    from django.contrib.auth.models import User

    from tests.staff import app_device

    app_device(User.objects.create_superuser("keeper", "keeper@example.com", PASSWORD))
    page = make_page()
    sign_in_with_password(page, site, "keeper")
    expect(page).to_have_url(re.compile(r"/admin/verify/"))
    check_axe(page, "verify")
    page.get_by_label("Code from your authenticator app, or a recovery code").fill("not a code")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_text("That code is not right")).to_be_visible()
    check_axe(page, "verify with an error")
    page.get_by_role("button", name="Cancel and sign out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def admin_sign_in_sources() -> dict[str, str]:
    """The HTML of the sign-in, the second step and the set-up, in each state, as the site serves them."""
    from django.contrib.auth.models import User
    from django.test import Client

    from tests.staff import app_device

    def ok(response) -> str:
        assert response.status_code == 200, (response.status_code, response.content[:300])
        return response.content.decode()

    User.objects.create_superuser("keeper", "keeper@example.com", PASSWORD)
    User.objects.create_superuser("newcomer", "newcomer@example.com", PASSWORD)
    app_device(User.objects.get(username="keeper"))
    sources = {"admin-sign-in": ok(Client().get("/admin/login/?next=/admin/"))}
    sources["admin-sign-in-error"] = ok(Client().post("/admin/login/", {"username": "keeper", "password": "wrong"}))
    keeper = Client()
    keeper.post("/admin/login/", {"username": "keeper", "password": PASSWORD})
    sources["admin-verify"] = ok(keeper.get("/admin/verify/?next=/admin/"))
    sources["admin-verify-error"] = ok(keeper.post("/admin/verify/", {"code": "1"}))
    newcomer = Client()
    newcomer.post("/admin/login/", {"username": "newcomer", "password": PASSWORD})
    sources["admin-enrol"] = ok(newcomer.get("/admin/enrol/"))
    sources["admin-enrol-error"] = ok(newcomer.post("/admin/enrol/", {"code": "1"}))
    return sources


@pytest.mark.django_db
def test_the_sign_in_pages_are_valid_html(html_checker):  # noqa: F811 - the fixture
    folder = ARTIFACTS / "html-admin"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, html in admin_sign_in_sources().items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(
        [*html_checker, "--format", "json", "--exit-zero-always", *files], capture_output=True, text=True, timeout=120
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    assert len(files) == 6
