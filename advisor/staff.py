"""The admin site with a second step at sign-in (advisor/protect/twofactor.py).

After the password, a staff member gives a code from their authenticator app or a recovery code ("verify");
one without an app device yet sets one up first ("enrol"). Until then every admin page sends them to that step:
has_permission() asks for a verified session whenever settings.ADVISOR_REQUIRE_2FA is on.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from .protect import twofactor


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=64,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )


def too_many(wait: int) -> str:
    return f"Too many wrong codes in a row: try again in {wait} second{'s' * (wait != 1)}."


class StaffAdminSite(admin.AdminSite):
    """Django's admin, with the second step of signing in (installed by advisor.apps.StaffAdminConfig)."""

    def has_permission(self, request: HttpRequest) -> bool:
        if not super().has_permission(request):
            return False
        return not twofactor.required() or twofactor.is_verified(request.user)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.method == "GET" and twofactor.needs_second_step(request.user):
            return self._to_second_step(request, request.GET.get(REDIRECT_FIELD_NAME, ""))
        response = super().login(request, extra_context)
        # The password was right: the second step comes before the page asked for.
        if request.method == "POST" and response.status_code == 302 and twofactor.needs_second_step(request.user):
            return self._to_second_step(request, response["Location"])
        return response

    def get_urls(self):
        return [
            path("verify/", self._step_view(self.verify_view, ["GET", "HEAD", "POST"]), name="otp_verify"),
            path("enrol/", self._step_view(self.enrol_view, ["GET", "HEAD", "POST"]), name="otp_enrol"),
            path("verify/sign-out/", self._step_view(self.step_sign_out, ["POST"]), name="otp_sign_out"),
            *super().get_urls(),
        ]

    # --- the second step ---

    def _step_view(self, view, methods: list[str]):
        """For a signed-in staff member between password and code; anyone else goes to the sign-in page."""

        def inner(request: HttpRequest) -> HttpResponse:
            user = request.user
            if not (user.is_authenticated and user.is_active and user.is_staff):
                return HttpResponseRedirect(reverse("admin:login", current_app=self.name))
            request.current_app = self.name
            return view(request)

        return never_cache(csrf_protect(require_http_methods(methods)(inner)))

    def _to_second_step(self, request: HttpRequest, next_url: str) -> HttpResponse:
        name = "admin:otp_verify" if twofactor.is_enrolled(request.user) else "admin:otp_enrol"
        url = reverse(name, current_app=self.name)
        if next_url:
            url += "?" + urlencode({REDIRECT_FIELD_NAME: next_url})
        return HttpResponseRedirect(url)

    def _next(self, request: HttpRequest) -> str:
        wanted = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
        if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
            return wanted
        return reverse("admin:index", current_app=self.name)

    def _context(self, request: HttpRequest, title: str, **extra) -> dict:
        return {
            **self.each_context(request),
            "title": title,
            "subtitle": None,
            "next": self._next(request),
            "sign_out_url": reverse("admin:otp_sign_out", current_app=self.name),
            **extra,
        }

    def verify_view(self, request: HttpRequest) -> HttpResponse:
        if twofactor.is_verified(request.user) or not twofactor.required():
            return HttpResponseRedirect(self._next(request))
        if not twofactor.is_enrolled(request.user):
            return self._to_second_step(request, self._next(request))
        form = CodeForm(request.POST or None)
        form.fields["code"].label = "Code from your authenticator app, or a recovery code"
        if request.method == "POST" and form.is_valid():
            code = form.cleaned_data["code"]
            wait = twofactor.wait_seconds(request.user, code)
            if wait:
                form.add_error("code", too_many(wait))
            elif twofactor.verify(request, code):
                return HttpResponseRedirect(self._next(request))
            else:
                form.add_error(
                    "code",
                    "That code is not right. Give the six digits your app shows now, or one of your recovery "
                    "codes (each works once).",
                )
        context = self._context(request, "Second step: your code", form=form)
        return render(request, "admin/second_factor/verify.html", context)

    def enrol_view(self, request: HttpRequest) -> HttpResponse:
        if twofactor.is_enrolled(request.user):
            return self._to_second_step(request, self._next(request))
        device = twofactor.pending_device(request.user)
        form = CodeForm(request.POST or None)
        form.fields["code"].label = "The six-digit code your app now shows"
        if request.method == "POST" and form.is_valid():
            wait = twofactor.device_wait_seconds(device)
            codes = None if wait else twofactor.confirm(request, device, form.cleaned_data["code"])
            if codes is not None:
                context = self._context(request, "Your recovery codes", codes=codes, sign_out_url=None)
                return render(request, "admin/second_factor/recovery_codes.html", context)
            if wait:
                form.add_error("code", too_many(wait))
            else:
                form.add_error(
                    "code",
                    "That code is not right. Check the app's clock is set automatically, and give the code it shows "
                    "now for this account.",
                )
        context = self._context(
            request,
            "Set up your second step",
            form=form,
            qr_code=twofactor.qr_code_data_uri(device.config_url),
            secret=twofactor.secret_text(device),
            otpauth_url=device.config_url,
        )
        return render(request, "admin/second_factor/enrol.html", context)

    def step_sign_out(self, request: HttpRequest) -> HttpResponse:
        auth_logout(request)
        return HttpResponseRedirect(reverse("admin:login", current_app=self.name))
