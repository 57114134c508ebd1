"""A filter for the largest cached fragments: the same HTML with every character beyond ASCII written as a
character reference (– as &#8211;).

Python keeps a string with any such character at two or four bytes a character, and every request pays to
join and encode it; an all-ASCII page is copied, not converted. The result page's body and title (with
dashes, multiplication signs and curly quotes from the figures' notes) are kept in the fragments cache this way:
measured beside the stock way by `make bench` (docs/performance.md, "Speed devices, side by side": 26 % of a
result page; the blank form and the comparison page gained too little to keep it).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter(is_safe=True)
def ascii_html(value: str) -> SafeString:
    return mark_safe(str(value).encode("ascii", "xmlcharrefreplace").decode("ascii"))  # escaped HTML in, the same out
