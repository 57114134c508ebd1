"""A guard for a form that acts on nobody's behalf: refuse what a browser posts to it from another site.

The comment form is anonymous. It reads no cookie, no session and no signed-in user, and what it creates is
held for moderation; like the JSON API, it has no one's account to protect, so it takes no CSRF token. (A
token would also cost every reader of the comparison page a cookie.) What is left to stop is another site
making its visitors' browsers post comments, spam sent from many addresses. Browsers say where a post comes
from, in headers a page cannot forge: `Sec-Fetch-Site` (every current browser) and `Origin` (sent with every
cross-site POST). A post that either header shows to come from anywhere but our own pages is refused with a
403 page that says so. A request with neither header does not come from a browser that another site could
steer.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

# Sec-Fetch-Site values of a request that started on our own pages ("none": the person typed or bookmarked it).
OWN = frozenset({"same-origin", "none"})


def from_another_site(request: HttpRequest) -> bool:
    """Whether the browser says this request was sent by a page of another site (or of a sibling subdomain)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None and fetch_site not in OWN:
        return True
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return False
    return origin != f"{request.scheme}://{request.get_host()}" and origin not in settings.CSRF_TRUSTED_ORIGINS


def same_origin_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Take posts to `view` only from our own pages (see the module's docstring); no CSRF token needed."""

    @csrf_exempt
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and from_another_site(request):
            return render(request, "403_other_site.html", status=403)
        return view(request, *args, **kwargs)

    return guarded
