"""Whole rendered pages kept in each process's memory, for public pages that every visitor sees alike.

The comparison page, the blank assessment form and a stored result are the same HTML for everyone who
asks, apart from a few hidden values in their forms, so rendering them on each request is wasted work. A view
decorated with `cached_page(key)` names what its page depends on: `key(request, *args)` returns a value
that changes whenever the page would (the content version read from the database for the comparison page;
nothing for the form; the assessment's row for a result, which also answers "does it still exist?"), or
None to render in full. The page is kept under that value plus the path, host and scheme, and on a hit
only the hidden values in FRESH_INPUTS are put back, new for each request: the CSRF token (so the cookie
and the form still match) and the comment form's signed time of serving (so the spam guard still works).

Rendered in full, never kept: anything but a plain GET (a query string, a POST), requests that carry a
session (signed-in staff, messages kept in the session) or a messages cookie (a "thank you" to show), and
any response other than a 200 HTML page.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import wraps
from typing import Any, Callable, Hashable

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.signals import setting_changed
from django.db import connections, router
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import escape

from .protect.spam import STARTED, started_token


def _fresh_started(request: HttpRequest) -> str:
    return started_token()


# Hidden inputs whose value must be new on every response, by name: the CSRF token (masked afresh, and it
# sets the cookie it matches) and the comment form's signed "served at" time (see spam.py).
FRESH_INPUTS: dict[str, Callable[[HttpRequest], str]] = {
    "csrfmiddlewaretoken": get_token,
    STARTED: _fresh_started,
}

View = Callable[..., HttpResponse]


class _Page:
    """A rendered page cut at the hidden values that must be new on each response."""

    __slots__ = ("parts", "fresh", "headers")

    def __init__(self, response: HttpResponse) -> None:
        body = response.content
        names = "|".join(re.escape(name) for name in FRESH_INPUTS).encode()
        self.parts, self.fresh, cut = [], [], 0
        for match in re.finditer(rb'name="(' + names + rb')" value="([^"]*)"', body):
            self.parts.append(body[cut:match.start(2)])
            self.fresh.append(FRESH_INPUTS[match.group(1).decode()])
            cut = match.end(2)
        self.parts.append(body[cut:])
        self.headers = {name: value for name, value in response.items() if name.lower() != "content-length"}

    def response(self, request: HttpRequest) -> HttpResponse:
        if not self.fresh:
            return HttpResponse(self.parts[0], headers=self.headers)
        values = {make: escape(make(request)).encode() for make in set(self.fresh)}  # one CSRF token per page
        body = [self.parts[0]]
        for make, part in zip(self.fresh, self.parts[1:]):
            body += (values[make], part)
        return HttpResponse(b"".join(body), headers=self.headers)


class _Pages:
    """The most recently used pages of one view, at most `size` of them."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, _Page] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> _Page | None:
        page = self._pages.get(key)
        if page is not None and len(self._pages) > 1:
            with self._lock:
                if key in self._pages:
                    self._pages.move_to_end(key)
        return page

    def put(self, key: Hashable, page: _Page) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()


_all_pages: list[_Pages] = []


@receiver(setting_changed, dispatch_uid="advisor.pagecache.setting_changed")
def clear(**kwargs: Any) -> None:
    """Forget every kept page in this process: when a test changes a setting a page may depend on."""
    for pages in _all_pages:
        pages.clear()


def _plain(request: HttpRequest) -> bool:
    """A GET with no query string, no session and no messages waiting: the page is the same for anyone."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def cached_page(key: Callable[..., Hashable | None], *, size: int = 16) -> Callable[[View], View]:
    """Keep the view's page under `key(request, *args, **kwargs)`; see the module's docstring."""
    pages = _Pages(size)
    _all_pages.append(pages)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _plain(request):
                return view(request, *args, **kwargs)
            page_key = key(request, *args, **kwargs)
            if page_key is None:
                return view(request, *args, **kwargs)
            page_key = (page_key, request.path, request.scheme, request.get_host())
            page = pages.get(page_key)
            if page is not None:
                return page.response(request)
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and response.get("Content-Type", "").startswith("text/html")
            ):
                pages.put(page_key, _Page(response))
            return response

        return wrapper

    return decorator


# ---- Keys ------------------------------------------------------------------------------------------------------


def by_content_version(request: HttpRequest, *args: Any, **kwargs: Any) -> Hashable | None:
    """For pages drawn from the catalogue and the comments: the content version, one query."""
    from .catalogue import content_version

    return content_version()


def always(request: HttpRequest, *args: Any, **kwargs: Any) -> Hashable:
    """For pages that depend on nothing in the database (the blank assessment form)."""
    return True


def by_assessment(request: HttpRequest, public_id: Any, **kwargs: Any) -> Hashable | None:
    """For a result page: its row's id, or None once it is deleted (then the view answers 404).

    A stored result never changes (it is shown from its snapshot; admin may only view it), so the row
    existing is all a kept page needs to know; the page's path, also in the key, holds the public id.
    One indexed query, written out because building it with the ORM costs more than the rest of a hit.
    """
    from .models import Assessment

    field = Assessment._meta.get_field("public_id")
    connection = connections[router.db_for_read(Assessment)]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {quote(Assessment._meta.db_table)} WHERE {quote(field.column)} = %s",  # noqa: S608
            [field.get_db_prep_value(public_id, connection)],
        )
        row = cursor.fetchone()
    return None if row is None else row[0]
