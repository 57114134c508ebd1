"""A filter for the largest cached fragments: the same HTML with every character beyond ASCII written as a
character reference (– as &#8211;).

Python keeps a string with any such character at two or four bytes a character, and every request pays to
join and encode it; an all-ASCII page is copied, not converted. The result page's body (about 90 kB, with
dashes, multiplication signs and curly quotes from the figures' notes) and the blank assessment form are kept in
the fragments cache this way: measured by `make bench` (README "Performance": the result page's worker CPU fell
from about 980 to 860 µs a request, the form's from about 900 to 880 µs; the comparison page, 55 kB, gained
too little to keep it).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter(is_safe=True)
def ascii_html(value: str) -> SafeString:
    return mark_safe(str(value).encode("ascii", "xmlcharrefreplace").decode("ascii"))  # escaped HTML in, the same out
