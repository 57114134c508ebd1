"""The "How the advice works" page (/how-it-works/), third version: the answer follows the money (issue 23).

Only the section "How the decision is made" changes: the recommendation is now the option that costs least over
three years, all three parts counted, less an allowance when a person says how they prefer to pay; fit explains
but no longer ranks; a close call is said when the figures are close.

Staff edits win: forward replaces the page only while its content is exactly one of the texts an earlier
migration seeded, recognised by the SHA-256 digest of each (0005's and 0015's), and otherwise leaves it alone.
Backward puts 0015's text back only while the content is exactly this one. The new text is built here from
0015's frozen CONTENT, so a later version gets a migration of its own.
"""

import hashlib
import importlib

from django.db import migrations

URL = "/how-it-works/"

OLD_SECTION_START = "<h2>How the decision is made</h2>"
OLD_SECTION_END = "<p>Our prices are small-business prices."

NEW_SECTION = """\
<h2>How the decision is made</h2>
<p>The money decides. We recommend the option that would cost your organisation least over three years, with \
all three parts added together: the bills, the work lost to IT trouble and the risk of a serious incident. The \
figures on your result are the figures behind the answer, so the answer and the money always agree.</p>
<p>If you tell us you want a predictable monthly bill, the options that charge that way (a monthly fee, or \
salaried staff) count as cheaper by up to a tenth of their three-year bills; if you would rather pay only when \
something breaks, Break/Fix does. Whenever that changes the answer, your result says so in money, for example: \
block hours would cost about $46,000 less, and we lean to an MSP because you want a predictable bill, which we \
count as worth up to $16,000 to you.</p>
<p>We also show how well each option's way of working fits what your organisation needs, such as quick help, \
cover out of hours and backups you can rely on. That explains the answer but does not move it: the costs of \
lost work and of serious incidents already price those things, and counting them twice would let a dearer \
option win.</p>
<p>We call it a close call when the leader comes out cheapest in fewer than two in three of our simulated \
cases, or leads by less than 5 %, and then say what it hinges on. An option is never scored against the other \
options, so adding or removing one never changes the order of the rest.</p>
"""


def _earlier(name: str) -> str:
    return importlib.import_module(f"advisor.migrations.{name}").CONTENT


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# What changed about quotes: fixing problems is one of the pieces a quote can leave out, a quote stands in the
# ranking as the option it buys, and the notice and termination flags follow advisers' thresholds.
QUOTE_CHANGES = (
    (
        "out: security and backup tools, evening",
        "out: fixing problems itself (billed by the hour, as Break/Fix bills it, and slower to start), security "
        "and backup tools, evening",
    ),
    (
        "Your quotes do not change how the options are ranked.",
        "Each quote stands in the ranking as the option it is a way of buying, so a good quote can change the "
        "answer, and the result names the quote that is the best way to buy the option it recommends.",
    ),
    (
        "a notice period of 60 days or more, easy to miss before the contract renews itself;",
        "a notice period of more than 90 days, easy to miss before the contract renews itself;",
    ),
    ("more than three months' fees to leave early;", "a month's fees or more to leave early;"),
    (
        "<li>no promised response time, only best efforts;</li>",
        "<li>no promised response time, only best efforts;</li>\n  <li>fixing problems left out;</li>",
    ),
)


def _content() -> str:
    second = _earlier("0015_how_it_works_five_options")
    start, end = second.index(OLD_SECTION_START), second.index(OLD_SECTION_END)
    text = second[:start] + NEW_SECTION + second[end:]
    for old, new in QUOTE_CHANGES:
        text = text.replace(old, new, 1)
    return text


CONTENT = _content()
SEEDED_DIGESTS = {_digest(_earlier("0005_how_it_works_page")), _digest(_earlier("0015_how_it_works_five_options"))}


def forward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if _digest(page.content) in SEEDED_DIGESTS:
            page.content = CONTENT
            page.save(update_fields=["content"])


def backward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if page.content == CONTENT:
            page.content = _earlier("0015_how_it_works_five_options")
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0018_answer_follows_money"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
