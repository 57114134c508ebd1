"""Seed the "How the advice works" page: a flat page (django.contrib.flatpages) at /how-it-works/.

It tells in plain words how a recommendation is worked out, where the figures come from and who runs the site.
Staff edit the text in the admin (Flat pages); this is only its first version. The HTML starts at <h2> (the
template templates/flatpages/default.html gives the page its <h1>) and uses no inline style or script, which the
site's Content-Security-Policy would refuse. All text is our own wording.

Idempotent (update_or_create keyed on the url) and reversible: backward removes the page. The Site it belongs to
(settings.SITE_ID) is made here when the database has none yet, as django.contrib.sites would make it after
migrating; going back leaves the Site, which other things may use.
"""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations

URL = "/how-it-works/"
TITLE = "How the advice works"

CONTENT = """\
<p class="lead">advisor compares two ways of getting IT support. With <strong>Break/Fix</strong> you call a \
technician when something stops working and pay for their time. With a <strong>Managed Services Provider \
(MSP)</strong> you pay a monthly fee for each person, and the provider looks after your systems all year round. \
This page explains, without the maths, how your answers become a recommendation, where the figures come from, \
and who is behind the site.</p>

<h2>Every option is priced for the same work</h2>
<p>A monthly fee and an hourly bill are hard to compare, because they seldom pay for the same things. So we price \
each option for one list of work, over three years:</p>
<ul>
  <li>fixing what breaks;</li>
  <li>routine upkeep: updates, security patches and keeping an eye on your systems;</li>
  <li>security and backup tools: protection on each computer, filtering of email and somewhere to keep \
backups;</li>
  <li>setting up and closing accounts and devices when people join or leave;</li>
  <li>help in the evenings or at weekends, if your organisation works then.</li>
</ul>
<p>When an option leaves a piece of that list out, we either add what buying it separately would cost or count \
the danger of it not being done, whichever a careful adviser would expect of an organisation like yours. Every \
organisation should have security and backup tools, so they are in the bills of both options: bought per person \
with Break/Fix, part of the fee with an MSP. Small Break/Fix clients rarely pay anyone for routine upkeep, so for \
them it usually goes undone, and we count that as a higher chance of a serious incident (unless IT staff of your \
own take care of it). Your result says which way each piece was counted.</p>

<h2>Bills, lost work and risk are kept apart</h2>
<p>Each option's three-year cost has three parts. They are shown side by side and never blended into one figure \
without saying so.</p>
<ul>
  <li><strong>Bills</strong>: what you would actually be invoiced, such as hourly work, monthly fees, getting \
started, tools and setting up newcomers.</li>
  <li><strong>Lost work</strong>: the time your people lose when IT lets them down. It follows from how often \
something goes wrong, how many people it stops, how long they wait for a technician and for the fix, and how much \
of their work really stops meanwhile, valued at what an hour of one person's work is worth to you. It is an \
estimate, not an invoice.</li>
  <li><strong>Risk</strong>: what serious incidents, such as ransomware, lost data or a breach, cost you on \
average: the chance of one in a year multiplied by what it would cost. The chance goes up when upkeep is left \
undone and down with the prevention each option brings. The cost grows with the time it takes to get going again \
(far longer without backups you have tested) and, if you hold regulated data, with telling the people affected \
and any fines.</li>
</ul>

<h2>Ranges from a simulation, not every worst case at once</h2>
<p>Hardly any figure here is known exactly. A technician's hourly rate, the time a repair takes, how often an \
attack gets through: each has a low, an expected and a high value. Adding up every worst case would give ranges \
so wide that nobody could decide on them. Instead we try thousands of plausible combinations and report the span \
that eight cases in ten fall within (from the 10th to the 90th percentile). The expected figure is the one with \
every value at its expected level, and it is the one the ranking uses. The combinations are drawn the same way \
every time, so the same answers always give the same numbers.</p>
<p>We also count how often each option turns out cheapest across those combinations, with all three parts added \
together, and say it plainly, for example: the MSP costs less in 78 % of the plausible cases.</p>

<h2>How the decision is made</h2>
<p>Two things decide: fit and cost.</p>
<ul>
  <li><strong>Fit</strong> (0 to 100): how much of what your organisation needs each option provides, over ten \
aspects such as how quickly help arrives, cover outside office hours and preventing problems. Your answers set \
how much each aspect matters to you.</li>
  <li><strong>Cost</strong>: each option's expected three-year total, all three parts, measured against a fixed \
yardstick: what IT support usually costs an organisation of your size. An option is never scored against the \
other options, so adding or removing one never changes the order of the rest.</li>
</ul>
<p>The overall score combines the two by a fixed rule, and the highest score wins. When two options are only a \
few points apart we call it a close call and say what would settle it; when their rounded scores are equal we \
name no winner.</p>
<p>Our prices are small-business prices. Beyond about 250 people, or with an IT team of several people, most \
organisations run their own IT, often with an outside provider alongside (co-managed IT). Your result then says \
so instead of giving a confident small-business verdict, and still shows the numbers.</p>

<h2>What would change the advice</h2>
<p>For three of your answers (IT problems a month, what an hour of downtime costs you, and how many people you \
have) we look for the value at which another option would come out ahead. We look only between a tenth of your \
own figure and ten times it, because a change further away is of no use to you, and we round what we find to \
something you can act on, such as about 9 problems a month. If nothing in that span changes the outcome, the \
result says so. When the number of people changes, your devices and problems a month change with it, at your own \
rate per person.</p>

<h2>What the figures are, and where they come from</h2>
<p>Most published prices for IT support are written by IT providers, or by companies that sell tools to them. We \
use them because there is little else, but each one is marked as a vendor claim, given as a range rather than a \
single number, and listed with its source on every result. Where we found independent figures, we use those. \
Staff keep the figures up to date, and a stored result keeps the figures it was worked out with.</p>

<h3>Serious incidents</h3>
<ul>
  <li>Coalition, cyber insurance claims data (2025): about 1.5 % of insured small firms claim in a year; the \
average loss is about $115,000, and about $292,000 for ransomware.</li>
  <li>UK government, Cyber Security Breaches Survey 2025 (official statistics): 43 % of businesses found a \
breach or attack in the year; their most disruptive one cost £1,600 on average, or £8,260 counting only those \
that cost anything.</li>
  <li>Australian Signals Directorate, Cyber Threat Report 2023–24: a reported cybercrime cost a small business \
A$49,600 on average.</li>
</ul>
<p>Figures drawn from large companies, such as an average breach costing millions of dollars, are not used as \
small-business defaults.</p>

<h3>Wages</h3>
<ul>
  <li>US Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2023 and May 2024): the \
typical wage across all jobs, used to value lost time, and the pay of IT support staff.</li>
</ul>

<h3>Prices for IT support (vendor claims)</h3>
<ul>
  <li><a href="https://micro-it.net/resources/article-pricing-models">Micro IT: pricing models</a>, fees per \
user and per device</li>
  <li><a href="https://comnexia.com/insights/managed-it-vs-break-fix/">Comnexia: managed IT vs break-fix</a>, \
fees per user</li>
  <li><a href="https://mhdnet.com/blog/small-business-it-support-options">MHD: small business IT support \
options</a>, fees per user</li>
  <li><a href="https://pharallax.ai/guides/how-to-benchmark-your-msp">Pharallax: how to benchmark your MSP</a>, \
average and healthy fees</li>
  <li><a href="https://technoirsolutions.com/services/msp_pricing-examples/">Technoir Solutions: MSP pricing \
examples</a>, an itemised price list and onboarding</li>
  <li><a href="https://makologics.com/resources/it-buyers-guide">Makologics: IT buyer's guide</a> (2026), US \
fees per user</li>
  <li><a href="https://bundleiq.co.uk/category-it-support.html">BundleIQ: IT support</a> (2026), UK fees per \
user</li>
  <li><a href="https://4it.com.au/managed-it/small-business-it-support-australian-sme/">4iT: small business IT \
support in Australia</a> (2026), fees and hourly rates</li>
  <li><a href="https://automateanddeploy.com/blog/managed-it-vs-break-fix">Automate and Deploy: managed IT vs \
break-fix</a>, hourly rates</li>
  <li><a href="https://itnorwich.uk/rate-card/">IT Norwich: rate card</a> (2023), a UK hourly rate</li>
</ul>

<h2>Who runs this site</h2>
<p>advisor is an independent, non-commercial tool. We sell no IT support, take no referral fees or commission, \
and have no business ties to any IT provider. No provider pays to appear here or has any say in the advice. If \
that ever changes, this page will say so.</p>
"""


def forward(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    db = schema_editor.connection.alias
    site, created = Site.objects.using(db).get_or_create(
        pk=getattr(settings, "SITE_ID", 1), defaults={"domain": "example.com", "name": "advisor"}
    )
    if created:
        # Made with an explicit id, so the id sequence (PostgreSQL) must be moved past it, as
        # django.contrib.sites does for the Site it makes.
        with schema_editor.connection.cursor() as cursor:
            for command in schema_editor.connection.ops.sequence_reset_sql(no_style(), [Site]):
                cursor.execute(command)
    page, _ = FlatPage.objects.using(db).update_or_create(
        url=URL,
        defaults={"title": TITLE, "content": CONTENT, "registration_required": False, "template_name": ""},
    )
    page.sites.add(site)


def backward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0004_content_version"),
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
