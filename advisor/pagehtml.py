"""The HTML staff may write on flat pages ("How the advice works"): an allow-list, applied by nh3 (ammonia's
sanitiser), never a regular expression.

Headings from <h2> (the page's title is its <h1>), paragraphs, links, lists, tables and a little inline
emphasis, with the few attributes those need. Everything else goes: script and style with their text, meta
(a refresh could send visitors elsewhere), iframe, form, images, every event attribute (onerror=...) and style
attribute, and links to anything but http(s), mailto and the site's own paths (no javascript:, however its
letters are encoded). `removed` says, in words, what cleaning took out, for the admin to show.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import nh3

TAGS = {
    *("h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote"),
    *("a", "strong", "em", "b", "i", "code", "abbr", "small", "sub", "sup"),
    *("ul", "ol", "li", "dl", "dt", "dd"),
    *("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"),
}
ATTRIBUTES = {
    "*": {"class"},
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Removed with everything inside them, not only their tags.
DROP_WITH_CONTENT = {"script", "style"}


def clean(html: str) -> str:
    """The allowed part of `html`."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _Inventory(HTMLParser):
    """Counts elements and (element, attribute) pairs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[tag] += 1
        for name, _ in attrs:
            self.attributes[(tag, name)] += 1

    handle_startendtag = handle_starttag


def _inventory(html: str) -> _Inventory:
    parser = _Inventory()
    parser.feed(html)
    parser.close()
    return parser


def removed(html: str) -> list[str]:
    """What cleaning `html` takes out, one description each: '<meta> (1)', 'onerror on <img>' ..., in the order
    of the page; empty when nothing is."""
    before, after = _inventory(html), _inventory(clean(html))
    found = []
    for tag, count in before.elements.items():
        gone = count - after.elements[tag]
        if gone > 0:
            found.append(f"<{tag}>" + (f" ({gone})" if gone > 1 else ""))
    for (tag, name), count in before.attributes.items():
        if before.elements[tag] - after.elements[tag] >= count:
            continue  # the whole element went, and is named above
        if count - after.attributes[(tag, name)] > 0:
            found.append(f"{name} on <{tag}>")
    return found
