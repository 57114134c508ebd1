"""Seed the catalogue: the two support models, the ten dimensions, the twenty characteristics and the cost figures.

All text is our own wording. The figures and their sources come from the project's notes on published prices
and benchmarks; most of them are sellers' claims and are flagged as such.

The migration is idempotent (update_or_create on natural keys) and reversible (backward removes exactly the
rows seeded here).
"""

from decimal import Decimal

from django.db import migrations

# ---------------------------------------------------------------------------------------------------------------
# Support models
# ---------------------------------------------------------------------------------------------------------------

SUPPORT_MODELS = [
    {
        "slug": "break-fix",
        "name": "Break/Fix",
        "order": 1,
        "is_active": True,
        "summary": (
            "Call an IT firm or freelancer when something goes wrong and pay for that job alone, "
            "with no contract and no monthly bill."
        ),
        "description": (
            "With Break/Fix there is no standing arrangement. When a laptop dies, email stops arriving or the "
            "printer refuses to print, you ring a technician, they sort it out, and you get a bill for the time "
            "they spent.\n\n"
            "Nobody looks after your systems between those calls, so updates, backups and security checks are "
            "left to you. The upside is that a quiet month costs you nothing, and you can try a different "
            "technician whenever you like."
        ),
        "best_for": (
            "Very small organisations, roughly one to five people with a handful of devices, whose IT only "
            "goes wrong a few times a year. It also suits teams that could live with a day or two of disruption, "
            "hold little sensitive or regulated data, and have someone in-house who can handle the basics. "
            "It is a good fit, too, when you want a one-off project done without signing up to anything."
        ),
    },
    {
        "slug": "msp",
        "name": "Managed Services Provider",
        "order": 2,
        "is_active": True,
        "summary": (
            "Pay an IT company a set monthly fee to watch over, maintain and support your systems, "
            "and to help you plan ahead."
        ),
        "description": (
            "A managed services provider takes on the day-to-day care of your IT under a contract, usually "
            "priced per user or per device each month. They keep an eye on your systems remotely, install "
            "updates, look after backups and security, and answer when your staff need help.\n\n"
            "You pay the fee every month, including months when nothing goes wrong, and most contracts run for "
            "a year or more with a notice period. How good the service is depends heavily on the provider, so "
            "check what response times and services the contract actually promises before you sign."
        ),
        "best_for": (
            "Organisations of about ten people or more (some advisers say five), or smaller ones whose IT "
            "problems keep coming back. It makes most sense when an hour without IT is expensive, when you hold "
            "regulated data, or when you need a promised response time or help outside office hours. "
            "It also suits firms that are adding staff or sites, have nobody in-house to look after IT, and "
            "would rather have a steady monthly bill."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Dimensions
# ---------------------------------------------------------------------------------------------------------------

DIMENSIONS = [
    {
        "slug": "engagement",
        "name": "How support is engaged",
        "order": 1,
        "weight": "1.50",
        "question": "Can we get help only when we ask for it, without signing an ongoing contract?",
        "explanation": (
            "Some organisations would rather not commit to a monthly bill or a long agreement. "
            "This measures how freely you can call for help on your own terms and walk away once the job is done."
        ),
    },
    {
        "slug": "monitoring",
        "name": "Proactive monitoring",
        "order": 2,
        "weight": "1.00",
        "question": "Will someone spot problems before they stop our staff from working?",
        "explanation": (
            "Many failures give warning signs first, such as a disk filling up, a backup that failed overnight "
            "or a server running hot. If someone is watching, these can be dealt with quietly instead of turning "
            "into a lost morning."
        ),
    },
    {
        "slug": "maintenance",
        "name": "Preventive maintenance",
        "order": 3,
        "weight": "1.00",
        "question": "Are updates, security fixes and routine upkeep done for us on a regular schedule?",
        "explanation": (
            "Software that is never updated gets slower, less reliable and easier to attack. "
            "Regular upkeep is dull work, but it removes many of the causes of future breakdowns."
        ),
    },
    {
        "slug": "downtime",
        "name": "Downtime",
        "order": 4,
        "weight": "1.50",
        "question": "How long are we likely to be stuck when something does break?",
        "explanation": (
            "Every hour that staff cannot work, or customers cannot be served, costs money. "
            "How fast help arrives and how quickly the fault is fixed often matters more than the price of the "
            "repair itself."
        ),
    },
    {
        "slug": "cost",
        "name": "Cost model and predictability",
        "order": 5,
        "weight": "1.25",
        "question": "How much will IT support cost us, and can we budget for it in advance?",
        "explanation": (
            "Some organisations want the lowest possible spend, while others want a figure they can plan around. "
            "This looks at how you are charged and how much the bill can swing from one month to the next."
        ),
    },
    {
        "slug": "scalability",
        "name": "Scalability",
        "order": 6,
        "weight": "0.75",
        "question": "Will our support keep up as we add people, devices or sites?",
        "explanation": (
            "Taking on staff or opening a new office means more laptops, accounts and network kit to set up and "
            "look after. Support that grows with you saves you from rushed fixes and mismatched setups."
        ),
    },
    {
        "slug": "partnership",
        "name": "Partnership and IT strategy",
        "order": 7,
        "weight": "0.75",
        "question": "Will anyone help us plan our IT, rather than just fixing what breaks?",
        "explanation": (
            "Choices about replacing equipment, moving to cloud services or tightening security are easier with "
            "someone who knows your setup and your plans. Without that, IT decisions tend to be made in a hurry "
            "when something fails."
        ),
    },
    {
        "slug": "continuity",
        "name": "Business continuity (backup and disaster recovery)",
        "order": 8,
        "weight": "1.25",
        "question": "If we lost our data or our office, how quickly could we get back to work?",
        "explanation": (
            "Fire, theft, ransomware or a simple mistake can wipe out files you depend on. "
            "Backups that are kept current and have actually been restored in a test decide whether you lose an "
            "afternoon or lose the business."
        ),
    },
    {
        "slug": "availability",
        "name": "Availability (24/7)",
        "order": 9,
        "weight": "1.00",
        "question": "Can we get help in the evening, at weekends or on public holidays?",
        "explanation": (
            "If your organisation works outside office hours, a fault at 8pm on a Saturday can hurt as much as one "
            "on a Monday morning. This measures whether help is there when you need it and what it costs outside "
            "normal hours."
        ),
    },
    {
        "slug": "breadth",
        "name": "Breadth of services",
        "order": 10,
        "weight": "0.75",
        "question": "Can one provider cover everything we need, from security and backups to cloud and networks?",
        "explanation": (
            "Using a separate supplier for each piece of IT means more contracts, more phone numbers and more "
            "chances for a problem to fall between two of them. One provider covering most of it is simpler, "
            "though it leaves you more reliant on that single firm."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Characteristics: one per (support model, dimension)
# ---------------------------------------------------------------------------------------------------------------

CHARACTERISTICS = [
    # engagement
    {
        "support_model": "break-fix",
        "dimension": "engagement",
        "rating": 5,
        "headline": "Help when you ask for it, with nothing to sign",
        "description": (
            "You contact a technician only when you have a problem, and they deal with that particular fault. "
            "There is no contract, no notice period and no monthly bill, so you are free to use someone "
            "different next time."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "engagement",
        "rating": 2,
        "headline": "An ongoing contract and monthly fee, with help on request too",
        "description": (
            "Support comes as part of a standing agreement, often for twelve months or longer, and you pay the "
            "fee whether or not you needed help that month. You can still raise a ticket whenever something goes "
            "wrong, but leaving usually means working out a notice period."
        ),
    },
    # monitoring
    {
        "support_model": "break-fix",
        "dimension": "monitoring",
        "rating": 0,
        "headline": "Nobody is watching your systems between call-outs",
        "description": (
            "The technician only looks at your setup when you call them about a fault. Warning signs such as a "
            "failing disk or a backup that has quietly stopped go unnoticed until something actually breaks."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "monitoring",
        "rating": 5,
        "headline": "Your systems are watched all the time for early warning signs",
        "description": (
            "The provider installs tools that keep checking your computers, servers and network, and that alert "
            "them when something looks wrong. Many faults are put right before anyone in the office notices, "
            "which means fewer interruptions and less time lost."
        ),
    },
    # maintenance
    {
        "support_model": "break-fix",
        "dimension": "maintenance",
        "rating": 1,
        "headline": "Upkeep happens only if you remember to book and pay for it",
        "description": (
            "Break/Fix is about mending what has already failed, so routine updates and check-ups are not part "
            "of the deal. You can pay a technician for a service visit, but arranging it is up to you, and many "
            "small firms never get round to it."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "maintenance",
        "rating": 5,
        "headline": "Updates, security fixes and routine checks done on a schedule",
        "description": (
            "The provider keeps software and devices up to date, applies security fixes as they are released and "
            "carries out regular health checks. This steady upkeep keeps machines running smoothly and closes the "
            "gaps that attackers look for."
        ),
    },
    # downtime
    {
        "support_model": "break-fix",
        "dimension": "downtime",
        "rating": 1,
        "headline": "You wait for someone to be free, then wait for the fix",
        "description": (
            "Help is only called once a fault has already stopped work, and nobody has promised how soon a "
            "technician will get to it. If they are busy or a part has to be ordered, staff can be left unable "
            "to work for hours or even days."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "downtime",
        "rating": 4,
        "headline": "Agreed response times and remote access shorten most outages",
        "description": (
            "Contracts usually state how quickly the provider will respond, and because they can often log in "
            "remotely and already know your setup, many faults are fixed fast. Things still break, and a stretched "
            "provider can miss its targets, so check what is actually promised."
        ),
    },
    # cost
    {
        "support_model": "break-fix",
        "dimension": "cost",
        "rating": 2,
        "headline": "Nothing to pay in quiet months, but bills are hard to predict",
        "description": (
            "You pay for each job, usually by the hour, so a calm year can be very cheap. A bad month, an "
            "emergency call-out or a major failure can bring a large bill with no warning, which makes "
            "budgeting difficult."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "cost",
        "rating": 5,
        "headline": "A fixed monthly fee you can plan around",
        "description": (
            "Most providers charge a set amount per user or per device each month, so you know in advance what "
            "support will cost. The catch is that you pay the same in months when nothing goes wrong, and work "
            "outside the agreed scope, such as projects, may be billed on top."
        ),
    },
    # scalability
    {
        "support_model": "break-fix",
        "dimension": "scalability",
        "rating": 2,
        "headline": "Each new person or site is another separate job to arrange",
        "description": (
            "A technician can set up new laptops or a new office, but each piece of work is booked and billed on "
            "its own, and there may be nobody who remembers how the rest was done. Growth tends to leave a "
            "patchwork of systems that gets harder to support."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "scalability",
        "rating": 4,
        "headline": "Support that expands as you add people, devices or sites",
        "description": (
            "Adding a user usually means adding a line to the monthly bill, and the provider sets up new staff "
            "and equipment to the same standard as everything else. The cost rises with every head, and a small "
            "provider may struggle if you grow very fast or open sites far away."
        ),
    },
    # partnership
    {
        "support_model": "break-fix",
        "dimension": "partnership",
        "rating": 1,
        "headline": "Each job stands alone, with no ongoing relationship",
        "description": (
            "The arrangement starts and ends with each repair, and nobody is committed to you beyond it. "
            "A regular technician may get to know your setup over time, but they are not paid to help you plan "
            "or to think about where your IT should be heading."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "partnership",
        "rating": 5,
        "headline": "A long-term adviser who helps plan your IT around your goals",
        "description": (
            "Because the relationship runs for years, a good provider works much like your own IT department and "
            "learns how your organisation operates. They can help you plan upgrades, budgets and security around "
            "where the business is going, though the quality of this advice varies a lot between providers."
        ),
    },
    # continuity
    {
        "support_model": "break-fix",
        "dimension": "continuity",
        "rating": 1,
        "headline": "Backups exist only if you set them up and check them yourself",
        "description": (
            "A technician can install a backup system if you ask and pay for it, but nobody will check each week "
            "that it is still working. Many organisations only discover their backups had stopped when they try "
            "to get lost files back."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "continuity",
        "rating": 5,
        "headline": "Backups and a recovery plan are run and tested for you",
        "description": (
            "Providers usually set up copies of your data and a plan for getting you working again after a "
            "disaster such as ransomware, theft or fire. They watch that each backup succeeds and, on better "
            "contracts, practise restoring it, so your files can be recovered when it counts."
        ),
    },
    # availability
    {
        "support_model": "break-fix",
        "dimension": "availability",
        "rating": 1,
        "headline": "Help depends on who is free, and out-of-hours work costs extra",
        "description": (
            "Most Break/Fix technicians work office hours and fit you in around other customers, with no promise "
            "of when they will turn up. Evening and weekend call-outs, where offered at all, are usually charged "
            "at one and a half to two times the normal rate."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "availability",
        "rating": 4,
        "headline": "Help at any hour is common, though not on every plan",
        "description": (
            "Many providers take calls at night, at weekends and on holidays, so a fault can be picked up quickly "
            "whenever it happens. Read the contract, though: some plans cover office hours only and charge more "
            "for 24/7 cover."
        ),
    },
    # breadth
    {
        "support_model": "break-fix",
        "dimension": "breadth",
        "rating": 2,
        "headline": "Fixes what you ask about, one problem at a time",
        "description": (
            "A Break/Fix technician deals with the problem in front of them, and may take on the odd project if "
            "you book it. Nobody looks after security, backups, cloud accounts and the network as one whole, so "
            "gaps between them are easy to miss."
        ),
    },
    {
        "support_model": "msp",
        "dimension": "breadth",
        "rating": 5,
        "headline": "Security, cloud, backups and networks looked after by one firm",
        "description": (
            "Many providers offer a bundle that covers security tools, your cloud and email accounts, backups and "
            "the office network. With one firm answerable for the whole picture there are fewer gaps and less "
            "finger-pointing, but you also become more dependent on that firm."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Cost parameters: one per (support model, key), each a low / expected / high range with its source
# ---------------------------------------------------------------------------------------------------------------

_NOT_APPLICABLE = "Not applicable: no retainer"

_PEOPLE_STOPPED = {
    "key": "people_stopped_per_incident",
    "low": "0.25",
    "expected": "0.5",
    "high": "2",
    "source_title": "Fixify 2026 IT support benchmark (vendor, over 50,000 tickets)",
    "source_url": "",
    "source_year": 2026,
    "vendor_claim": True,
    "note": (
        "Fixify found that a little over a fifth of tickets left a person unable to do their job. Most incidents "
        "hit one person or one team rather than the whole organisation, so we assume (our own estimate) that a "
        "typical incident keeps about half a person from working, anywhere from a quarter of a person to two people."
    ),
}

COST_PARAMETERS = [
    # ---- Break/Fix -------------------------------------------------------------------------------------------
    {
        "support_model": "break-fix",
        "key": "hourly_rate",
        "low": "100",
        "expected": "150",
        "high": "250",
        "source_title": "Automate & Deploy: Managed IT vs Break/Fix",
        "source_url": "https://automateanddeploy.com/blog/managed-it-vs-break-fix",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "Hourly rates published by IT firms sit between $100 and $250: $100–200 on site (Automate & Deploy), "
            "$125–250 (zerogeeks.com) and $150–250 (nophishleftbehind.com). We take $150 as typical and the "
            "ends of those quotes as the range."
        ),
    },
    {
        "support_model": "break-fix",
        "key": "hours_per_incident",
        "low": "1",
        "expected": "1.5",
        "high": "3",
        "source_title": "SohoWizz worked example (25-person firm)",
        "source_url": "https://sohowizz.com",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "A worked example from sohowizz.com bills about an hour and a half per ticket, which we use as the "
            "expected figure. Simple jobs can take an hour and awkward ones several, hence 1 to 3 hours."
        ),
    },
    {
        "support_model": "break-fix",
        "key": "response_delay_hours",
        "low": "2",
        "expected": "8",
        "high": "24",
        "source_title": "Providers' published terms (no guaranteed response)",
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": (
            "Break/Fix firms generally promise no response time and come when they can. Waiting about one "
            "working day is our own assumption, with two hours at best and a full day at worst; the claims of "
            "waits lasting several days come from MSPs selling the alternative."
        ),
    },
    {
        "support_model": "break-fix",
        "key": "after_hours_premium",
        "low": "1.5",
        "expected": "1.75",
        "high": "2.0",
        "source_title": "ZeroGeeks published rates",
        "source_url": "https://zerogeeks.com",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "zerogeeks.com charges one and a half to two times its usual rate for evening and weekend work. "
            "We take the midpoint, 1.75, as expected."
        ),
    },
    {
        "support_model": "break-fix",
        "key": "fee_per_user_month",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": _NOT_APPLICABLE,
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": "Break/Fix has no subscription, so there is no monthly charge per user.",
    },
    {
        "support_model": "break-fix",
        "key": "fee_per_device_month",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": _NOT_APPLICABLE,
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": "With no subscription there is no monthly charge per device either.",
    },
    {
        "support_model": "break-fix",
        "key": "minimum_users",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": _NOT_APPLICABLE,
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": "There is no contract, so there is no minimum number of users to pay for.",
    },
    {
        "support_model": "break-fix",
        "key": "onboarding_months",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": _NOT_APPLICABLE,
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": "With no contract to start, there is no set-up charge.",
    },
    {
        "support_model": "break-fix",
        "key": "prevented_share",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": _NOT_APPLICABLE,
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": "Break/Fix only mends faults after they happen, so we assume it prevents none of them.",
    },
    {"support_model": "break-fix", **_PEOPLE_STOPPED},
    # ---- Managed Services Provider ---------------------------------------------------------------------------
    {
        "support_model": "msp",
        "key": "hourly_rate",
        "low": "0",
        "expected": "0",
        "high": "0",
        "source_title": "Included in the monthly fee",
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": (
            "Fixing faults is covered by the subscription, so there is no separate hourly charge. "
            "Projects outside the agreed scope may still be billed on top."
        ),
    },
    {
        "support_model": "msp",
        "key": "hours_per_incident",
        "low": "0.67",
        "expected": "1",
        "high": "2",
        "source_title": "MetricNet service desk benchmark (via White Hat Virtual)",
        "source_url": "https://whitehatvirtual.com",
        "source_year": None,
        "vendor_claim": False,
        "note": (
            "MetricNet found the best service desks take about 40 minutes on average to fix a problem, against "
            "around five hours for the weakest. We assume a typical provider does a little worse than the best, "
            "about an hour, and allow two hours for a weaker one."
        ),
    },
    {
        "support_model": "msp",
        "key": "response_delay_hours",
        "low": "0.25",
        "expected": "0.5",
        "high": "2",
        "source_title": "MSP service-level examples (provider statements)",
        "source_url": "https://awd.com.au",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "Providers such as awd.com.au, summitdnc.com and hawkiit.com say they answer urgent issues within "
            "15 to 30 minutes and can be on site within two hours. These are sellers' own promises, so we expect "
            "half an hour and allow up to two."
        ),
    },
    {
        "support_model": "msp",
        "key": "after_hours_premium",
        "low": "1",
        "expected": "1",
        "high": "1",
        "source_title": "Included in the subscription",
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": (
            "We assume help outside office hours costs nothing extra under the contract. "
            "Check yours, as some plans cover office hours only."
        ),
    },
    {
        "support_model": "msp",
        "key": "fee_per_user_month",
        "low": "100",
        "expected": "150",
        "high": "250",
        "source_title": "Micro IT: pricing models",
        "source_url": "https://micro-it.net/resources/article-pricing-models",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "Published small-business prices mostly fall between $75 and $250 per user a month: micro-it.net "
            "quotes $100–200, comnexia.com $100–250, mhdnet.com $75–150, and amoebanetworks.com works an "
            "example at $150. We expect $150 and use $100 to $250 as the range."
        ),
    },
    {
        "support_model": "msp",
        "key": "fee_per_device_month",
        "low": "0",
        "expected": "0",
        "high": "9",
        "source_title": "Atera documentation (monitoring-only pricing)",
        "source_url": "",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "Plans priced per user normally include that user's devices, so we expect no separate device charge. "
            "The high end allows for a monitoring-only fee of about $9 per PC, as in Atera's documentation."
        ),
    },
    {
        "support_model": "msp",
        "key": "minimum_users",
        "low": "1",
        "expected": "5",
        "high": "10",
        "source_title": "Practitioner reports",
        "source_url": "",
        "source_year": None,
        "vendor_claim": False,
        "note": (
            "People working in the trade say some providers will not take a client below a certain size, such "
            "as 10 users, or charge very small clients more per head. We expect a minimum of 5 billed users, "
            "anywhere from 1 to 10."
        ),
    },
    {
        "support_model": "msp",
        "key": "onboarding_months",
        "low": "0",
        "expected": "0.4",
        "high": "1",
        "source_title": "Technoir Solutions: MSP pricing examples",
        "source_url": "https://technoirsolutions.com/services/msp_pricing-examples/",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "Technoir's itemised example charges roughly 40 % of one month's fee to set up a new client. "
            "Some providers waive this and others ask for a full month, hence 0 to 1."
        ),
    },
    {
        "support_model": "msp",
        "key": "prevented_share",
        "low": "0.3",
        "expected": "0.5",
        "high": "0.7",
        "source_title": "Vendor claims (sohowizz.com and others)",
        "source_url": "https://sohowizz.com",
        "source_year": None,
        "vendor_claim": True,
        "note": (
            "We found no independent measure of how many incidents managed support prevents. Sellers claim "
            "about 70 % fewer reactive tickets (sohowizz.com) and 60–80 % less unplanned downtime, so we use a "
            "wide 30–70 % range and centre it lower, at 50 %."
        ),
    },
    {"support_model": "msp", **_PEOPLE_STOPPED},
]


# ---------------------------------------------------------------------------------------------------------------
# Operations
# ---------------------------------------------------------------------------------------------------------------

_MODEL_FIELDS = ("name", "summary", "description", "best_for", "order", "is_active")
_DIMENSION_FIELDS = ("name", "question", "explanation", "order")
_COST_FIELDS = ("source_title", "source_url", "source_year", "vendor_claim", "note")


def forward(apps, schema_editor):
    SupportModel = apps.get_model("advisor", "SupportModel")
    Dimension = apps.get_model("advisor", "Dimension")
    Characteristic = apps.get_model("advisor", "Characteristic")
    CostParameter = apps.get_model("advisor", "CostParameter")

    models_by_slug = {}
    for row in SUPPORT_MODELS:
        obj, _ = SupportModel.objects.update_or_create(
            slug=row["slug"], defaults={field: row[field] for field in _MODEL_FIELDS}
        )
        models_by_slug[row["slug"]] = obj

    dimensions_by_slug = {}
    for row in DIMENSIONS:
        defaults = {field: row[field] for field in _DIMENSION_FIELDS}
        defaults["weight"] = Decimal(row["weight"])
        obj, _ = Dimension.objects.update_or_create(slug=row["slug"], defaults=defaults)
        dimensions_by_slug[row["slug"]] = obj

    for row in CHARACTERISTICS:
        Characteristic.objects.update_or_create(
            support_model=models_by_slug[row["support_model"]],
            dimension=dimensions_by_slug[row["dimension"]],
            defaults={"headline": row["headline"], "description": row["description"], "rating": row["rating"]},
        )

    for row in COST_PARAMETERS:
        defaults = {field: row[field] for field in _COST_FIELDS}
        for field in ("low", "expected", "high"):
            defaults[field] = Decimal(row[field])
        CostParameter.objects.update_or_create(
            support_model=models_by_slug[row["support_model"]], key=row["key"], defaults=defaults
        )


def backward(apps, schema_editor):
    SupportModel = apps.get_model("advisor", "SupportModel")
    Dimension = apps.get_model("advisor", "Dimension")
    Characteristic = apps.get_model("advisor", "Characteristic")
    CostParameter = apps.get_model("advisor", "CostParameter")

    model_slugs = [row["slug"] for row in SUPPORT_MODELS]
    dimension_slugs = [row["slug"] for row in DIMENSIONS]
    cost_keys = sorted({row["key"] for row in COST_PARAMETERS})

    Characteristic.objects.filter(support_model__slug__in=model_slugs, dimension__slug__in=dimension_slugs).delete()
    CostParameter.objects.filter(support_model__slug__in=model_slugs, key__in=cost_keys).delete()
    SupportModel.objects.filter(slug__in=model_slugs).delete()
    Dimension.objects.filter(slug__in=dimension_slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("advisor", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
