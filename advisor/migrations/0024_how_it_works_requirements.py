"""The "How the advice works" page (/how-it-works/), fourth version: what your insurer and frameworks ask
(issue 32).

One section is added before "What the figures are, and where they come from": what is checked, region by region,
what is not, and that none of it is certification or legal advice.

Staff edits win: forward replaces the page only while its content is exactly one of the texts an earlier migration
seeded, recognised by the SHA-256 digest of each (0005's, 0015's and 0019's), and otherwise leaves it alone.
Backward puts 0019's text back only while the content is exactly this one. The new text is built here from 0019's
frozen CONTENT, so a later version gets a migration of its own.
"""

import hashlib
import importlib

from django.db import migrations

URL = "/how-it-works/"
BEFORE = "<h2>What the figures are, and where they come from</h2>"

NEW_SECTION = """\
<h2>What your insurer and frameworks ask</h2>
<p>If you tell us you hold cyber insurance, or must meet a framework, we check what each option must do to meet \
it, and price that into the same three parts. An option that meets a requirement as sold costs nothing more. One \
that needs something bought beside it (patch monitoring as block hours beside Break/Fix, an EDR licence and \
someone to watch it beside an in-house hire, a Business Associate Agreement from an outside provider) has that \
in its bills. One that cannot meet it carries the consequence in risk: the insurer's payout after a serious \
incident, a lost certificate or contract, or a regulator's settlement. What your own controls already cover \
(multi-factor sign-in on every account, EDR on every device, fixes applied on a documented cadence, \
restore-tested backups) costs no option anything. Premiums and payouts are otherwise the same under every \
option, so they stay out of the comparison. Your result shows the requirement-by-option table, with what each \
option produces to show it: an MFA coverage report, the date of the last restore test, a patch report.</p>
<p>What we check, region by region:</p>
<ul>
  <li>Every region: what insurers usually ask (multi-factor sign-in on every account, EDR on every device with \
someone watching it, offline or immutable backups restore-tested in the last 90 days, a documented patch \
cadence).</li>
  <li>United Kingdom: Cyber Essentials and Cyber Essentials Plus (critical fixes within 14 days, and \
multi-factor sign-in on every cloud service that offers it).</li>
  <li>Australia: the Essential Eight at maturity levels 1 and 2 (fixes to internet-facing systems within two \
weeks, or critical ones within 48 hours, and multi-factor sign-in).</li>
  <li>United States: HIPAA's Business Associate Agreement with every IT provider that touches health data.</li>
</ul>
<p>What we do not check yet: PCI DSS, SOC 2 and GDPR are accepted as answers but add no requirement of their \
own; the fines for personal data are counted, as before, by your answer about regulated data. If you are not \
sure whether you hold cyber insurance we count what insurers usually ask; if you are not sure which frameworks \
apply, we count those most organisations in your region are asked for, and your result says which.</p>
<p>This is not certification and not legal advice. It prices what the frameworks and insurers usually ask of IT \
support, so that the options are compared for the same work; your insurer's policy wording, your assessor and \
your adviser decide whether you comply.</p>

"""


def _earlier(name: str) -> str:
    return importlib.import_module(f"advisor.migrations.{name}").CONTENT


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _content() -> str:
    third = _earlier("0019_how_it_works_money_first")
    at = third.index(BEFORE)
    return third[:at] + NEW_SECTION + third[at:]


CONTENT = _content()
SEEDED_DIGESTS = {
    _digest(_earlier(name))
    for name in ("0005_how_it_works_page", "0015_how_it_works_five_options", "0019_how_it_works_money_first")
}


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
            page.content = _earlier("0019_how_it_works_money_first")
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0023_seed_requirements"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
