"""Organisations whose Break/Fix-or-MSP answer no careful adviser would argue about.

Written by an independent IT-support adviser *before* seeing the tool, as expected
answers. Each entry gives only the answers that differ from the defaults:

    sites 1, it_staff 0, operating_hours "business_hours", budget_preference
    "no_preference", growth "stable", compliance "none", backup "partial",
    it_dependence "medium"; devices, incidents_per_month, downtime_cost_per_hour,
    hourly_rate and msp_fee_per_user None (estimated / published ~$150).

Deliberately absent (advisers would argue, so they are not expected answers):
  * sole traders or two-to-three-person firms holding strict regulated data
    (a lone bookkeeper, therapist or solicitor): some advisers say "MSP for the
    security stack", others "one-off set-up of cloud backup and MFA, then
    Break/Fix" -- and many MSPs will not take one user;
  * 5-15 person offices with medium dependence, a few problems a month, no
    regulated data and no stated budget preference -- the classic grey zone where
    block hours are the usual advice;
  * very small firms whose only MSP signal is "predictable budget";
  * e-commerce shops whose critical systems are all SaaS-hosted;
  * 100-250 person firms with no IT staff but low dependence (co-managed or
    block-hour arguments either way);
  * anyone with >= 2 FTE in-house IT or over 250 people (different kind of answer).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    name: str  # e.g. "sole-trader-bookkeeper"
    answers: dict  # only the tool's inputs, keys exactly as named; defaults left out
    expected: str  # "break-fix" or "msp"
    why: str  # one or two sentences of an adviser's reasoning


ORGANISATIONS: tuple[Organisation, ...] = (
    # ------------------------------------------------------------------
    # Break/Fix, 1-9 people
    # ------------------------------------------------------------------
    Organisation(
        name="sole-trader-graphic-designer",
        answers=dict(
            industry="professional_services",
            employees=1,
            devices=2,
            incidents_per_month=0.1,
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="One person, one laptop and a phone, a problem about once a year and tested "
        "backups: a monthly contract would cost far more than the odd hour of help.",
    ),
    Organisation(
        name="sole-trader-electrician",
        answers=dict(
            industry="construction",
            employees=1,
            devices=2,
            incidents_per_month=0.05,
            it_dependence="low",
            downtime_cost_per_hour=50,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="The work is on site with tools, not computers; a broken phone or laptop is an "
        "inconvenience, and one call a year is all the IT support needed.",
    ),
    Organisation(
        name="two-person-cafe",
        answers=dict(
            industry="hospitality",
            employees=2,
            devices=3,
            incidents_per_month=0.2,
            it_dependence="low",
            downtime_cost_per_hour=80,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="The card terminal is supported by the payment provider and the cafe can trade "
        "without its laptop; a couple of problems a year do not justify a per-user fee.",
    ),
    Organisation(
        name="two-person-software-studio",
        answers=dict(
            industry="technology",
            employees=2,
            devices=4,
            incidents_per_month=0.1,
            backup="tested",
            growth="moderate",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Two developers who support themselves, keep code in hosted repositories and need "
        "outside help perhaps once a year; modest growth to four or five people changes nothing.",
    ),
    Organisation(
        name="three-person-farm-shop",
        answers=dict(
            industry="retail",
            employees=3,
            devices=4,
            incidents_per_month=0.3,
            it_dependence="low",
            compliance="moderate",
            downtime_cost_per_hour=100,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="A customer mailing list is ordinary personal data, not a reason for managed "
        "services; the shop sells without IT and has a handful of problems a year.",
    ),
    Organisation(
        name="three-person-courier-owner-drivers",
        answers=dict(
            industry="logistics",
            employees=3,
            devices=4,
            incidents_per_month=0.2,
            it_dependence="low",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Phones and one office PC for invoicing; jobs are booked by phone and nothing "
        "stops if the PC is down for a day.",
    ),
    Organisation(
        name="four-person-architect-studio",
        answers=dict(
            industry="professional_services",
            employees=4,
            devices=8,
            incidents_per_month=0.6,
            backup="tested",
            downtime_cost_per_hour=400,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Few people, cloud file storage with tested restores and a problem every couple of "
        "months: paying by the hour costs a fraction of a monthly contract.",
    ),
    Organisation(
        name="four-person-hair-salon",
        answers=dict(
            industry="other",
            employees=4,
            devices=3,
            incidents_per_month=0.2,
            it_dependence="low",
            compliance="moderate",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Bookings live in a hosted app and the salon keeps cutting hair if the tablet "
        "fails; occasional hourly help is the sensible arrangement.",
    ),
    Organisation(
        name="five-person-charity-shop",
        answers=dict(
            industry="nonprofit",
            employees=5,
            devices=4,
            incidents_per_month=0.3,
            it_dependence="low",
            growth="shrinking",
            budget_preference="pay_as_you_go",
            hourly_rate=90,
        ),
        expected="break-fix",
        why="A small, shrinking, volunteer-heavy shop with little IT and a discounted hourly "
        "rate; a monthly fee would be money taken from the cause for nothing it needs.",
    ),
    Organisation(
        name="six-person-joinery-workshop",
        answers=dict(
            industry="manufacturing",
            employees=6,
            devices=6,
            incidents_per_month=0.5,
            it_dependence="low",
            downtime_cost_per_hour=150,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="The machines are not networked and the office PCs handle quotes and invoices; "
        "a problem every other month is cheap to fix by the hour.",
    ),
    Organisation(
        name="eight-person-plumbing-firm",
        answers=dict(
            industry="construction",
            employees=8,
            devices=12,
            incidents_per_month=0.8,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Field engineers on phones and a cloud job-management app with tested backups; "
        "under one call a month does not justify eight per-user fees.",
    ),
    # ------------------------------------------------------------------
    # Break/Fix, 10-24 people
    # ------------------------------------------------------------------
    Organisation(
        name="twelve-person-landscaping-company",
        answers=dict(
            industry="construction",
            employees=12,
            devices=16,
            incidents_per_month=1.0,
            it_dependence="low",
            backup="tested",
            downtime_cost_per_hour=300,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Mostly outdoor crews using phones, about one IT problem a month and tested "
        "backups: roughly $3k a year by the hour against over $20k a year for an MSP.",
    ),
    Organisation(
        name="fifteen-person-family-restaurant",
        answers=dict(
            industry="hospitality",
            employees=15,
            devices=6,
            incidents_per_month=0.8,
            it_dependence="low",
            operating_hours="extended",
            downtime_cost_per_hour=200,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="Most staff barely touch IT, the till is supported by its vendor and the kitchen "
        "runs on paper tickets if needed; evening hours do not make a per-user contract worthwhile.",
    ),
    Organisation(
        name="eighteen-person-joinery-with-part-time-admin",
        answers=dict(
            industry="manufacturing",
            employees=18,
            devices=14,
            it_staff=0.5,
            incidents_per_month=1.0,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="A capable part-time administrator handles first-line issues and backups are "
        "tested; outside help is needed about once a month, which is plainly cheaper by the hour.",
    ),
    Organisation(
        name="twenty-person-volunteer-charity",
        answers=dict(
            industry="nonprofit",
            employees=20,
            devices=12,
            incidents_per_month=1.0,
            it_dependence="low",
            compliance="moderate",
            backup="tested",
            budget_preference="pay_as_you_go",
            hourly_rate=100,
        ),
        expected="break-fix",
        why="Volunteers on shared laptops, donor records in a hosted CRM with tested backups "
        "and a cheap charity hourly rate; a monthly fee per volunteer would be poor value.",
    ),
    Organisation(
        name="twenty-person-design-agency-expensive-msp-quote",
        answers=dict(
            industry="professional_services",
            employees=20,
            devices=30,
            incidents_per_month=3.0,
            backup="tested",
            hourly_rate=90,
            msp_fee_per_user=300,
        ),
        expected="break-fix",
        why="With their own quotes of $90 an hour against $300 per user per month, three "
        "problems a month cost about $5k a year by the hour versus $72k for the MSP.",
    ),
    # ------------------------------------------------------------------
    # Break/Fix, 25-99 people (in-house first line, low dependence)
    # ------------------------------------------------------------------
    Organisation(
        name="twenty-six-person-consultancy-with-it-person-and-pricey-quote",
        answers=dict(
            industry="professional_services",
            employees=26,
            it_staff=1,
            incidents_per_month=2.0,
            backup="tested",
            hourly_rate=110,
            msp_fee_per_user=280,
        ),
        expected="break-fix",
        why="A full-time IT person already patches, backs up and answers the helpdesk; the "
        "two escalations a month cost about $4k a year, against $87k for the quoted MSP.",
    ),
    Organisation(
        name="twenty-eight-person-nonprofit-with-it-officer",
        answers=dict(
            industry="nonprofit",
            employees=28,
            it_staff=1,
            incidents_per_month=1.5,
            it_dependence="low",
            compliance="moderate",
            backup="tested",
            budget_preference="pay_as_you_go",
            hourly_rate=95,
        ),
        expected="break-fix",
        why="An in-house IT officer covers day-to-day support for low-dependence work; "
        "specialist help a couple of times a month is far cheaper bought by the hour.",
    ),
    Organisation(
        name="forty-person-manufacturer-with-it-manager",
        answers=dict(
            industry="manufacturing",
            employees=40,
            it_staff=1,
            incidents_per_month=2.0,
            it_dependence="low",
            backup="tested",
            downtime_cost_per_hour=800,
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="The IT manager runs monitoring, patching and tested backups; production does not "
        "depend on office IT, so occasional specialist hours beat a $72k-a-year contract.",
    ),
    Organisation(
        name="forty-five-person-farm-cooperative",
        answers=dict(
            industry="other",
            employees=45,
            it_staff=1,
            incidents_per_month=2.5,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
            msp_fee_per_user=220,
        ),
        expected="break-fix",
        why="One in-house IT person, field-based members with little reliance on IT and an "
        "MSP quote of $220 per user: the contract would buy services they already have.",
    ),
    Organisation(
        name="sixty-person-builder-with-it-coordinator-shrinking",
        answers=dict(
            industry="construction",
            employees=60,
            devices=70,
            it_staff=1,
            incidents_per_month=3.0,
            it_dependence="low",
            backup="tested",
            growth="shrinking",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="A shrinking firm with a full-time IT coordinator, mostly site-based staff and "
        "tested backups; a few escalations a month are cheap by the hour.",
    ),
    Organisation(
        name="eighty-person-plant-with-it-team-of-one-and-a-half",
        answers=dict(
            industry="manufacturing",
            employees=80,
            it_staff=1.5,
            incidents_per_month=4.0,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected="break-fix",
        why="One and a half in-house IT staff handle daily support and backups; the few "
        "problems they escalate cost a few thousand dollars a year by the hour, not $144k.",
    ),
    # ------------------------------------------------------------------
    # Break/Fix, 100-250 people
    # ------------------------------------------------------------------
    Organisation(
        name="hundred-and-five-person-shrinking-factory-with-it-staff",
        answers=dict(
            industry="manufacturing",
            employees=105,
            it_staff=1.5,
            incidents_per_month=6.0,
            it_dependence="low",
            backup="tested",
            growth="shrinking",
            budget_preference="pay_as_you_go",
            msp_fee_per_user=200,
        ),
        expected="break-fix",
        why="In-house staff already run the estate, backups are tested and IT is not on the "
        "critical path; $250k a year for an MSP against about $16k of escalations is no contest.",
    ),
    # ------------------------------------------------------------------
    # MSP, 1-9 people (risk answers decide it)
    # ------------------------------------------------------------------
    Organisation(
        name="five-person-law-firm-no-backups",
        answers=dict(
            industry="legal",
            employees=5,
            devices=8,
            incidents_per_month=2.0,
            it_dependence="high",
            compliance="strict",
            backup="none",
            downtime_cost_per_hour=1500,
        ),
        expected="msp",
        why="Confidential client files with no backup at all and work that stops without IT: "
        "one ransomware attack would be existential, so managed backup, patching and "
        "security are worth far more than the fee.",
    ),
    Organisation(
        name="six-person-accountancy-no-backups",
        answers=dict(
            industry="finance",
            employees=6,
            devices=10,
            incidents_per_month=2.0,
            it_dependence="high",
            compliance="strict",
            backup="none",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Clients' financial records, no backups, and a practice that stops when IT stops: "
        "the risk, not the ticket count, makes a managed service clear.",
    ),
    Organisation(
        name="eight-person-dental-practice",
        answers=dict(
            industry="healthcare",
            employees=8,
            devices=14,
            incidents_per_month=4.0,
            it_dependence="high",
            compliance="strict",
            downtime_cost_per_hour=2000,
            budget_preference="predictable",
        ),
        expected="msp",
        why="Patient records and imaging under health-privacy law, untested backups and "
        "appointments that stop when the system does: monitoring, security and "
        "restore-tested backup are needed continuously, not after a breach.",
    ),
    Organisation(
        name="nine-person-insurance-broker-growing",
        answers=dict(
            industry="finance",
            employees=9,
            devices=16,
            incidents_per_month=4.0,
            it_dependence="high",
            compliance="strict",
            growth="moderate",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Regulated financial data, high dependence, steady growth and a wish for "
        "predictable costs: every signal points the same way.",
    ),
    # ------------------------------------------------------------------
    # MSP, 10-24 people
    # ------------------------------------------------------------------
    Organisation(
        name="ten-person-office-cheap-msp-dear-hourly",
        answers=dict(
            industry="professional_services",
            employees=10,
            incidents_per_month=5.0,
            hourly_rate=200,
            msp_fee_per_user=70,
            budget_preference="predictable",
        ),
        expected="msp",
        why="With their own quotes, five problems a month cost about $18k a year at $200 an "
        "hour against $8.4k for the MSP, which also adds prevention and a fixed budget.",
    ),
    Organisation(
        name="twelve-person-medical-clinic",
        answers=dict(
            industry="healthcare",
            employees=12,
            devices=24,
            incidents_per_month=6.0,
            it_dependence="high",
            compliance="strict",
            operating_hours="extended",
            downtime_cost_per_hour=3000,
        ),
        expected="msp",
        why="Health records, evening clinics and patients turned away when systems fail: a "
        "clinic this size needs managed security, backup and guaranteed response.",
    ),
    Organisation(
        name="fifteen-person-office-dear-hourly-cheap-msp",
        answers=dict(
            industry="professional_services",
            employees=15,
            incidents_per_month=8.0,
            compliance="moderate",
            hourly_rate=250,
            msp_fee_per_user=80,
        ),
        expected="msp",
        why="Their own quotes settle it: eight problems a month at $250 an hour is about $36k "
        "a year, against $14.4k for an MSP that would also prevent many of them.",
    ),
    Organisation(
        name="eighteen-person-consultancy-rapid-growth",
        answers=dict(
            industry="professional_services",
            employees=18,
            devices=30,
            sites=2,
            incidents_per_month=6.0,
            it_dependence="high",
            compliance="moderate",
            growth="rapid",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Doubling headcount across two offices with no IT staff needs standard onboarding, "
        "security and support that scale; ad-hoc fixes would leave a mess.",
    ),
    Organisation(
        name="twenty-person-residential-care-home",
        answers=dict(
            industry="healthcare",
            employees=20,
            devices=25,
            incidents_per_month=6.0,
            it_dependence="high",
            compliance="strict",
            operating_hours="always",
            downtime_cost_per_hour=1500,
        ),
        expected="msp",
        why="Care records and medication systems used around the clock with no IT staff: "
        "24/7 cover and managed backup are basic duties of care, not extras.",
    ),
    Organisation(
        name="twenty-two-person-law-firm",
        answers=dict(
            industry="legal",
            employees=22,
            devices=40,
            incidents_per_month=10.0,
            it_dependence="high",
            compliance="strict",
            backup="tested",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Even with tested backups, a firm this size holding privileged client records and "
        "stopping when IT stops needs continuous patching, security tooling and a helpdesk.",
    ),
    Organisation(
        name="twenty-four-person-hotel-24-7",
        answers=dict(
            industry="hospitality",
            employees=24,
            devices=40,
            incidents_per_month=8.0,
            it_dependence="high",
            compliance="moderate",
            operating_hours="always",
            downtime_cost_per_hour=2500,
        ),
        expected="msp",
        why="Bookings, key cards and guest Wi-Fi run day and night; a Break/Fix provider "
        "answering at best next business day cannot cover a 24/7 operation.",
    ),
    # ------------------------------------------------------------------
    # MSP, 25-99 people
    # ------------------------------------------------------------------
    Organisation(
        name="thirty-person-health-charity-no-it-staff",
        answers=dict(
            industry="nonprofit", employees=30, incidents_per_month=10.0, compliance="strict", msp_fee_per_user=90
        ),
        expected="msp",
        why="Clients' health records, untested backups and no IT staff: the strict data is "
        "what decides it, and a charity-discounted quote removes the cost objection.",
    ),
    Organisation(
        name="thirty-five-person-accounting-firm",
        answers=dict(
            industry="finance",
            employees=35,
            devices=60,
            incidents_per_month=15.0,
            it_dependence="high",
            compliance="strict",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Regulated financial records, heavy reliance on IT, a steady flow of problems and "
        "no IT staff: the textbook managed-services client.",
    ),
    Organisation(
        name="forty-person-logistics-depot-24-7",
        answers=dict(
            industry="logistics",
            employees=40,
            devices=70,
            sites=2,
            incidents_per_month=15.0,
            it_dependence="critical",
            operating_hours="always",
            downtime_cost_per_hour=8000,
        ),
        expected="msp",
        why="Dispatch stops when IT stops, around the clock, at two sites; only a provider "
        "with monitoring and 24/7 response can protect $8k an hour of downtime.",
    ),
    Organisation(
        name="fifty-person-marketing-agency",
        answers=dict(
            industry="professional_services",
            employees=50,
            devices=90,
            incidents_per_month=25.0,
            it_dependence="high",
            compliance="moderate",
            growth="moderate",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Fifty people with no IT staff and twenty-five problems a month are already "
        "paying for an IT department piecemeal, with nobody preventing the problems.",
    ),
    Organisation(
        name="sixty-person-retailer-six-stores",
        answers=dict(
            industry="retail",
            employees=60,
            devices=80,
            sites=6,
            incidents_per_month=20.0,
            it_dependence="high",
            compliance="moderate",
            operating_hours="extended",
        ),
        expected="msp",
        why="Six shops open evenings and weekends with no IT staff: remote monitoring and "
        "management beat sending someone by the hour to each store.",
    ),
    Organisation(
        name="seventy-five-person-manufacturer-no-backups",
        answers=dict(
            industry="manufacturing",
            employees=75,
            devices=110,
            incidents_per_month=20.0,
            it_dependence="high",
            backup="none",
            downtime_cost_per_hour=6000,
        ),
        expected="msp",
        why="No backups, no IT staff and production planning that stops when IT stops: one "
        "ransomware hit could halt the plant for weeks.",
    ),
    Organisation(
        name="ninety-person-private-school",
        answers=dict(
            industry="education",
            employees=90,
            devices=300,
            it_staff=0.5,
            incidents_per_month=30.0,
            it_dependence="high",
            compliance="moderate",
        ),
        expected="msp",
        why="Hundreds of devices, children's personal data and daily teaching on IT with only "
        "half a technician: far too much for call-outs to handle.",
    ),
    # ------------------------------------------------------------------
    # MSP, 100-250 people
    # ------------------------------------------------------------------
    Organisation(
        name="hundred-and-ten-person-local-authority-office",
        answers=dict(
            industry="public_sector",
            employees=110,
            it_staff=1,
            incidents_per_month=40.0,
            it_dependence="high",
            compliance="moderate",
            sites=2,
            budget_preference="predictable",
        ),
        expected="msp",
        why="One IT person cannot support 110 people across two sites with forty problems a "
        "month; the public purse also needs a predictable, contracted cost.",
    ),
    Organisation(
        name="hundred-and-twenty-person-engineering-consultancy",
        answers=dict(
            industry="professional_services",
            employees=120,
            devices=220,
            incidents_per_month=50.0,
            it_dependence="high",
            compliance="moderate",
            downtime_cost_per_hour=15000,
        ),
        expected="msp",
        why="120 people with no IT staff, fifty problems a month and $15k an hour of downtime: "
        "Break/Fix would cost more and protect nothing.",
    ),
    Organisation(
        name="hundred-and-fifty-person-private-clinic-group",
        answers=dict(
            industry="healthcare",
            employees=150,
            sites=3,
            it_staff=1,
            incidents_per_month=60.0,
            it_dependence="critical",
            compliance="strict",
            operating_hours="always",
        ),
        expected="msp",
        why="Patient care around the clock at three sites with health data and one IT person: "
        "24/7 monitoring, security and response are non-negotiable.",
    ),
    Organisation(
        name="hundred-and-eighty-person-tech-firm-rapid-growth",
        answers=dict(
            industry="technology",
            employees=180,
            devices=400,
            it_staff=1,
            incidents_per_month=50.0,
            it_dependence="critical",
            compliance="moderate",
            growth="rapid",
            budget_preference="predictable",
        ),
        expected="msp",
        why="Rapid hiring, critical dependence on IT and a single IT person: onboarding, "
        "security and support must scale faster than they can hire.",
    ),
    Organisation(
        name="two-hundred-person-wealth-manager",
        answers=dict(
            industry="finance",
            employees=200,
            sites=3,
            it_staff=1,
            incidents_per_month=80.0,
            it_dependence="high",
            compliance="strict",
            downtime_cost_per_hour=30000,
        ),
        expected="msp",
        why="Regulated client money and records, three offices, eighty problems a month and "
        "one IT person: managed security and support are an obligation, not a choice.",
    ),
    Organisation(
        name="two-hundred-and-fifty-person-freight-operator-24-7",
        answers=dict(
            industry="logistics",
            employees=250,
            sites=5,
            it_staff=1.5,
            incidents_per_month=100.0,
            it_dependence="critical",
            compliance="moderate",
            operating_hours="always",
            downtime_cost_per_hour=25000,
        ),
        expected="msp",
        why="Five sites running 24/7 where everything stops without IT and only 1.5 IT staff: "
        "round-the-clock monitoring and response are essential.",
    ),
)


DIRECTIONS: list[str] = [
    # Size and estate
    "More people using IT, with IT problems a month and downtime cost left for the tool to "
    "estimate, never makes MSP less attractive.",
    "More people with IT problems a month and downtime cost fixed by the user has no "
    "guaranteed direction: the per-user MSP bill grows, but so do the accounts and devices "
    "to secure. Size must not be the only thing deciding such a case.",
    "More devices for the same people never makes MSP less attractive: more to patch, "
    "monitor and secure, and more to go wrong.",
    "More sites never makes MSP less attractive: Break/Fix visits and travel multiply, while "
    "remote monitoring and management cover every site at once.",
    # In-house staff
    "More in-house IT staff (from 0 up to just under 2 FTE) never makes MSP more attractive: "
    "an in-house person is the first line of support and does much of what an MSP sells.",
    # Workload and impact
    "More IT problems a month never makes MSP less attractive.",
    "A higher cost per hour of downtime never makes MSP less attractive.",
    "Longer operating hours (business hours, then extended, then always/24-7) never make MSP "
    "less attractive: Break/Fix offers no guaranteed out-of-hours response.",
    "Greater dependence on IT (low, medium, high, critical) never makes MSP less attractive.",
    # Risk
    "Stricter regulated data (none, then moderate, then strict) never makes MSP less attractive.",
    "Weaker backups (tested, then partial, then none) never make MSP less attractive: "
    "managed, restore-tested backup is worth more the less you have.",
    # Future and budget
    "Faster growth (shrinking, stable, moderate, rapid) never makes MSP less attractive.",
    "Moving budget preference from pay-as-you-go to no preference to predictable never makes MSP less attractive.",
    # Quotes
    "A higher Break/Fix hourly rate never makes MSP less attractive.",
    "A higher MSP fee per user never makes MSP more attractive.",
    "Typing in quotes equal to the published defaults (about $150 an hour, about $150 per "
    "user per month) should give the same answer as leaving them blank; likewise typing in "
    "the tool's own estimate for devices, incidents or downtime cost.",
    # No direction
    "Industry on its own has no direction: it may shape the estimates used when downtime "
    "cost or compliance is left out, but when the user gives compliance and downtime cost, "
    "changing only the industry should not flip the answer.",
]
