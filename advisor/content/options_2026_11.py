"""Seed content for the three support options added in November 2026: block hours, co-managed IT and in-house IT
staff, as plain data (issue 14). Frozen in the same way as figures_2026_11: a later change gets a module of its own.

SUPPORT_MODELS and CHARACTERISTICS follow the shape of migration 0002 (one characteristic for every option and
dimension, ratings 0 to 5). OPTIONS follows the row shape of figures_2026_11.OPTIONS:
(slug, key, label, low, expected, high, source title, address, year, vendor claim, note).

All text is our own wording. Most published figures on IT support come from firms selling it; those rows are
flagged as vendor claims.
"""

from __future__ import annotations

_BLOCK = "block-hours"
_CO = "co-managed"
_IN = "in-house"

# ---------------------------------------------------------------------------------------------------------------
# Support models
# ---------------------------------------------------------------------------------------------------------------

SUPPORT_MODELS = [
    {
        "slug": _BLOCK,
        "name": "Block hours",
        "order": 3,
        "pricing_type": "prepaid_block",
        "summary": (
            "Pay up front for a bundle of technician hours at a reduced rate, then draw on them whenever you need help."
        ),
        "description": (
            "A block-hours deal sits between paying per job and signing a managed contract. You buy a set amount "
            "of a firm's time in advance, such as a few hours a month or a bundle of ten or twenty, at a lower "
            "rate than its walk-in price. Each piece of work is logged against your balance, and once the hours "
            "are used up you either top up or pay the normal rate for the rest.\n\n"
            "As a paying regular you are usually promised an answer within a stated number of working hours, and "
            "the same technicians come to know how your systems are set up. The hours buy reactive help, though: "
            "nobody watches your systems or keeps them patched unless you choose to spend part of the block on it. "
            "Read the terms on unused hours, which some firms carry forward and others cancel at the end of each "
            "period, and remember that prepaid hours are lost if the firm goes under."
        ),
        "best_for": (
            "Small organisations, roughly five to twenty people, that like paying only for the support they use "
            "but want a better rate and a quicker answer than phoning round. It works best when the amount of IT "
            "help you need each month is fairly steady and easy to estimate. It is also a low-risk way to try out "
            "a firm before trusting it with more of your IT."
        ),
    },
    {
        "slug": _CO,
        "name": "Co-managed IT",
        "order": 4,
        "pricing_type": "subscription",
        "summary": (
            "Keep your own IT staff and add an MSP's monitoring, security tools and helpdesk to cover what they "
            "cannot do alone."
        ),
        "description": (
            "In a co-managed arrangement the work is shared between your own IT people and a managed services "
            "provider. The provider usually supplies remote monitoring and patching, security and backup "
            "products, a helpdesk that takes overflow calls, and cover for evenings, weekends and your staff's "
            "holidays. Your own team keeps the hands-on work in the building, the knowledge of how the "
            "organisation really runs and the day-to-day contact with colleagues.\n\n"
            "You pay a per-user monthly fee, normally below the price of fully managed support because some of "
            "the work stays in-house, alongside your staff's salaries. It only goes smoothly when a written "
            "agreement says which side owns each task; without one, jobs can fall between the two teams."
        ),
        "best_for": (
            "Organisations that already employ one or more IT people, typically fifty staff or more, whose team "
            "is overstretched or cannot cover nights, leave and sickness. It fits when you need security tools, "
            "tested backups or specialist skills your staff lack, without losing the people who know your "
            "business. It does not apply if nobody in the organisation looks after IT."
        ),
    },
    {
        "slug": _IN,
        "name": "In-house IT staff",
        "order": 5,
        "pricing_type": "salaried",
        "summary": (
            "Employ your own IT person or team to run your systems and help colleagues, buying in outside help "
            "when they are away."
        ),
        "description": (
            "Hiring in-house means paying a salary, plus employer's costs, training and tools, for someone whose "
            "whole job is your IT. They learn your people, your systems and your priorities, can be at a "
            "colleague's desk within minutes, and can help managers plan ahead.\n\n"
            "The weakness is cover. One person works office hours, takes leave, gets ill and will one day move "
            "on, taking a great deal of knowledge with them unless it has been written down. Those gaps still "
            "have to be filled by outside help, paid by the hour or under a contract, and a small team rarely "
            "has deep skills in every area, security in particular. Finding a good candidate takes time and "
            "money, and a poor hire is expensive to reverse."
        ),
        "best_for": (
            "Larger organisations, from roughly sixty to a hundred people upwards, with enough IT work to keep a "
            "person busy, where a salary can come to less than a per-user fee. It suits firms with specialist "
            "systems, frequent changes or a real need for someone on site. Below that size one hire usually costs "
            "more than outside support and still leaves evenings and holidays uncovered."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Characteristics: one per (support option, dimension)
# ---------------------------------------------------------------------------------------------------------------

CHARACTERISTICS = [
    # engagement
    {
        "support_model": _BLOCK,
        "dimension": "engagement",
        "rating": 4,
        "headline": "You draw on hours as needed, but you pay for the block first",
        "description": (
            "Help still comes when you ask for it, and there is rarely a long contract or notice period. "
            "The catch is that you commit money in advance, so you are tied to that firm until the hours are used "
            "or, on some terms, until they lapse."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "engagement",
        "rating": 2,
        "headline": "A standing contract with a provider, on top of your own staff",
        "description": (
            "The provider's share is sold as a subscription, normally on a term of twelve months or longer with "
            "notice needed to leave, just as with fully managed support. Your staff can log tickets whenever they "
            "need to, but getting out of the arrangement takes planning."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "engagement",
        "rating": 1,
        "headline": "An employee is the biggest commitment of all, though always on hand",
        "description": (
            "You pay a salary every month whether the work is there or not, and ending employment is slower and "
            "harder than cancelling a service. In return your IT person is there to ask at any point in the "
            "working day, with no tickets or call-out charges."
        ),
    },
    # monitoring
    {
        "support_model": _BLOCK,
        "dimension": "monitoring",
        "rating": 1,
        "headline": "No watching unless you spend hours on health checks",
        "description": (
            "Block hours pay for a technician's time, not for monitoring software running on your machines. "
            "You can book periodic check-ups out of the block, but between them early signs of trouble will "
            "usually go unseen."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "monitoring",
        "rating": 5,
        "headline": "The provider's monitoring tools watch around the clock",
        "description": (
            "Co-managed plans usually centre on the provider's monitoring platform, which raises alerts on "
            "failing disks, missed backups or suspicious activity at any hour. Either the provider or your own "
            "staff can pick up each alert, so little slips past."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "monitoring",
        "rating": 3,
        "headline": "Someone is watching, mostly in office hours",
        "description": (
            "A capable IT person will set up alerts and keep an eye on servers and backups, provided you also pay "
            "for monitoring tools. Overnight, at weekends and while they are on leave, warnings can sit unread "
            "until they are back."
        ),
    },
    # maintenance
    {
        "support_model": _BLOCK,
        "dimension": "maintenance",
        "rating": 2,
        "headline": "Routine upkeep happens only if you book it from the block",
        "description": (
            "Updates and tidy-ups are not included by default, but prepaid hours make it easier to schedule a "
            "regular maintenance visit than under pure pay-per-job. Whether it actually happens depends on "
            "someone remembering to ask."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "maintenance",
        "rating": 5,
        "headline": "Patching is automated by the provider and checked by your staff",
        "description": (
            "The provider's tools push out updates and security fixes on a schedule, and your own team handles "
            "the awkward machines and local kit. With both sides involved, routine upkeep is rarely skipped, "
            "as long as the split of duties is written down."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "maintenance",
        "rating": 4,
        "headline": "Regular upkeep is part of the job, when urgent work allows",
        "description": (
            "Keeping machines and software up to date is one of the main things an in-house person is paid for. "
            "It tends to slip when they are firefighting or away, because nobody else is there to pick it up."
        ),
    },
    # downtime
    {
        "support_model": _BLOCK,
        "dimension": "downtime",
        "rating": 3,
        "headline": "A promised response within hours, by technicians who know you",
        "description": (
            "Block terms often guarantee a reply within a few working hours, and faster tiers may use up hours "
            "at a higher rate. Because the same firm has seen your setup before, fixes tend to be quicker than "
            "with a stranger, although problems are still only tackled after they stop work."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "downtime",
        "rating": 5,
        "headline": "Someone on site plus a remote helpdesk means short outages",
        "description": (
            "Your own staff can be at the faulty machine in minutes, while the provider can log in remotely, "
            "escalate to specialists and take over when your team is busy. This pairing usually gets people "
            "working again faster than either side could manage alone."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "downtime",
        "rating": 3,
        "headline": "Very quick in office hours, slow when your IT person is away",
        "description": (
            "When they are in, an in-house person can start on a fault almost at once and already knows the "
            "systems. When they are off sick, on holiday or it is the middle of the night, you are back to "
            "waiting for outside help, and a single generalist may get stuck on a complex failure."
        ),
    },
    # cost
    {
        "support_model": _BLOCK,
        "dimension": "cost",
        "rating": 3,
        "headline": "A known prepaid amount, with extra hours billed when you run over",
        "description": (
            "The block itself is a fixed, planned payment at a better rate than ad hoc work. A bad month can "
            "still use it up and bring overtime charges, and hours you never use may be wasted if the terms "
            "let them expire."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "cost",
        "rating": 4,
        "headline": "A steady per-user fee on top of salaries you already pay",
        "description": (
            "The provider's share is a predictable monthly charge, usually lower per user than full managed "
            "support, and salaries are just as steady. Projects, or work that falls outside the agreed split, "
            "can still arrive as extra bills."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "cost",
        "rating": 3,
        "headline": "A steady salary, but a large fixed cost with lumpy extras",
        "description": (
            "Pay and employer's costs are easy to budget for, month after month. On top of them come recruiting "
            "when someone leaves, training, tools and bought-in cover, and for a small organisation the total "
            "is often more than outside support would cost."
        ),
    },
    # scalability
    {
        "support_model": _BLOCK,
        "dimension": "scalability",
        "rating": 3,
        "headline": "Buy a bigger block as you grow, from a firm that knows your setup",
        "description": (
            "New starters and new kit are set up out of the block by technicians who have worked on your "
            "systems, which keeps things consistent. Rapid growth soon eats the hours, though, and nobody plans "
            "the expansion unless you pay them to."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "scalability",
        "rating": 4,
        "headline": "The provider's tools and staff absorb growth beside your team",
        "description": (
            "Adding people mostly means adding them to the monthly fee, and the provider's automation lets new "
            "devices be set up to a standard. Your in-house team can still become the bottleneck for on-site "
            "work if headcount grows quickly."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "scalability",
        "rating": 3,
        "headline": "Grows in steps: each new IT hire covers a few dozen more people",
        "description": (
            "One person can look after a certain number of colleagues; beyond that the service gets stretched "
            "until you recruit again. Hiring takes months, so growth tends to run ahead of support for a while."
        ),
    },
    # partnership
    {
        "support_model": _BLOCK,
        "dimension": "partnership",
        "rating": 2,
        "headline": "A regular firm that knows you, though planning costs hours",
        "description": (
            "Because you keep going back to the same people, they build up an understanding of your setup. "
            "Advice on where your IT should go next is available, but every hour of it comes out of the same "
            "block as your repairs."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "partnership",
        "rating": 4,
        "headline": "Your staff know the business; the provider adds wider experience",
        "description": (
            "Your own team understands the organisation's goals, and the provider brings what it has seen "
            "across many clients. Planning is shared rather than owned by one side, which works well when the "
            "two meet regularly and poorly when they do not."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "partnership",
        "rating": 4,
        "headline": "Someone inside the business who can plan IT around your goals",
        "description": (
            "An employee hears about plans early and can shape IT choices around them, which an outside firm "
            "rarely manages. Their advice is limited by one person's experience, so big decisions may still "
            "need an outside view."
        ),
    },
    # continuity
    {
        "support_model": _BLOCK,
        "dimension": "continuity",
        "rating": 2,
        "headline": "Backups are checked only when you spend hours on it",
        "description": (
            "The firm can set up backups and test a restore if you ask, paid from the block. Nobody watches them "
            "day to day, so a failed backup can go unnoticed until the next booked check."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "continuity",
        "rating": 5,
        "headline": "Managed, monitored backups with local hands to help restore",
        "description": (
            "The provider usually runs the backup service and flags any job that fails, while your staff know "
            "which systems matter most. A recovery plan that both sides have practised gives you a good chance "
            "of being back at work quickly."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "continuity",
        "rating": 3,
        "headline": "Backups looked after, but too much may depend on one person",
        "description": (
            "An in-house person will normally run and check the backups. If they leave suddenly or are "
            "unavailable in a crisis, passwords and recovery steps that live only in their head can slow "
            "everything down."
        ),
    },
    # availability
    {
        "support_model": _BLOCK,
        "dimension": "availability",
        "rating": 2,
        "headline": "Office-hours help is promised; evenings cost more hours",
        "description": (
            "Most block terms cover the working week, and out-of-hours work, where offered, uses up the block "
            "at 1.5 to 2 times the usual rate. There is rarely anyone on call for a weekend "
            "emergency."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "availability",
        "rating": 4,
        "headline": "The provider covers nights, weekends and your staff's days off",
        "description": (
            "Filling the hours your own team cannot work is one of the main reasons to choose co-managed IT. "
            "Check the plan, as some include only daytime helpdesk cover and charge extra for round-the-clock "
            "support."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "availability",
        "rating": 2,
        "headline": "Help during the working day, with gaps for nights and leave",
        "description": (
            "One employee cannot be on call every evening and weekend, and they will take holidays and sick "
            "days. For those times you need outside help, which usually costs extra and may be slow to arrive."
        ),
    },
    # breadth
    {
        "support_model": _BLOCK,
        "dimension": "breadth",
        "rating": 3,
        "headline": "Hours can go on anything the firm offers, if you ask",
        "description": (
            "Firms that sell blocks are often full IT providers, so the hours can cover security, cloud accounts "
            "or networking as well as repairs. Nobody takes charge of the whole picture, though; you decide what "
            "to spend the time on."
        ),
    },
    {
        "support_model": _CO,
        "dimension": "breadth",
        "rating": 4,
        "headline": "Your staff plus the provider's tools and specialists cover most needs",
        "description": (
            "Between them the two teams can handle security, backups, cloud and networks, with specialists to "
            "call on. Because responsibility is split, an area nobody was given can be overlooked, so the "
            "agreement needs to spell out who owns what."
        ),
    },
    {
        "support_model": _IN,
        "dimension": "breadth",
        "rating": 3,
        "headline": "One generalist sees everything, but cannot be expert in all of it",
        "description": (
            "An in-house person looks after the whole setup, so fewer problems fall between suppliers. "
            "Specialist work such as security reviews or complex network changes usually still has to be bought "
            "in."
        ),
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Cost figures: same row shape as figures_2026_11.OPTIONS
# ---------------------------------------------------------------------------------------------------------------

_BF_RATE_SOURCE = "automateanddeploy.com; zerogeeks.com; nophishleftbehind.com"
_BF_RATE_URL = "https://automateanddeploy.com/blog/managed-it-vs-break-fix"
_NO_FEE = "Not applicable: no subscription"

OPTIONS = (
    # ---- Block hours ---------------------------------------------------------------------------------------
    (
        _BLOCK,
        "hourly_rate",
        "Hourly rate for reactive work ($)",
        100,
        150,
        250,
        _BF_RATE_SOURCE,
        _BF_RATE_URL,
        2025,
        True,
        "The firm's normal rate, as for Break/Fix ($75–250 published; we take $150). The block discount is "
        "applied to it separately, and work beyond the block is billed at this full rate.",
    ),
    (
        _BLOCK,
        "hours_per_incident",
        "Hours of work to fix a problem",
        0.75,
        1.25,
        2.5,
        "Our assumption",
        "",
        None,
        False,
        "Between Break/Fix's 1.5 hours (sohowizz.com) and an MSP's hour (MetricNet): a firm that already knows "
        "the setup works faster, and blocks are often billed in 15-minute steps rather than half or whole hours.",
    ),
    (
        _BLOCK,
        "response_delay_hours",
        "Working hours waiting before work starts",
        2,
        4,
        8,
        "khusela.co.za; darron.net; lightpathit.com (block terms)",
        "https://khusela.co.za/services-support/block-of-time",
        None,
        True,
        "Published blocks promise 4 working hours for urgent calls and 2 for emergencies, the faster tiers "
        "using up hours at 1.5–2×; we expect 4 and allow a working day for routine requests.",
    ),
    (
        _BLOCK,
        "after_hours_premium",
        "After-hours rate multiplier",
        1.5,
        1.75,
        2,
        "zerogeeks.com; khusela.co.za",
        "https://zerogeeks.com",
        2025,
        True,
        "Evening and weekend work draws down the block at 1.5–2× the normal rate, as for Break/Fix.",
    ),
    (
        _BLOCK,
        "fee_per_user_month",
        "Monthly fee per user ($)",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "The block is priced in hours, not per user.",
    ),
    (
        _BLOCK,
        "fee_per_device_month",
        "Monthly fee per device ($)",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "The block is priced in hours, not per device.",
    ),
    (
        _BLOCK,
        "minimum_users",
        "Minimum number of users billed",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "The smallest block sets the minimum spend instead (see block_minimum_hours).",
    ),
    (
        _BLOCK,
        "onboarding_months",
        "Onboarding charge, in months of the monthly fee",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "No set-up fee; any first look at the systems is drawn from the block.",
    ),
    (
        _BLOCK,
        "prevented_share",
        "Share of problems prevented by monitoring and upkeep",
        0,
        0.05,
        0.15,
        "Our assumption",
        "",
        None,
        False,
        "No monitoring or scheduled upkeep is included. A regular firm may spot and "
        "fix the cause of repeat faults, so we allow a little (5 %, up to 15 % if hours are spent on check-ups).",
    ),
    (
        _BLOCK,
        "serious_incident_reduction",
        "Share of serious incidents prevented by managed security",
        0,
        0,
        0.1,
        "How block hours work",
        "",
        None,
        False,
        "Nobody manages security; the high end allows for a block partly spent "
        "on turning on multi-factor sign-in and similar controls.",
    ),
    (
        _BLOCK,
        "upkeep_included",
        "Routine upkeep included",
        0,
        0,
        0,
        "How block hours work",
        "",
        None,
        False,
        "Patching and monitoring happen only if booked from the block.",
    ),
    (
        _BLOCK,
        "tooling_included",
        "Security and backup tooling included",
        0,
        0,
        0,
        "How block hours work",
        "",
        None,
        False,
        "Bought separately.",
    ),
    (
        _BLOCK,
        "joiners_included",
        "New starters and leavers included",
        0,
        0,
        0,
        "How block hours work",
        "",
        None,
        False,
        "Drawn from the block's hours.",
    ),
    (
        _BLOCK,
        "backups_managed",
        "Backups set up and restore-tested",
        0,
        0,
        0,
        "How block hours work",
        "",
        None,
        False,
        "Backups stay as you have them unless hours are spent on them.",
    ),
    (
        _BLOCK,
        "block_discount",
        "Discount on the hourly rate for prepaid hours (share)",
        0.10,
        0.15,
        0.20,
        "4it.com.au; darron.net; khusela.co.za",
        "https://4it.com.au/managed-it/small-business-it-support-australian-sme/",
        2026,
        True,
        "4it.com.au puts blocks at 10–15 % below the hourly rate; two small US and South African firms "
        "advertise 20 % or a little more. We take 15 %.",
    ),
    (
        _BLOCK,
        "block_minimum_hours",
        "Hours a month in the smallest block",
        2,
        5,
        10,
        "lightpathit.com; rightclickit.com.au; khusela.co.za",
        "https://www.lightpathit.com/our-services/pre-pay-annual/",
        None,
        True,
        "Smallest blocks found: 5 hours a quarter for a small business (about 2 a month), blocks of 6, 12 "
        "or 24 hours, and 10-hour blocks. As a monthly commitment we take 5 hours.",
    ),
    (
        _BLOCK,
        "unused_hours_expire",
        "Unused hours expire at month end (1) or roll over (0)",
        0,
        0,
        1,
        "khusela.co.za; lightpathit.com; contauro.com; iturway.com",
        "https://khusela.co.za/services-support/block-of-time",
        None,
        True,
        "Most IT blocks we found carry unused hours forward, without limit or for a 12-month term; monthly plans sold "
        "by some MSPs are use-it-or-lose-it. We expect roll-over and show expiry as the high case.",
    ),
    # ---- Co-managed IT -------------------------------------------------------------------------------------
    (
        _CO,
        "hourly_rate",
        "Hourly rate for reactive work ($)",
        0,
        0,
        0,
        "Included in the monthly fee",
        "",
        None,
        False,
        "Helpdesk work on faults is in the fee; projects may be billed on top.",
    ),
    (
        _CO,
        "hours_per_incident",
        "Hours of work to fix a problem",
        0.67,
        1,
        2,
        "MetricNet benchmark via whitehatvirtual.com",
        "https://whitehatvirtual.com",
        2024,
        True,
        "As for an MSP: remote tools, plus staff on site who know the systems.",
    ),
    (
        _CO,
        "response_delay_hours",
        "Working hours waiting before work starts",
        0.25,
        0.5,
        2,
        "MSP service levels (awd.com.au, summitdnc.com, hawkiit.com)",
        "",
        2025,
        True,
        "The provider's helpdesk answers on the same terms as an MSP's; in-house staff are often quicker still.",
    ),
    (
        _CO,
        "after_hours_premium",
        "After-hours rate multiplier",
        1,
        1,
        1,
        "Typical co-managed agreement",
        "",
        None,
        True,
        "Out-of-hours cover is usually the point of the arrangement and within the fee; check the plan.",
    ),
    (
        _CO,
        "fee_per_user_month",
        "Monthly fee per user ($)",
        75,
        105,
        135,
        "makologics.com IT buyer's guide 2026",
        "https://makologics.com/resources/it-buyers-guide",
        2026,
        True,
        "Co-managed plans at $75–135 a user a month, against $110–225 for fully managed; we take the midpoint, $105.",
    ),
    (
        _CO,
        "fee_per_device_month",
        "Monthly fee per device ($)",
        0,
        0,
        0,
        "Priced per user",
        "",
        None,
        False,
        "Per-user plans include each user's devices, as for the MSP figures.",
    ),
    (
        _CO,
        "minimum_users",
        "Minimum number of users billed",
        5,
        10,
        25,
        "Our assumption",
        "",
        None,
        False,
        "Co-managed plans are aimed at organisations large enough to employ IT staff; we assume a minimum like an "
        "MSP's at its higher end, 10 users, and up to 25.",
    ),
    (
        _CO,
        "onboarding_months",
        "Onboarding charge, in months of the monthly fee",
        0,
        0.4,
        1,
        "technoirsolutions.com",
        "https://technoirsolutions.com/services/msp_pricing-examples/",
        2026,
        True,
        "About 40 % of a month's fee, as for an MSP; in-house staff who have documented the setup can make it less.",
    ),
    (
        _CO,
        "requires_it_staff",
        "Needs in-house IT staff alongside",
        1,
        1,
        1,
        "How co-managed IT works",
        "",
        None,
        False,
        "Only applies beside the organisation's own IT staff; with none, it is not ranked.",
    ),
    (
        _CO,
        "prevented_share",
        "Share of problems prevented by monitoring and upkeep",
        0.1,
        0.25,
        0.5,
        "sohowizz.com (vendor claim ~70 %); our discount",
        "https://sohowizz.com",
        2025,
        True,
        "Same tools as an MSP, taken a little lower (25 % against 30 %): upkeep is split between two teams, and "
        "changes made in-house outside the provider's tools can bring back faults it would have caught.",
    ),
    (
        _CO,
        "serious_incident_reduction",
        "Share of serious incidents prevented by managed security",
        0.15,
        0.35,
        0.55,
        "Microsoft (arXiv 2305.00945); our assumption",
        "https://arxiv.org/abs/2305.00945",
        2023,
        False,
        "The same protections as an MSP's (multi-factor sign-in, endpoint protection, email filtering), a little "
        "lower because in-house staff keep administrator rights and may grant exceptions.",
    ),
    (
        _CO,
        "upkeep_included",
        "Routine upkeep included",
        1,
        1,
        1,
        "Typical co-managed agreement",
        "",
        None,
        False,
        "Patching and monitoring by the provider's tools.",
    ),
    (
        _CO,
        "tooling_included",
        "Security and backup tooling included",
        1,
        1,
        1,
        "Typical co-managed agreement",
        "",
        None,
        False,
        "The provider's security and backup products are in the fee.",
    ),
    (
        _CO,
        "joiners_included",
        "New starters and leavers included",
        1,
        1,
        1,
        "How co-managed IT works",
        "",
        None,
        False,
        "Done by the in-house staff, whose cost is the same under every option, with the provider's tools.",
    ),
    (
        _CO,
        "backups_managed",
        "Backups set up and restore-tested",
        1,
        1,
        1,
        "Typical co-managed agreement",
        "",
        None,
        False,
        "The provider runs and monitors backups; restores are tested with the in-house staff.",
    ),
    # ---- In-house IT staff ---------------------------------------------------------------------------------
    (
        _IN,
        "hourly_rate",
        "Hourly rate for reactive work ($)",
        100,
        150,
        250,
        _BF_RATE_SOURCE,
        _BF_RATE_URL,
        2025,
        True,
        "Outside help while the IT person is away or out of hours, at Break/Fix rates ($150 expected).",
    ),
    (
        _IN,
        "hours_per_incident",
        "Hours of work to fix a problem",
        0.5,
        1,
        2,
        "Our assumption",
        "",
        None,
        False,
        "On site and knowing the systems, about as quick as a good service desk (MetricNet's best take about 40 "
        "minutes); a generalist can take longer on unfamiliar faults.",
    ),
    (
        _IN,
        "response_delay_hours",
        "Working hours waiting before work starts",
        0.25,
        0.5,
        1,
        "Our assumption",
        "",
        None,
        False,
        "When the IT person is in, they can usually start within minutes, or within the hour if busy.",
    ),
    (
        _IN,
        "after_hours_premium",
        "After-hours rate multiplier",
        1.5,
        1.75,
        2,
        "zerogeeks.com; bullium.com",
        "https://zerogeeks.com",
        2025,
        True,
        "Out-of-hours help is bought in at 1.5–2× the normal rate (or paid as overtime at a similar premium).",
    ),
    (
        _IN,
        "fee_per_user_month",
        "Monthly fee per user ($)",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "Staff are paid a salary, not a fee per user.",
    ),
    (
        _IN,
        "fee_per_device_month",
        "Monthly fee per device ($)",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "No charge per device.",
    ),
    (
        _IN,
        "minimum_users",
        "Minimum number of users billed",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "No minimum; the smallest step is one IT person.",
    ),
    (
        _IN,
        "onboarding_months",
        "Onboarding charge, in months of the monthly fee",
        0,
        0,
        0,
        _NO_FEE,
        "",
        None,
        False,
        "No fee to scale; the cost of hiring is in recruiting_cost_per_hire.",
    ),
    (
        _IN,
        "prevented_share",
        "Share of problems prevented by monitoring and upkeep",
        0.05,
        0.2,
        0.4,
        "Our assumption",
        "",
        None,
        False,
        "Upkeep is done and repeat faults are known, but one person splits time "
        "with firefighting and watches only in office hours, so below an MSP's 30 %.",
    ),
    (
        _IN,
        "serious_incident_reduction",
        "Share of serious incidents prevented by managed security",
        0.1,
        0.25,
        0.4,
        "Microsoft (arXiv 2305.00945); our assumption",
        "https://arxiv.org/abs/2305.00945",
        2023,
        False,
        "An IT person can enforce multi-factor sign-in and patching, which stop most account and known-flaw attacks; "
        "without a security team or night-time watch, we take 25 % against an MSP's 40 %.",
    ),
    (
        _IN,
        "upkeep_included",
        "Routine upkeep included",
        1,
        1,
        1,
        "How in-house IT works",
        "",
        None,
        False,
        "Patching and checks are part of the job.",
    ),
    (
        _IN,
        "tooling_included",
        "Security and backup tooling included",
        0,
        0,
        0,
        "How in-house IT works",
        "",
        None,
        False,
        "Bought separately.",
    ),
    (
        _IN,
        "joiners_included",
        "New starters and leavers included",
        1,
        1,
        1,
        "How in-house IT works",
        "",
        None,
        False,
        "Setting people up and removing them is part of the job.",
    ),
    (
        _IN,
        "backups_managed",
        "Backups set up and restore-tested",
        1,
        1,
        1,
        "How in-house IT works",
        "",
        None,
        False,
        "The IT person runs the backups and tests restores.",
    ),
    (
        _IN,
        "salary_year",
        "Salary of one IT person a year ($)",
        60340,
        72000,
        96800,
        "US Bureau of Labor Statistics, Occupational Employment and Wage Statistics (May 2024)",
        "https://www.bls.gov/oes/",
        2024,
        False,
        "Medians: computer user support specialist $60,340, network and systems administrator $96,800. A small "
        "organisation's one IT person usually does both, mostly support, so we take $72,000. (UK: about £30,000, "
        "itjobswatch.co.uk, 2025.)",
    ),
    (
        _IN,
        "salary_loading",
        "Employer's on-costs multiplier on salary",
        1.25,
        1.3,
        1.4,
        "serenitllc.com",
        "https://serenitllc.com/blog/in-house-it-vs-msp.html",
        None,
        True,
        "Benefits, payroll taxes and insurance add 25–40 % to salary. BLS employer cost data put benefits at about "
        "30 % of total compensation in US private industry, about 1.4 times wages, our high end. We take 1.3.",
    ),
    (
        _IN,
        "users_per_it_staff",
        "People one IT person can support",
        40,
        80,
        120,
        "planetmagpie.com; our assumption",
        "https://planetmagpie.com/news/magpie-tech-tips/2012/03/02/it-worker-to-employee-ratio",
        2012,
        True,
        "Practitioners' rules of thumb run from one support person for 25 people to one for 100, the latter called a "
        "stretch; whole-IT ratios (1:18 under 500 staff, Mercer/ITAA survey) count developers and managers "
        "too. For a support generalist in a mostly cloud-based office we take 80, with 40 and 120 as the ends.",
    ),
    (
        _IN,
        "recruiting_cost_per_hire",
        "Cost of recruiting one IT person ($)",
        4700,
        9000,
        20000,
        "SHRM: The Real Costs of Recruitment (benchmarking data); our assumption",
        "https://www.shrm.org/mena/topics-tools/news/talent-acquisition/real-costs-recruitment",
        2022,
        False,
        "SHRM's average across all jobs is nearly $4,700. Technical roles are harder to fill, and an agency's fee of "
        "15–25 % of the first year's salary would be $11,000–18,000; we take $9,000.",
    ),
    (
        _IN,
        "staff_leaving_rate",
        "Share of IT staff leaving in a year",
        0.1,
        0.19,
        0.33,
        "SHRM Human Capital Benchmarking Report 2016 (via hrdive.com)",
        "https://hrdive.com/news/latest-shrm-benchmarking-report-offers-data-on-recruiting-salary-and-more/423809",
        2016,
        False,
        "SHRM found 19 % annual turnover across employers. A lone IT person with no team to grow in may leave "
        "sooner, so the high end is about one in three a year.",
    ),
    (
        _IN,
        "training_tools_per_staff_year",
        "Training, certification and admin tools per IT person a year ($)",
        1500,
        3000,
        6000,
        "Our assumption",
        "",
        None,
        False,
        "A course or certification exam or two ($1,000–2,000) plus tools priced per technician, such as remote "
        "management, ticketing and a password vault ($500–4,000).",
    ),
    (
        _IN,
        "away_share",
        "Share of working time the IT person is away",
        0.08,
        0.11,
        0.15,
        "BLS National Compensation Survey (paid leave); our assumption",
        "https://www.bls.gov/ncs/",
        2024,
        False,
        "US private-industry staff get about 11 days' paid leave after a year and 15 or more after five; with four or "
        "five sick days and a few training days that is 20–28 of about 250 working days. UK leave (20 days plus bank "
        "holidays) and longer service push it higher. We take 0.11.",
    ),
    (
        _IN,
        "cover_response_delay_hours",
        "Working hours waiting for bought-in cover",
        2,
        8,
        24,
        "Provider statements (no guaranteed response)",
        "",
        2025,
        True,
        "With the IT person away or out of hours, help is bought from a Break/Fix firm: about a working day's wait.",
    ),
)
