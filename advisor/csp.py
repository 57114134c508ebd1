"""django-csp's middleware, with the Content-Security-Policy header built once instead of on every response.

django-csp 4 rebuilds the header string from settings.CONTENT_SECURITY_POLICY (and the report-only policy)
for every response, about 35 µs, although it only changes when the settings do. This subclass keeps the two
strings django-csp's own `build_policy` makes from the settings and reuses them while a response is
ordinary: no per-view policy (the @csp_update / @csp_replace / @csp_override decorators) and no nonce asked
for. Anything else goes to django-csp's own process_response, as before. The kept strings are dropped
whenever either setting changes (tests' override_settings).
"""
from __future__ import annotations

import http.client
from typing import Any

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

_SETTINGS = ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
# Set on a response by django-csp's per-view decorators; any of them means the view wants its own policy.
_OVERRIDES = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")
_DEBUG_EXEMPT = (http.client.INTERNAL_SERVER_ERROR, http.client.NOT_FOUND)

# (header, value, response attribute that exempts a response, excluded path prefixes), built on first use.
_policies: list[tuple[str, str, str, tuple[str, ...]]] | None = None


def _build() -> list[tuple[str, str, str, tuple[str, ...]]]:
    policies = []
    for header, exempt, setting, report_only in (
        (HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY", False),
        (HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY", True),
    ):
        value = build_policy(report_only=report_only)
        if value:
            prefixes = tuple((getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES", None) or ())
            policies.append((header, value, exempt, prefixes))
    return policies


@receiver(setting_changed, dispatch_uid="advisor.csp.setting_changed")
def _forget(*, setting: str, **kwargs: Any) -> None:
    global _policies
    if setting in _SETTINGS:
        _policies = None


class CSPMiddleware(DjangoCSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in _OVERRIDES
        ):
            return super().process_response(request, response)
        # From here on, what django-csp's process_response does, with the header strings kept.
        if response.status_code in _DEBUG_EXEMPT and settings.DEBUG:
            return response
        global _policies
        if _policies is None:
            _policies = _build()
        for header, value, exempt, prefixes in _policies:
            if (
                header not in response
                and getattr(response, exempt, False) is False
                and not request.path_info.startswith(prefixes)
            ):
                response[header] = value
        # No nonce was asked for before the header was written; asking later is an error, as in django-csp.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
