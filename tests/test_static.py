"""Static files and page weight: the trimmed Bootstrap still styles every page, whitenoise serves each file
compressed under a hashed name with far-future caching, and no public page weighs more than 100 KB."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import crispy_bootstrap5
import pytest

from tests.css_selectors import selector_attribute_tests, selector_classes, selector_elements, selectors
from tests.perf_site import PerfSite

ROOT = Path(__file__).resolve().parent.parent
BOOTSTRAP = ROOT / "static" / "vendor" / "bootstrap.min.css"
SITE_CSS = ROOT / "static" / "advisor" / "site.css"
ALL_BOOTSTRAP_CLASSES = set((ROOT / "tools" / "bootstrap-classes.txt").read_text().split())
# Kept by tools/trim_bootstrap.sh although no template names them whole: built from message levels.
SAFELIST = {"alert-success", "alert-info", "alert-warning", "alert-danger"}
PAGE_BUDGET = 100_000  # bytes: HTML, CSS, JS, fonts and images of one page, as served
YEAR_OR_MORE = re.compile(r"max-age=(\d+)")


ALL_BOOTSTRAP_ELEMENTS = set((ROOT / "tools" / "bootstrap-elements.txt").read_text().split())
ALL_BOOTSTRAP_ATTRIBUTE_TESTS = set((ROOT / "tools" / "bootstrap-attributes.txt").read_text().split())


def css_classes(css: str) -> set[str]:
    return selector_classes(css)


def html_classes(html: str) -> set[str]:
    return {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}


def html_elements(html: str) -> set[str]:
    return set(re.findall(r"<([a-z][a-z0-9]*)", html))


def html_attributes(html: str) -> set[str]:
    """Every attribute of every element, as name=value: "type=radio", "role=button"."""
    return {
        f"{name}={value}"
        for tag in re.findall(r"<[a-z][^>]*>", html)
        for name, value in re.findall(r'\s([\w-]+)="([^"]*)"', tag)
    }


# ---- The trimmed stylesheet ----------------------------------------------------------------------------------


@pytest.fixture
def rendered_pages(client, law_firm_answers, settings) -> dict[str, str]:
    """Every public page in each state a visitor can meet: blank, with errors, with a message, 404."""
    pages = {
        "comparison": client.get("/"),
        "comment errors": client.post("/comments/", {"name": "", "email": "nope", "text": ""}),
        "comment thanks": client.post(
            "/comments/", {"name": "Ann", "email": "ann@example.com", "text": "Hi."}, follow=True
        ),
        "form": client.get("/assess/"),
        "form errors": client.post("/assess/", {**law_firm_answers, "employees": "many", "industry": ""}),
        "result": client.post("/assess/", law_firm_answers, follow=True),
        "how it works": client.get("/how-it-works/"),
    }
    location = pages["result"].redirect_chain[-1][0]
    pages["rescored"] = client.post(location + "rescore/", follow=True)
    pages["delete"] = client.get(location + "delete/")
    pages["deleted"] = client.post(location + "delete/", follow=True)
    settings.DEBUG = False
    pages["not found"] = client.get("/no-such-page/")
    return {name: response.content.decode() for name, response in pages.items()}


@pytest.mark.django_db
def test_every_bootstrap_class_the_pages_use_is_in_the_trimmed_stylesheet(rendered_pages):
    shipped = css_classes(BOOTSTRAP.read_text()) | css_classes(SITE_CSS.read_text())
    for name, html in rendered_pages.items():
        missing = (html_classes(html) & ALL_BOOTSTRAP_CLASSES) - shipped
        assert not missing, (
            f"{name}: Bootstrap classes missing from {BOOTSTRAP.name}: {sorted(missing)}; run tools/trim_bootstrap.sh"
        )


@pytest.mark.django_db
def test_every_element_bootstrap_styles_on_the_pages_keeps_its_rules(rendered_pages):
    """Django's widgets, not our templates, write <select> and <textarea>: PurgeCSS alone would drop their
    rules (the page's font on form controls among them), so the trim script safelists such names."""
    shipped = selector_elements(BOOTSTRAP.read_text())
    for name, html in rendered_pages.items():
        missing = (html_elements(html) & ALL_BOOTSTRAP_ELEMENTS) - shipped
        assert not missing, (
            f"{name}: Bootstrap's rules for {sorted(missing)} are missing; add them to the "
            f"safelist in tools/trim_bootstrap.sh and run it"
        )


@pytest.mark.django_db
def test_every_attribute_bootstrap_styles_on_the_pages_keeps_its_rules(rendered_pages):
    """Django's RadioSelect, not our templates, writes type="radio": PurgeCSS alone dropped the rules that make
    a radio button round and draw its dot, so the trim script reads tools/bootstrap-keep.txt as well."""
    shipped = selector_attribute_tests(BOOTSTRAP.read_text())
    for name, html in rendered_pages.items():
        missing = (html_attributes(html) & ALL_BOOTSTRAP_ATTRIBUTE_TESTS) - shipped
        assert not missing, (
            f"{name}: Bootstrap's rules for [{'], ['.join(sorted(missing))}] are missing; add "
            f"the word to tools/bootstrap-keep.txt and run tools/trim_bootstrap.sh"
        )


def test_the_shipped_bootstrap_keeps_only_rules_for_classes_our_templates_and_code_name():
    """tools/trim_bootstrap.sh's rule: a selector is kept when a template or our code names one of its classes."""
    sources = [
        *ROOT.glob("templates/**/*.html"),
        *ROOT.glob("advisor/**/*.py"),
        *Path(crispy_bootstrap5.__file__).parent.glob("templates/**/*.html"),
    ]
    words = {word for path in sources for word in re.findall(r"[A-Za-z0-9_-]+", path.read_text())} | SAFELIST
    css = BOOTSTRAP.read_text()
    unused = [s for s in selectors(css) if (classes := css_classes(s)) and not classes & words]
    assert not unused, f"{BOOTSTRAP.name} styles classes nothing uses: {unused[:20]}; run tools/trim_bootstrap.sh"
    assert len(css.encode()) < 80_000  # the full build is 232 kB


# ---- As served by the real site ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site():
    server = PerfSite(workers=1).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def public_pages(site) -> dict[str, str]:
    created = site.request(
        "/api/assessments/",
        method="POST",
        headers={"Content-Type": "application/json"},
        data=json.dumps({"industry": "legal", "employees": 25, "incidents_per_month": 4}).encode(),
    )
    assert created.status == 201
    return {"comparison": "/", "form": "/assess/", "result": created.headers["location"].removeprefix(site.base)}


def assets(html: str) -> list[str]:
    """Addresses of the stylesheets, scripts, icons and images a page loads."""
    tags = re.findall(r"<(?:link|script|img|source)\b[^>]*>", html)
    return [
        m.group(1)
        for tag in tags
        if (m := re.search(r'\b(?:href|src)="([^"]+)"', tag)) and not re.search(r'rel="(?:canonical|alternate)"', tag)
    ]


@pytest.mark.real_server
def test_static_files_have_hashed_names_and_are_served_compressed_with_far_future_caching(site, public_pages):
    for path in public_pages.values():
        addresses = assets(site.get(path).text)
        assert any(a.endswith(".css") for a in addresses)
        for address in addresses:
            assert address.startswith("/static/"), f"{address}: every asset comes from the site itself"
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", address), f"{address} has no content hash in its name"
            for encoding in ("br", "gzip"):
                response = site.get(address, **{"Accept-Encoding": encoding})
                assert response.status == 200
                assert response.headers.get("content-encoding") == encoding, address
                assert "accept-encoding" in response.headers["vary"].lower()
                cache = response.headers["cache-control"]
                assert "immutable" in cache and "public" in cache
                assert int(YEAR_OR_MORE.search(cache).group(1)) >= 365 * 86400
            plain = site.get(address, **{"Accept-Encoding": "identity"})
            assert "content-encoding" not in plain.headers
            assert len(plain.body) > len(site.get(address, **{"Accept-Encoding": "br"}).body)


@pytest.mark.real_server
def test_a_name_without_its_hash_is_cached_only_briefly(site):
    response = site.get("/static/vendor/bootstrap.min.css", **{"Accept-Encoding": "br"})
    assert response.status == 200
    assert "immutable" not in response.headers["cache-control"]
    assert int(YEAR_OR_MORE.search(response.headers["cache-control"]).group(1)) <= 3600


def page_weight(site: PerfSite, path: str) -> dict[str, int]:
    """Bytes of the page and everything it loads, as a browser accepting brotli and gzip receives them."""
    page = site.get(path, **{"Accept-Encoding": "br, gzip"})
    weights = {path: len(page.body)}
    for address in assets(page.text):
        response = site.get(address, **{"Accept-Encoding": "br, gzip"})
        weights[address] = len(response.body)
        if address.endswith(".css"):  # fonts and images a stylesheet pulls in
            css = gzip.decompress(response.body) if response.headers.get("content-encoding") == "gzip" else None
            plain = css or site.get(address, **{"Accept-Encoding": "identity"}).body
            for url in re.findall(r"url\(['\"]?([^'\")]+)", plain.decode()):
                if not url.startswith("data:"):
                    assert url.startswith("/") or not re.match(r"\w+:", url), f"{url}: no other host"
                    weights[url] = len(site.get(url, **{"Accept-Encoding": "br, gzip"}).body)
    return weights


@pytest.mark.real_server
@pytest.mark.parametrize("page", ["comparison", "form", "result"])
def test_each_public_page_weighs_at_most_100_kb(site, public_pages, page):
    # HTML counts as served (uncompressed by the app; a compressing proxy in front makes it smaller still).
    weights = page_weight(site, public_pages[page])
    assert sum(weights.values()) <= PAGE_BUDGET, weights
