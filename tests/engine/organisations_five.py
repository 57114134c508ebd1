"""Clear-cut organisations for the five-way IT support recommendation.

Written before seeing the tool. Each organisation is one an independent adviser
would not argue about; `expected` lists the answer(s) a careful adviser would
accept. A pair is used only where no adviser would choose between the two.

Rough arithmetic behind the cases (published figures, see shared/FIGURES.md):
MSP about $150 per user a month (so $1,800 per user a year); hourly about $150;
block hours 10-15 % below hourly; one in-house support person about $60k-97k
salary, loaded 1.25-1.4x, so roughly $80k-130k a year; one person cannot cover
nights, weekends, holidays or a security tool stack.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    name: str
    answers: dict  # only the tool's inputs, keys exactly as named; defaults left out
    expected: tuple  # the answer(s) a careful adviser would accept
    why: str


ORGANISATIONS: tuple[Organisation, ...] = (
    # ------------------------------------------------------------------ break-fix
    Organisation(
        name="sole-trader photographer",
        answers=dict(
            industry="other",
            employees=1,
            devices=2,
            incidents_per_month=0.1,
            it_dependence="low",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="One person, two devices, a problem about once a year or so; "
        "any contract or prepaid block would mostly go unused.",
    ),
    Organisation(
        name="two-partner management consultancy",
        answers=dict(
            industry="professional_services",
            employees=2,
            devices=4,
            incidents_per_month=0.2,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="Two people on cloud apps with tested backups and a problem a few "
        "times a year: pay the hour when something breaks.",
    ),
    Organisation(
        name="four-person gift shop",
        answers=dict(
            industry="retail",
            employees=4,
            devices=5,
            incidents_per_month=0.3,
            it_dependence="low",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="Tiny shop, a till and a laptop, about one call a quarter; "
        "$7,200 a year of MSP fees or a monthly block would be wasted.",
    ),
    Organisation(
        name="five-person building contractor",
        answers=dict(
            industry="construction",
            employees=5,
            devices=6,
            incidents_per_month=0.4,
            it_dependence="low",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="Crew works on sites, IT is email and quotes; a few problems a "
        "year, downtime tolerable, owner wants no ongoing spend.",
    ),
    Organisation(
        name="three-volunteer-staff community group",
        answers=dict(
            industry="nonprofit",
            employees=3,
            devices=4,
            incidents_per_month=0.25,
            it_dependence="low",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="Three staff, low reliance on IT, rare problems, every dollar counts: call someone when needed.",
    ),
    Organisation(
        name="six-person cafe",
        answers=dict(
            industry="hospitality",
            employees=6,
            devices=4,
            incidents_per_month=0.4,
            it_dependence="low",
            backup="tested",
            budget_preference="pay_as_you_go",
        ),
        expected=("break-fix",),
        why="Card terminal and a back-office PC, problems a few times a year, "
        "till can fall back to manual: no case for a retainer.",
    ),
    # ---------------------------------------------------------------- block-hours
    Organisation(
        name="12-person charity paying as it goes",
        answers=dict(industry="nonprofit", employees=12, incidents_per_month=1.5, budget_preference="pay_as_you_go"),
        expected=("block-hours",),
        why="A problem or two every month is steady enough to use a small "
        "discounted block with a promised response, while a $1,800 a month "
        "MSP fee is several times the 2-3 hours of work actually needed.",
    ),
    Organisation(
        name="eight-person architecture studio wanting a known rate",
        answers=dict(
            industry="professional_services",
            employees=8,
            incidents_per_month=2,
            backup="tested",
            budget_preference="predictable",
        ),
        expected=("block-hours",),
        why="Wants a known monthly cost and a faster answer than 'when someone "
        "is free' but no long contract; about 3 hours of work a month fits "
        "a block far cheaper than $1,200 a month of per-user fees.",
    ),
    Organisation(
        name="ten-person marketing agency",
        answers=dict(industry="professional_services", employees=10, incidents_per_month=2, backup="tested"),
        expected=("block-hours",),
        why="Regular small requests each month, cloud tools, tested backups, "
        "no regulated data: a block gives the discount and response time "
        "without paying for a full managed stack.",
    ),
    Organisation(
        name="14-person freight forwarder office",
        answers=dict(industry="logistics", employees=14, incidents_per_month=2, budget_preference="predictable"),
        expected=("block-hours",),
        why="Office hours, a couple of problems a month, wants a fixed rate "
        "and a promised response; MSP fees would be about $2,100 a month "
        "for roughly 3 hours of work.",
    ),
    Organisation(
        name="nine-person restaurant with bookings system",
        answers=dict(
            industry="hospitality", employees=9, devices=8, incidents_per_month=1.5, budget_preference="pay_as_you_go"
        ),
        expected=("block-hours",),
        why="A problem or two a month with the bookings and till, wants "
        "someone to answer promptly at a known rate but no contract.",
    ),
    Organisation(
        name="15-person two-shop retailer",
        answers=dict(
            industry="retail",
            employees=15,
            devices=14,
            sites=2,
            incidents_per_month=2.5,
            backup="tested",
            budget_preference="predictable",
        ),
        expected=("block-hours",),
        why="Steady 2-3 problems a month across two shops, no card data held "
        "locally, wants known monthly spend; a block beats hourly on price "
        "and response and costs a fraction of per-user MSP fees.",
    ),
    # ------------------------------------------------------------------------ msp
    Organisation(
        name="12-person dental practice with nobody in IT",
        answers=dict(
            industry="healthcare",
            employees=12,
            devices=20,
            it_dependence="high",
            compliance="strict",
            budget_preference="predictable",
        ),
        expected=("msp",),
        why="Patient records under strict rules, imaging and practice software "
        "it cannot work without, no one in IT: needs monitoring, patching, "
        "security tooling and managed backup, which is what an MSP sells.",
    ),
    Organisation(
        name="25-person accountancy firm",
        answers=dict(
            industry="finance", employees=25, it_dependence="high", compliance="strict", budget_preference="predictable"
        ),
        expected=("msp",),
        why="Regulated client financial data, costly downtime at deadlines, no "
        "IT staff, wants a predictable bill: a managed service.",
    ),
    Organisation(
        name="40-person law firm with no backups",
        answers=dict(industry="legal", employees=40, it_dependence="high", compliance="strict", backup="none"),
        expected=("msp",),
        why="Privileged client files, no backups at all, high dependence and "
        "no IT staff; too small to hire a team that could cover security.",
    ),
    Organisation(
        name="30-person residential care home",
        answers=dict(
            industry="healthcare",
            employees=30,
            devices=45,
            operating_hours="always",
            it_dependence="high",
            compliance="strict",
        ),
        expected=("msp",),
        why="Runs round the clock with care records and medication systems, "
        "strict compliance, no IT staff; only an MSP gives 24/7 cover at "
        "this size.",
    ),
    Organisation(
        name="25-person engineering consultancy on three sites",
        answers=dict(
            industry="professional_services",
            employees=25,
            sites=3,
            it_dependence="high",
            backup="none",
            growth="moderate",
            budget_preference="predictable",
        ),
        expected=("msp",),
        why="Three offices, no backups, heavy reliance on design files, growing, "
        "wants a fixed monthly cost and has nobody in IT.",
    ),
    Organisation(
        name="20-person online retailer open late",
        answers=dict(
            industry="retail",
            employees=20,
            operating_hours="extended",
            it_dependence="critical",
            compliance="moderate",
            budget_preference="predictable",
        ),
        expected=("msp",),
        why="The shop is the website; downtime stops sales, card rules apply, "
        "hours run past business hours and nobody is in IT.",
    ),
    # ---------------------------------------------------------------- co-managed
    Organisation(
        name="90-person clinic group with one IT person",
        answers=dict(
            industry="healthcare",
            employees=90,
            sites=3,
            it_staff=1,
            operating_hours="extended",
            it_dependence="high",
            compliance="strict",
        ),
        expected=("co-managed",),
        why="One IT person cannot cover evenings, holidays and a security stack "
        "for strict health data across three sites; keep them and add an "
        "MSP's tools and helpdesk.",
    ),
    Organisation(
        name="150-person investment firm with two IT staff",
        answers=dict(industry="finance", employees=150, it_staff=2, it_dependence="critical", compliance="strict"),
        expected=("co-managed",),
        why="Two generalists cannot run 24/7 security monitoring and audits "
        "for strict financial rules; co-managed adds that without dropping "
        "the people who know the firm.",
    ),
    Organisation(
        name="70-person law firm with one IT manager",
        answers=dict(industry="legal", employees=70, it_staff=1, it_dependence="high", compliance="strict"),
        expected=("co-managed",),
        why="A single IT manager is a single point of failure and lacks the "
        "security tooling strict client-confidentiality rules demand.",
    ),
    Organisation(
        name="200-person three-shift factory with two IT staff",
        answers=dict(
            industry="manufacturing",
            employees=200,
            devices=300,
            sites=2,
            it_staff=2,
            operating_hours="always",
            it_dependence="high",
        ),
        expected=("co-managed",),
        why="Production runs round the clock but two IT staff work days; "
        "covering nights in-house would take several more hires, an MSP "
        "helpdesk beside them covers it.",
    ),
    Organisation(
        name="120-person logistics depot network with one IT person",
        answers=dict(
            industry="logistics", employees=120, sites=4, it_staff=1, operating_hours="always", it_dependence="high"
        ),
        expected=("co-managed",),
        why="Four depots running 24/7 with one IT person: they need an "
        "out-of-hours helpdesk and monitoring beside their own person.",
    ),
    Organisation(
        name="250-person hotel group with two IT staff",
        answers=dict(
            industry="hospitality",
            employees=250,
            sites=5,
            it_staff=2,
            operating_hours="always",
            it_dependence="high",
            compliance="moderate",
        ),
        expected=("co-managed",),
        why="Five hotels open all night and handling card data; two IT staff "
        "cannot cover nights, holidays and security tooling.",
    ),
    Organisation(
        name="60-person software company with one IT admin, growing fast",
        answers=dict(
            industry="technology",
            employees=60,
            it_staff=1,
            it_dependence="critical",
            compliance="moderate",
            growth="rapid",
        ),
        expected=("co-managed",),
        why="One admin is swamped by onboarding and cannot also run security "
        "monitoring and patching for critical systems; add an MSP's "
        "tools and helpdesk beside them.",
    ),
    # ------------------------------------------------------------------- in-house
    Organisation(
        name="220-person single-site factory with no IT staff",
        answers=dict(industry="manufacturing", employees=220, devices=280, budget_preference="predictable"),
        expected=("in-house",),
        why="Per-user fees would be about $400k a year; two or three support "
        "staff cost well under that for a stable, one-site, office-hours "
        "operation with no regulated data.",
    ),
    Organisation(
        name="180-person independent school with no IT staff",
        answers=dict(industry="education", employees=180, devices=400),
        expected=("in-house",),
        why="Term-time business hours, one site, stable; about $325k a year "
        "of MSP fees against two technicians on site every day.",
    ),
    Organisation(
        name="250-person distribution centre quoted a high MSP fee",
        answers=dict(industry="logistics", employees=250, devices=350, msp_fee_per_user=170),
        expected=("in-house",),
        why="A $510k a year MSP quote for one stable office-hours site buys "
        "three full-time staff with change to spare.",
    ),
    Organisation(
        name="3,000-person university with a 35-strong IT department",
        answers=dict(
            industry="education",
            employees=3000,
            it_staff=35,
            operating_hours="extended",
            it_dependence="high",
            compliance="moderate",
        ),
        expected=("in-house",),
        why="A full IT department at a normal ratio; outsourcing a per-user "
        "helpdesk for 3,000 people would cost millions a year on top of "
        "staff they already have.",
    ),
    Organisation(
        name="1,500-person manufacturer with 16 IT staff",
        answers=dict(
            industry="manufacturing",
            employees=1500,
            sites=3,
            it_staff=16,
            operating_hours="extended",
            it_dependence="high",
        ),
        expected=("in-house",),
        why="A team large enough to run rotas and specialists; per-user MSP "
        "or co-managed fees at this size are far above the cost of the "
        "team already in place.",
    ),
    Organisation(
        name="5,000-person public body with 60 IT staff",
        answers=dict(
            industry="public_sector", employees=5000, sites=8, it_staff=60, it_dependence="high", compliance="moderate"
        ),
        expected=("in-house",),
        why="A mature in-house department; a per-user service for 5,000 people makes no sense beside it.",
    ),
    # ---------------------------------------------- pairs no adviser would split
    Organisation(
        name="300-person firm with four IT staff",
        answers=dict(industry="professional_services", employees=300, it_staff=4),
        expected=("co-managed", "in-house"),
        why="A working IT team at a normal ratio; topping it up with an MSP's "
        "tools or hiring a fifth person are both sound.",
    ),
    Organisation(
        name="500-person insurer with six IT staff",
        answers=dict(industry="finance", employees=500, it_staff=6, it_dependence="high", compliance="moderate"),
        expected=("co-managed", "in-house"),
        why="A capable team; whether to buy security tooling from an MSP or "
        "hire a security specialist is a matter of taste.",
    ),
    Organisation(
        name="100-person nonprofit with no IT staff",
        answers=dict(industry="nonprofit", employees=100, incidents_per_month=8, it_dependence="low"),
        expected=("co-managed", "in-house"),
        why="About $180k a year of per-user fees against one support person "
        "at well under half that; hire, with or without an MSP's tools "
        "beside them.",
    ),
    Organisation(
        name="160-person construction firm office with no IT staff",
        answers=dict(industry="construction", employees=160, devices=220, msp_fee_per_user=175),
        expected=("co-managed", "in-house"),
        why="A $336k a year MSP quote for office-hours, stable, unregulated "
        "work; two hires cost far less, and a light co-managed tool set "
        "beside them is equally sensible.",
    ),
)
