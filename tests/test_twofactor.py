"""Staff sign in with a second factor: a code from an authenticator app (TOTP) or a recovery code, after the
password, before any admin page; enrolment at the first sign-in; a superuser resets another account's device."""

from __future__ import annotations

import base64
import io
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from advisor.protect import twofactor
from tests.staff import app_device, sign_in_verified, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 7"
INDEX = "/admin/"
ASSESSMENTS = "/admin/advisor/assessment/"
LOGIN = "/admin/login/"
VERIFY = "/admin/verify/"
ENROL = "/admin/enrol/"


@pytest.fixture
def staff():
    return User.objects.create_superuser("morgan", "morgan@example.org", PASSWORD)


def password_step(client: Client, username: str = "morgan", next_url: str = ASSESSMENTS, **extra):
    return client.post(
        f"{LOGIN}?next={next_url}", {"username": username, "password": PASSWORD, "next": next_url}, **extra
    )


def path_of(response) -> str:
    return urlsplit(response["Location"]).path


def recovery_codes(user) -> list[str]:
    return list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


# --- Signing in with an app device ---


def test_the_password_leads_to_the_code_and_the_code_to_the_page_asked_for(client, staff):
    device = app_device(staff)
    response = password_step(client)
    assert response.status_code == 302 and path_of(response) == VERIFY
    assert parse_qs(urlsplit(response["Location"]).query)["next"] == [ASSESSMENTS]

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Code from your authenticator app, or a recovery code" in page.content.decode()

    verified = client.post(VERIFY, {"code": totp_code(device), "next": ASSESSMENTS})
    assert verified.status_code == 302 and verified["Location"] == ASSESSMENTS
    assert client.get(ASSESSMENTS).status_code == 200


def test_without_the_second_step_every_admin_page_is_refused(client, staff):
    app_device(staff)
    assert password_step(client).status_code == 302
    for url in (INDEX, ASSESSMENTS, f"/admin/auth/user/{staff.pk}/change/", "/admin/advisor/assessment/export/"):
        refused = client.get(url)
        assert refused.status_code == 302 and path_of(refused) == LOGIN, url
        # ...and the sign-in page sends a signed-in account on to its second step, never to the page
        onwards = client.get(refused["Location"])
        assert onwards.status_code == 302 and path_of(onwards) == VERIFY, url
    assert client.post(ASSESSMENTS, {"action": "export_csv"}).status_code == 302


def test_a_wrong_code_is_refused_beside_the_field_and_the_admin_stays_closed(client, staff):
    device = app_device(staff)
    password_step(client)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    page = client.post(VERIFY, {"code": wrong, "next": ASSESSMENTS})
    assert page.status_code == 200
    assert "That code is not right" in page.content.decode()
    assert f'value="{wrong}"' in page.content.decode()  # what was typed stays
    assert client.get(ASSESSMENTS).status_code == 302


def test_a_code_is_taken_once(client, staff):
    device = app_device(staff)
    code = totp_code(device)
    password_step(client)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    other = Client()
    password_step(other)
    assert other.post(VERIFY, {"code": code}).status_code == 200  # seen once already: someone looked over a shoulder
    assert other.get(INDEX).status_code == 302


def test_wrong_codes_make_the_next_try_wait_longer_each_time(client, staff, monkeypatch):
    device = app_device(staff)
    password_step(client)
    start = timezone.now()

    def at(seconds: int) -> None:
        monkeypatch.setattr(timezone, "now", lambda: start + timedelta(seconds=seconds))

    def wrong() -> str:
        return "000000" if totp_code(device) != "000000" else "111111"

    at(0)
    client.post(VERIFY, {"code": wrong()})
    page = client.post(VERIFY, {"code": totp_code(device)})  # the right code, but too soon after a wrong one
    assert "Too many wrong codes in a row: try again in 1 second." in page.content.decode()
    at(1)
    client.post(VERIFY, {"code": wrong()})
    page = client.post(VERIFY, {"code": totp_code(device)})
    assert "try again in 2 seconds." in page.content.decode()
    assert client.get(INDEX).status_code == 302
    at(3)
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302
    assert client.get(INDEX).status_code == 200


def test_the_next_address_is_this_sites_own(client, staff):
    device = app_device(staff)
    password_step(client)
    response = client.post(VERIFY, {"code": totp_code(device), "next": "https://elsewhere.example/"})
    assert response["Location"] == INDEX


def test_an_account_between_password_and_code_can_sign_out(client, staff):
    app_device(staff)
    password_step(client)
    assert client.get(f"{VERIFY}sign-out/").status_code == 405
    assert path_of(client.post(f"{VERIFY}sign-out/")) == LOGIN
    assert path_of(client.get(VERIFY)) == LOGIN  # signed out: the second step needs the first


def test_the_second_step_pages_need_a_signed_in_staff_member(client, staff):
    for url in (VERIFY, ENROL):
        assert path_of(client.get(url)) == LOGIN
    client.force_login(User.objects.create_user("visitor", password=PASSWORD))  # an account, but not staff
    for url in (VERIFY, ENROL):
        assert path_of(client.get(url)) == LOGIN
    assert not TOTPDevice.objects.exists()


@override_settings(ADVISOR_REQUIRE_2FA=False)
def test_in_local_development_the_second_step_may_be_off(client, staff):
    response = password_step(client)
    assert response["Location"] == ASSESSMENTS
    assert client.get(ASSESSMENTS).status_code == 200


# --- Recovery codes ---


def test_each_recovery_code_works_once(staff):
    device = app_device(staff)
    first, second = twofactor.new_recovery_codes(staff)[:2]
    for code in (first, second.upper()):  # as typed from paper, in capitals too
        client = Client()
        password_step(client)
        assert client.post(VERIFY, {"code": code}).status_code == 302
        assert client.get(INDEX).status_code == 200
    again = Client()
    password_step(again)
    page = again.post(VERIFY, {"code": first})
    assert "That code is not right" in page.content.decode()
    assert again.get(INDEX).status_code == 302
    assert len(recovery_codes(staff)) == twofactor.RECOVERY_CODES - 2
    assert TOTPDevice.objects.get(pk=device.pk).throttling_failure_count == 0  # a recovery code is not an app code


# --- Enrolment at the first sign-in ---


def test_an_account_without_a_device_sets_one_up_before_any_admin_page(client, staff, monkeypatch):
    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start)  # the wait after a wrong code, not the wall clock
    response = password_step(client)
    assert path_of(response) == ENROL
    assert path_of(client.get(INDEX)) == LOGIN
    assert path_of(client.get(LOGIN)) == ENROL
    assert path_of(client.get(VERIFY)) == ENROL  # nothing to verify with yet

    page = client.get(response["Location"]).content.decode()
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    # The key as text, grouped as apps ask for it, and as a QR code drawn here: an SVG image, no script or style
    # on the page (the CSP allows neither inline), nothing fetched from elsewhere.
    key = re.search(r'<code class="second-factor-secret">([A-Z2-7 ]+)</code>', page)[1]
    assert base64.b32decode(key.replace(" ", "")) == device.bin_key
    image = re.search(r'<img class="second-factor-qr" src="data:image/svg\+xml;base64,([^"]+)"', page)[1]
    svg = base64.b64decode(image).decode()
    assert svg.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in svg and "<script" not in svg
    assert "<script>" not in page and " style=" not in page and "<style" not in page
    assert client.get(ENROL).content.decode().count(key) == 1  # the same key until it is confirmed

    wrong = client.post(ENROL, {"code": "12345x", "next": ASSESSMENTS})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    too_soon = client.post(ENROL, {"code": totp_code(device)})  # wrong codes make the next wait, here too
    assert "try again in 1 second." in too_soon.content.decode()

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(seconds=1))
    done = client.post(ENROL, {"code": totp_code(device), "next": ASSESSMENTS})
    assert done.status_code == 200
    codes = recovery_codes(staff)
    assert len(codes) == twofactor.RECOVERY_CODES
    assert all(f"<code>{code}</code>" in done.content.decode() for code in codes)
    assert f'href="{ASSESSMENTS}"' in done.content.decode()
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(ASSESSMENTS).status_code == 200
    assert client.get(ENROL).status_code == 302  # enrolled: no second key is handed out


def test_the_enrolled_account_signs_in_next_time_with_its_app(staff):
    enrolling = Client()
    password_step(enrolling)
    enrolling.get(ENROL)
    device = TOTPDevice.objects.get(user=staff)
    enrolling.post(ENROL, {"code": totp_code(device)})
    later = Client()
    assert path_of(password_step(later)) == VERIFY
    assert later.post(VERIFY, {"code": totp_code(device, steps_ahead=1)}).status_code == 302
    assert later.get(INDEX).status_code == 200


def test_an_enrolled_account_cannot_set_up_another_device_with_its_password_alone(client, staff):
    app_device(staff)
    password_step(client)
    assert path_of(client.get(ENROL)) == VERIFY
    assert client.post(ENROL, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=staff).count() == 1


# --- A superuser resets another account's second factor ---


def test_a_superuser_resets_another_accounts_device_and_it_must_enrol_again(client, staff):
    sign_in_verified(client, staff)
    robin = User.objects.create_user("robin", "robin@example.org", PASSWORD, is_staff=True)
    robins_session = Client()
    sign_in_verified(robins_session, robin)
    twofactor.new_recovery_codes(robin)
    assert robins_session.get(INDEX).status_code == 200

    listing = client.get("/admin/auth/user/").content.decode()
    assert "Reset the second factor of selected users" in listing
    response = client.post(
        "/admin/auth/user/", {"action": "reset_second_factor", "_selected_action": [robin.pk]}, follow=True
    )
    assert "Second factor reset for robin" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=robin).exists()
    assert not StaticDevice.objects.filter(user=robin).exists()
    assert TOTPDevice.objects.filter(user=staff).exists()  # only the selected account

    assert path_of(robins_session.get(INDEX)) == LOGIN  # the session verified by the old device lost the admin
    again = Client()
    assert path_of(password_step(again, "robin")) == ENROL


def test_only_a_superuser_may_reset_a_second_factor(client):
    manager = User.objects.create_user("manager", "m@example.org", PASSWORD, is_staff=True)
    manager.user_permissions.set(Permission.objects.filter(codename__in=["view_user", "change_user"]))
    sign_in_verified(client, manager)
    robin = User.objects.create_user("robin", "robin@example.org", PASSWORD, is_staff=True)
    app_device(robin)
    assert "reset_second_factor" not in client.get("/admin/auth/user/").content.decode()
    client.post("/admin/auth/user/", {"action": "reset_second_factor", "_selected_action": [robin.pk]})
    assert TOTPDevice.objects.filter(user=robin).exists()


def test_the_admin_never_shows_a_devices_key(client, staff):
    sign_in_verified(client, staff)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/admin/otp_static/staticdevice/").status_code == 404


# --- The red-team's case: strangers' failures no longer keep staff out ---


@override_settings(AXES_FAILURE_LIMIT=3)
def test_guesses_from_many_addresses_never_keep_staff_out_at_a_new_address(staff):
    device = app_device(staff)
    for n in range(60):  # two guesses from each of 30 addresses: under django-axes' limit for each
        guess = Client().post(
            LOGIN, {"username": "morgan", "password": f"guess {n}"}, REMOTE_ADDR=f"203.0.113.{n // 2}"
        )
        assert guess.status_code == 200
    staff_member = Client()
    response = password_step(staff_member, REMOTE_ADDR="198.51.100.77")  # a new place: a hotel, a phone
    assert path_of(response) == VERIFY
    assert staff_member.post(VERIFY, {"code": totp_code(device)}, REMOTE_ADDR="198.51.100.77").status_code == 302
    assert staff_member.get(INDEX, REMOTE_ADDR="198.51.100.77").status_code == 200


# --- From the command line ---


def test_create_staff_makes_an_account_whose_printed_key_and_codes_sign_in(monkeypatch):
    monkeypatch.setenv("DJANGO_STAFF_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command("create_staff", "alex", "--email", "alex@example.org", "--superuser", "--no-input", stdout=out)
    printed = out.getvalue()
    user = User.objects.get(username="alex")
    assert user.is_staff and user.is_superuser and user.check_password(PASSWORD)

    uri = re.search(r"otpauth://totp/\S+", printed)[0]
    query = parse_qs(urlsplit(uri).query)
    assert query["issuer"] == ["advisor"] and query["digits"] == ["6"] and query["period"] == ["30"]
    key = re.search(r"type this key \(time-based\): ([A-Z2-7 ]+)", printed)[1]
    assert key.replace(" ", "") == query["secret"][0]
    codes = re.findall(r"^  ([a-z2-7]{8})$", printed, re.MULTILINE)
    assert sorted(codes) == sorted(recovery_codes(user)) and len(codes) == twofactor.RECOVERY_CODES

    device = TOTPDevice.objects.get(user=user)
    assert base64.b32encode(device.bin_key).decode() == query["secret"][0]
    client = Client()
    assert path_of(password_step(client, "alex")) == VERIFY
    assert client.post(VERIFY, {"code": totp_code(device)}).status_code == 302
    assert client.get(INDEX).status_code == 200
    recovery = Client()
    password_step(recovery, "alex")
    assert recovery.post(VERIFY, {"code": codes[0]}).status_code == 302


def test_create_staff_refuses_a_weak_password_and_an_existing_account(monkeypatch, staff):
    monkeypatch.setenv("DJANGO_STAFF_PASSWORD", "password")
    with pytest.raises(CommandError, match="The password is refused"):
        call_command("create_staff", "alex", "--no-input", stdout=io.StringIO())
    assert not User.objects.filter(username="alex").exists()
    monkeypatch.setenv("DJANGO_STAFF_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_staff", "morgan", "--no-input", stdout=io.StringIO())


def test_reset_second_factor_from_the_command_line(staff):
    old = app_device(staff)
    twofactor.new_recovery_codes(staff)
    out = io.StringIO()
    call_command("reset_second_factor", "morgan", stdout=out)
    assert "Deleted 2 devices" in out.getvalue()
    assert path_of(password_step(Client())) == ENROL

    out = io.StringIO()
    call_command("reset_second_factor", "morgan", "--new-device", stdout=out)
    new = TOTPDevice.objects.get(user=staff)
    assert new.pk != old.pk and new.confirmed
    assert base64.b32encode(new.bin_key).decode() in out.getvalue()
    with pytest.raises(CommandError, match='No account "nobody"'):
        call_command("reset_second_factor", "nobody", stdout=io.StringIO())
