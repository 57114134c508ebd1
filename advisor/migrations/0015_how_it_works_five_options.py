"""The "How the advice works" page (/how-it-works/), second version: five options and the person's own quotes.

Migration 0005 seeded the page when the site compared two ways of getting IT support. The site now prices five
(Break/Fix, an MSP, a block of prepaid hours, co-managed IT and in-house IT staff) and checks up to three quotes a
person holds. This tells how, in the same plain words and under the same headings, with two sections added: how
the five options are charged, and checking your quotes.

Staff edit the page in the admin, and their edits win: forward replaces the content only while it is exactly the
text 0005 seeded (0005's CONTENT, imported from that frozen migration), and otherwise leaves the page as it is.
Backward puts 0005's text back only while the content is exactly this one. The new text is kept here, frozen, so
a later version gets a migration of its own. As in 0005: the HTML starts at <h2> (the template gives the page its
<h1>), uses no inline style or script (the Content-Security-Policy would refuse it), and is all our own wording.
"""

import importlib

from django.db import migrations

URL = "/how-it-works/"

CONTENT = """\
<p class="lead">advisor compares five ways of getting IT support. With <strong>Break/Fix</strong> you call a \
technician when something stops working and pay for their time. With a <strong>Managed Services Provider \
(MSP)</strong> you pay a monthly fee for each person, and the provider looks after your systems all year round. \
Between those two sit a <strong>block of prepaid hours</strong>, <strong>co-managed IT</strong> (an MSP's \
tools and helpdesk beside IT staff of your own) and <strong>hiring in-house IT staff</strong>. You can also enter \
up to three quotes you hold from MSPs and see them priced on the same terms. This page explains, without the \
maths, how your answers become a recommendation, where the figures come from, and who is behind the site.</p>

<h2>Every option is priced for the same work</h2>
<p>A monthly fee, a salary and an hourly bill are hard to compare, because they seldom pay for the same things. \
So we price each option for one list of work, over three years:</p>
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
organisation should have security and backup tools, so they are in the bills of every option: part of the fee \
with an MSP or co-managed IT, bought per person with the others. Small organisations on Break/Fix or a block of \
hours rarely pay anyone for routine upkeep, so for them it usually goes undone, and we count that as a higher \
chance of a serious incident (unless IT staff of your own take care of it). Your result says which way each \
piece was counted.</p>

<h2>How the five options are charged</h2>
<p>Break/Fix bills every hour of work, at a higher rate in the evenings and at weekends. An MSP charges a monthly \
fee for each person, usually with a minimum number of people, and a one-off charge to get started. The three \
options in between are priced like this:</p>
<ul>
  <li><strong>Block of hours</strong>: each month you buy enough of a firm's hours for an ordinary month (never \
less than its smallest block) at a discount on its hourly rate. Setting up newcomers comes out of those hours, \
and work beyond them is billed at the full rate. Where unused hours lapse at the end of the month, a quiet month's \
spare hours cannot pay for a busy month's extra, and we allow for that.</li>
  <li><strong>Co-managed IT</strong>: a monthly fee for each person, below a fully managed service's because your \
own staff do part of the work, and a start-up charge. It only works beside IT staff of your own, so if you have \
none it is not ranked, and your result says why.</li>
  <li><strong>In-house IT staff</strong>: the IT team an organisation of your size needs, roughly one person for \
every 80 people and never fewer than one, less the IT staff you already have. Each hire is costed at a salary \
plus the employer's costs, recruiting (again whenever someone leaves), training and tools. The team deals with \
problems while one of them is at work. When all of them are away, or in evenings and weekends beyond what the \
team can share on call, help is bought in by the hour at Break/Fix rates and is slower to arrive.</li>
</ul>
<p>IT staff you already employ cost the same whichever option you choose, so their pay is counted in none of \
them. Under every option they do part of the routine upkeep and take a share of the problems, but only those that \
come up while they are on duty: not while all of them are on leave, ill, training or gone with the post still \
empty, nor out of hours beyond the evenings they can keep someone on call. The rest go to the option's own help, \
and the wait counts as lost work.</p>

<h2>Bills, lost work and risk are kept apart</h2>
<p>Each option's three-year cost has three parts. They are shown side by side and never blended into one figure \
without saying so.</p>
<ul>
  <li><strong>Bills</strong>: what you would actually be invoiced or pay out, such as hourly work, monthly fees, \
blocks of hours, the pay of staff you would hire, getting started, tools and setting up newcomers.</li>
  <li><strong>Lost work</strong>: the time your people lose when IT lets them down. It follows from how often \
something goes wrong, how many people it stops, how long they wait for help and for the fix, and how much of \
their work really stops meanwhile, valued at what an hour of one person's work is worth to you. It is an \
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
that eight cases in ten fall within (from the 10th to the 90th percentile). Each combination prices every option, \
and any quotes, with the same values, so they are compared in the same conditions. The expected figure is the \
one with every value at its expected level, and it is the one the ranking uses. The combinations are drawn the \
same way every time, so the same answers always give the same numbers.</p>
<p>We also count how often each option turns out cheapest across those combinations, with all three parts added \
together, and say it plainly, for example: the MSP costs least in 78 % of the plausible cases.</p>

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
<p>Our prices are small-business prices. Beyond about 250 people, or with an IT team of three or more, most \
organisations run their own IT, often with an outside provider alongside (co-managed IT). Your result then says \
so instead of giving a confident small-business verdict, and still shows the numbers.</p>

<h2>What would change the advice</h2>
<p>For three of your answers (IT problems a month, what an hour of downtime costs you, and how many people you \
have) we look for the value at which another option would come out ahead. We look only between a tenth of your \
own figure and ten times it, because a change further away is of no use to you, and we round what we find to \
something you can act on, such as about 9 problems a month. If nothing in that span changes the outcome, the \
result says so. When the number of people changes, your devices and problems a month change with it, at your own \
rate per person.</p>

<h2>Checking your quotes</h2>
<p>If you hold quotes from MSPs, you can enter up to three, with their contract terms, in the advanced part of \
the form. Each is priced over three years for the same list of work as our options, split into the same three \
parts. Its bills are its own fees, with any yearly rise it states, and its starting charge, plus what it leaves \
out: security and backup tools, evening and weekend call-outs, visits on site and setting up newcomers, each at \
what it would cost elsewhere. A quote without monitoring and patching prevents fewer problems and makes a serious \
incident likelier; without security it prevents no serious incidents; without backup, recovery is as slow as your \
own backups allow. A quote that promises only &ldquo;best efforts&rdquo; is taken to keep you waiting about as \
long as Break/Fix does.</p>
<p>Most providers bill project work, such as new systems, office moves and upgrades, on top, and our options' \
prices leave it out too. So we show what it would cost beside the totals but keep it out of them.</p>
<p>Your result lists the quotes beside our options, cheapest all told first. With two or three, it says which is \
the better deal over three years and why, and it says how the cheapest quote compares with a typical managed \
service and with our cheapest option. Your quotes do not change how the options are ranked. Terms worth \
questioning are flagged, each in a plain sentence with what to ask for:</p>
<ul>
  <li>a notice period of 60 days or more, easy to miss before the contract renews itself;</li>
  <li>more than three months' fees to leave early;</li>
  <li>no promised response time, only best efforts;</li>
  <li>a price per person above or below the range most managed services charge;</li>
  <li>security left out when you hold regulated data, or backup left out when you do or when your backups have \
not been tested by restoring them.</li>
</ul>
<p>Quotes are commercially sensitive, so a result with quotes has a second permanent link that shows it without \
them, to share or print.</p>

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

<h3>Wages and IT staff</h3>
<ul>
  <li>US Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2023 and May 2024): the \
typical wage across all jobs, used to value lost time, and the pay of IT support staff.</li>
  <li>US Bureau of Labor Statistics, National Compensation Survey (2024): paid leave, used for the time IT staff \
are away.</li>
  <li>SHRM benchmarking: what recruiting costs and how often staff leave.</li>
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
fees per user, fully managed and co-managed</li>
  <li><a href="https://bundleiq.co.uk/category-it-support.html">BundleIQ: IT support</a> (2026), UK fees per \
user</li>
  <li><a href="https://4it.com.au/managed-it/small-business-it-support-australian-sme/">4iT: small business IT \
support in Australia</a> (2026), fees, hourly rates and block discounts</li>
  <li><a href="https://khusela.co.za/services-support/block-of-time">Khusela: block of time</a>, block terms and \
response times</li>
  <li><a href="https://www.lightpathit.com/our-services/pre-pay-annual/">Lightpath IT: pre-pay</a>, the smallest \
blocks of hours</li>
  <li><a href="https://automateanddeploy.com/blog/managed-it-vs-break-fix">Automate and Deploy: managed IT vs \
break-fix</a>, hourly rates</li>
  <li><a href="https://itnorwich.uk/rate-card/">IT Norwich: rate card</a> (2023), a UK hourly rate</li>
</ul>

<h2>Who runs this site</h2>
<p>advisor is an independent, non-commercial tool. We sell no IT support, take no referral fees or commission, \
and have no business ties to any IT provider. No provider pays to appear here or has any say in the advice. If \
that ever changes, this page will say so.</p>
"""


def _first_version() -> str:
    """The text migration 0005 seeded (its frozen CONTENT)."""
    return importlib.import_module("advisor.migrations.0005_how_it_works_page").CONTENT


def _replace(apps, schema_editor, old: str, new: str) -> None:
    """Put `new` in place of the page's content where it is exactly `old`; any other content (staff's) stays."""
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if page.content == old:
            page.content = new
            page.save(update_fields=["content"])


def forward(apps, schema_editor):
    _replace(apps, schema_editor, _first_version(), CONTENT)


def backward(apps, schema_editor):
    _replace(apps, schema_editor, CONTENT, _first_version())


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0014_quotes"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
