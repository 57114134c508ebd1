"""Organisations with the IT-support option that costs least all told: bills + lost work + serious incidents.

Written 2026-12-06 by an independent IT-support adviser (US small and mid-sized organisations), blind: before
seeing how the tool decides, from the tool's questions (advisor/engine/answers.py), the file format of
tests/engine/organisations_five.py and the published figures in shared/FIGURES.md only. No engine, content,
test or scoring code was read. `expected` holds the option(s) a careful adviser would accept once every cost
is counted honestly over three years; a pair means two options land within the error of these estimates.

Rough arithmetic (all figures from shared/FIGURES.md; most price figures are vendor claims, so ranges):
- Break/Fix: about $150 an hour (automateanddeploy.com $100-200 on-site; zerogeeks.com $125-250), about 1.5
  billed hours a problem (sohowizz.com worked example: 100 tickets, 1.5 h each), so about $225 a call;
  after hours 1.5-2x (zerogeeks.com). No monitoring, no patch cadence, "no guaranteed response time".
- Block hours: 10-15 % below the hourly rate (4it.com.au), so about $130 an hour; worth it only when use is
  steady enough that few prepaid hours lapse; a retainer client usually gets priority over ad-hoc callers.
- MSP: $110-160 a user a month business hours, $165-225 for 24/7 with security (makologics.com, 2026). I use
  $150 (business hours), $165 (extended) and $195 (24/7): $1,800 / $1,980 / $2,340 a user a year. Minimums
  (e.g. 10 users) and higher prices for very small clients (FIGURES, practitioners).
- Co-managed: $75-135 a user a month (makologics.com); I use $105, $1,260 a user a year, on top of the staff.
- In-house: support specialist median $60,340, systems administrator $96,800 (BLS, May 2024), loaded
  1.25-1.4x: about $80-130k, I use about $100k a person a year, plus roughly $15-25 a user a month of tools
  (RMM, EDR, backup). One person cannot cover nights, weekends, leave or a security stack; a 24/7 on-call rota
  needs at least three or four people (layerlogix.com prices the uncovered nights).
- Lost work: MetricNet (via whitehatvirtual.com): staff of top-quartile service desks lose about 18 h a year,
  bottom quartile about 46 h; repair 40 min vs 5 h. Fixify: 22 % of tickets stop someone working. Wages alone
  about $30 an employee-hour loaded (BLS); $100-200 once lost revenue is counted (probax.io). I take a
  reactive, unmonitored set-up to lose roughly 25-30 h more per heavily IT-dependent person a year than a
  managed one, much less where IT dependence is low.
- Prevention: no independent figure; vendors claim 60-80 % fewer incidents (sohowizz.com, 75 % in one
  calculator). I assume about half the avoidable incidents and outages are prevented by monitoring/patching.
- Serious incidents: about 1.48 % of insured small firms claim a year, average loss about $115k, ransomware
  about $292k (Coalition 2025); an unresolved critical vulnerability makes a claim about 33 % likelier,
  end-of-life software about 3x (Coalition 2023). No tested backup turns an incident into permanent data loss;
  strict compliance (HIPAA, PCI, client files) adds notification and penalty costs. I put an unmanaged firm at
  roughly 2-3x the managed rate of a costly incident, so about $2-8k a year of expected loss for a 10-50 person
  firm without tested backups, less for a sole trader whose records sit with a cloud vendor.
- Budget preference: "predictable" can tilt by at most 10 % of an option's three-year bills, so it only
  decides between options already close (mostly block hours vs Break/Fix).

Where an owner would not know a figure (downtime per hour for a cafe or a farm; outside-help problems for an
organisation with its own IT staff, who handle most problems themselves) the answer is left blank.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    name: str
    answers: dict  # only the tool's inputs, keys exactly as named in answers.py; defaults left out
    expected: tuple  # the answer(s) a careful adviser would accept
    why: str  # two or three sentences with the rough money: why this option costs least all told


ORGANISATIONS: tuple[Organisation, ...] = (
    # ------------------------------------------------------------------ break-fix
    Organisation(
        name="Solo management consultant working from cloud apps",
        answers={
            "industry": "professional_services",
            "employees": 1,
            "devices": 3,
            "incidents_per_month": 0.1,
            "downtime_cost_per_hour": 150,
            "backup": "tested",
            "budget_preference": "pay_as_you_go",
        },
        expected=("break-fix",),
        why="About one call a year at ~$225 is under $1k over three years, plus a few hours of lost work. An MSP "
        "seat is at least $1,800 a year ($5.4k over three years, more with small-client minimums) and a "
        "monthly block would lapse almost entirely; there is little data at risk with tested cloud backups.",
    ),
    Organisation(
        name="Three-person landscaping crew",
        answers={
            "industry": "construction",
            "employees": 3,
            "devices": 6,
            "incidents_per_month": 0.2,
            "downtime_cost_per_hour": 100,
            "it_dependence": "low",
            "budget_preference": "pay_as_you_go",
        },
        expected=("break-fix",),
        why="Two or three calls a year cost about $500 a year, roughly $1.6k over three years, and work carries "
        "on in the field while a laptop is fixed, so lost work is a few hundred dollars. MSP would bill about "
        "$16k over three years for three seats; a block of hours would mostly go unused.",
    ),
    Organisation(
        name="Neighbourhood cafe with a processor-supplied card terminal",
        answers={
            "industry": "hospitality",
            "employees": 4,
            "devices": 5,
            "incidents_per_month": 0.2,
            "operating_hours": "extended",
            "it_dependence": "low",
        },
        expected=("break-fix",),
        why="Two or three problems a year, some after hours at 1.5-2x, come to well under $1k a year; the card "
        "terminal is the processor's and the till falls back to cash, so an outage costs little. An MSP at "
        "about $165 a seat is roughly $24k over three years, for problems that barely happen.",
    ),
    Organisation(
        name="Solo licensed therapist with a cloud records system",
        answers={
            "industry": "healthcare",
            "employees": 1,
            "devices": 2,
            "incidents_per_month": 0.1,
            "downtime_cost_per_hour": 120,
            "compliance": "strict",
            "backup": "tested",
            "budget_preference": "pay_as_you_go",
        },
        expected=("break-fix",),
        why="The health records live with a cloud vendor under its own agreement; one laptop and a phone need "
        "about a call a year (~$225). Even doubling a small practice's chance of a costly incident (~1.5 % a "
        "year at tens of thousands of dollars) adds only a few hundred dollars a year, far below an MSP seat's "
        "$1,800-3,000 a year.",
    ),
    Organisation(
        name="Family farm office",
        answers={
            "industry": "other",
            "employees": 2,
            "devices": 4,
            "incidents_per_month": 0.1,
            "it_dependence": "low",
        },
        expected=("break-fix",),
        why="About one problem a year at ~$225, and the farm keeps working while the office PC is down. Two MSP "
        "seats would cost about $10.8k over three years (more with minimums) and any block of hours would lapse.",
    ),
    Organisation(
        name="Small parish charity with five staff",
        answers={
            "industry": "nonprofit",
            "employees": 5,
            "devices": 8,
            "incidents_per_month": 0.3,
            "downtime_cost_per_hour": 100,
            "it_dependence": "low",
            "compliance": "moderate",
            "growth": "shrinking",
            "budget_preference": "pay_as_you_go",
        },
        expected=("break-fix",),
        why="Three or four calls a year cost about $800 a year, about $2.4k over three years, and most work goes "
        "on without IT. Five MSP seats are about $27k over three years; the donor list is modest personal data, "
        "so the added incident risk is hundreds, not thousands, a year.",
    ),
    Organisation(
        name="Four-person architecture studio",
        answers={
            "industry": "professional_services",
            "employees": 4,
            "devices": 9,
            "incidents_per_month": 0.4,
            "downtime_cost_per_hour": 400,
            "backup": "tested",
        },
        expected=("break-fix",),
        why="About five calls a year (~$1.1k) plus perhaps $1k of lost work while waiting for an engineer: about "
        "$6-7k over three years all told. MSP would bill about $21.6k over three years for four seats and save "
        "only part of that lost work; hours are too irregular for a block.",
    ),
    # ------------------------------------------------------------------ block-hours
    Organisation(
        name="Residential builder, twenty staff mostly on site",
        answers={
            "industry": "construction",
            "employees": 20,
            "devices": 34,
            "sites": 2,
            "incidents_per_month": 6,
            "downtime_cost_per_hour": 400,
            "it_dependence": "low",
            "backup": "tested",
            "growth": "moderate",
            "budget_preference": "predictable",
        },
        expected=("block-hours",),
        why="A steady six problems a month is about 9 hours: prepaid at ~$130 that is about $14k a year against "
        "~$16k ad hoc, with priority response and the wish for a fixed monthly cost. MSP would bill 20 x $1,800 "
        "= $36k a year ($108k over three years) and, with site crews barely held up by IT, save only a few "
        "thousand a year in lost work.",
    ),
    Organisation(
        name="Machine shop with twenty-five IT users",
        answers={
            "industry": "manufacturing",
            "employees": 25,
            "devices": 40,
            "incidents_per_month": 6,
            "downtime_cost_per_hour": 600,
            "it_dependence": "low",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("block-hours",),
        why="The machines run without the office network; six problems a month (~9 h) cost about $14k a year "
        "prepaid, ~$42k over three years. MSP is 25 x $1,800 = $45k a year ($135k over three years) and with "
        "low IT dependence its faster fixes save perhaps $5k a year; steady use makes the block cheaper than "
        "ad-hoc calls.",
    ),
    Organisation(
        name="Regional food bank",
        answers={
            "industry": "nonprofit",
            "employees": 22,
            "devices": 35,
            "incidents_per_month": 5,
            "downtime_cost_per_hour": 200,
            "it_dependence": "low",
            "compliance": "moderate",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("block-hours",),
        why="About 7-8 hours a month prepaid at ~$130 is roughly $11-12k a year; MSP would be ~$40k a year for "
        "22 seats. Warehouse and volunteers keep working without IT and backups are tested, so the lost work "
        "and incident risk MSP would remove are worth a few thousand a year, not $28k.",
    ),
    Organisation(
        name="After-school tutoring centre",
        answers={
            "industry": "education",
            "employees": 15,
            "devices": 28,
            "incidents_per_month": 4,
            "downtime_cost_per_hour": 250,
            "operating_hours": "extended",
            "it_dependence": "low",
            "compliance": "moderate",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("block-hours",),
        why="Four problems a month, about 6 hours, prepaid at ~$130 is about $9-10k a year; an extended-hours "
        "MSP at ~$165 a seat is about $30k a year ($89k over three years). Lessons carry on without IT and "
        "student records are backed up and tested, so MSP's extra protection is worth far less than $20k a year.",
    ),
    Organisation(
        name="Courier depot office",
        answers={
            "industry": "logistics",
            "employees": 18,
            "devices": 30,
            "incidents_per_month": 5,
            "downtime_cost_per_hour": 500,
            "it_dependence": "low",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("block-hours",),
        why="Five steady problems a month (~7.5 h) is about $12k a year prepaid vs ~$13.5k ad hoc; MSP is 18 x "
        "$1,800 = $32k a year. Drivers keep delivering when the depot PC is down, so lost work is small either "
        "way and the block is cheapest over three years (~$36k vs ~$100k).",
    ),
    Organisation(
        name="Land-surveying firm whose office manager does first-line IT",
        answers={
            "industry": "professional_services",
            "employees": 28,
            "devices": 50,
            "it_staff": 0.25,
            "incidents_per_month": 8,
            "downtime_cost_per_hour": 600,
            "backup": "tested",
        },
        expected=("block-hours",),
        why="Eight outside-help problems a month (~12 h) cost about $19k a year prepaid, a little under ad-hoc "
        "billing with priority response, and steady enough that few hours lapse. MSP would be 28 x $1,800 = "
        "$50k a year and co-managed ~$35k plus the office manager's time; with field crews and tested backups "
        "the lost work they'd save is perhaps $10k a year.",
    ),
    # ------------------------------------------------------------------ msp
    Organisation(
        name="Dental practice with eighteen staff",
        answers={
            "industry": "healthcare",
            "employees": 18,
            "devices": 32,
            "incidents_per_month": 5,
            "downtime_cost_per_hour": 1500,
            "it_dependence": "high",
            "compliance": "strict",
        },
        expected=("msp",),
        why="MSP is 18 x $1,800 = $32k a year (~$97k over three years). Break/Fix bills only ~$13.5k a year, but "
        "waiting for help with chairs idle loses ~$20k a year and an unmonitored outage or two adds ~$15k; "
        "untested backups and HIPAA data add several thousand a year of expected incident cost, so the reactive "
        "options run ~$55-60k a year all told.",
    ),
    Organisation(
        name="Thirty-person law firm with no backups",
        answers={
            "industry": "legal",
            "employees": 30,
            "devices": 55,
            "incidents_per_month": 8,
            "downtime_cost_per_hour": 3000,
            "it_dependence": "high",
            "compliance": "strict",
            "backup": "none",
            "budget_preference": "predictable",
        },
        expected=("msp",),
        why="MSP is about $54k a year including backup and security. Break/Fix bills ~$22k but fee-earners waiting "
        "on eight problems a month lose ~$40k a year, and with no backup a ransomware hit (~$292k average) or "
        "lost client files is a real expected cost of $10-15k a year; block hours only trims the bill.",
    ),
    Organisation(
        name="Accounting firm, forty-five staff, long hours in tax season",
        answers={
            "industry": "finance",
            "employees": 45,
            "devices": 80,
            "incidents_per_month": 12,
            "downtime_cost_per_hour": 4000,
            "operating_hours": "extended",
            "it_dependence": "critical",
            "compliance": "strict",
            "growth": "moderate",
        },
        expected=("msp",),
        why="Extended-hours MSP is about 45 x $1,980 = $89k a year. Reactive support bills ~$35k plus after-hours "
        "premiums but loses ~$60k+ a year of billable time and carries strict-data incident risk; one in-house "
        "hire is ~$100k before tools and still leaves evenings and weekends uncovered.",
    ),
    Organisation(
        name="Freight brokerage, forty people on phones and load boards",
        answers={
            "industry": "logistics",
            "employees": 40,
            "devices": 70,
            "incidents_per_month": 10,
            "downtime_cost_per_hour": 5000,
            "operating_hours": "extended",
            "it_dependence": "critical",
            "compliance": "moderate",
            "growth": "rapid",
        },
        expected=("msp",),
        why="MSP at ~$165 a seat is about $79k a year and scales with the headcount. At $5,000 an hour, a few "
        "hours of extra outage a month under Break/Fix or block hours costs more than the whole MSP fee; an "
        "in-house hire (~$100k plus tools) costs more and cannot cover evenings.",
    ),
    Organisation(
        name="Five-shop retail chain taking card payments",
        answers={
            "industry": "retail",
            "employees": 28,
            "devices": 45,
            "sites": 5,
            "incidents_per_month": 9,
            "downtime_cost_per_hour": 2000,
            "operating_hours": "extended",
            "it_dependence": "high",
            "compliance": "strict",
            "budget_preference": "predictable",
        },
        expected=("msp",),
        why="MSP with per-site fees is about $70k a year. Break/Fix across five shops is ~$30k a year in call-outs "
        "and travel, plus lost sales while tills wait for an engineer (easily $40k+ a year) and PCI patching it "
        "cannot provide, which raises breach risk on card data.",
    ),
    Organisation(
        name="Walk-in urgent care with a 24/7 telehealth line",
        answers={
            "industry": "healthcare",
            "employees": 70,
            "devices": 120,
            "sites": 2,
            "incidents_per_month": 20,
            "downtime_cost_per_hour": 6000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "strict",
        },
        expected=("msp",),
        why="A 24/7 MSP is about 70 x $2,340 = $164k a year. Covering nights in-house needs four or five people "
        "(~$400-500k); co-managed needs at least one hire (~$100k) plus ~$88k of fees; reactive support at "
        "$6,000 an hour of downtime and with HIPAA data is the most expensive of all.",
    ),
    Organisation(
        name="Fast-growing marketing agency with no backups",
        answers={
            "industry": "professional_services",
            "employees": 22,
            "devices": 40,
            "it_staff": 0.2,
            "incidents_per_month": 7,
            "downtime_cost_per_hour": 1800,
            "it_dependence": "high",
            "compliance": "moderate",
            "backup": "none",
            "growth": "rapid",
        },
        expected=("msp",),
        why="MSP is about 22 x $1,800 = $40k a year. Block hours would bill ~$16k but designers waiting on seven "
        "problems a month lose ~$19k, unmonitored outages ~$20k, and with no backup a ransomware or disk loss "
        "is ~$7k a year of expected cost: about $60k all told. The fifth of a person doing IT cannot run the "
        "co-managed half of the deal.",
    ),
    # ------------------------------------------------------------------ co-managed
    Organisation(
        name="Care-home group, four homes, one IT person",
        answers={
            "industry": "healthcare",
            "employees": 220,
            "devices": 380,
            "sites": 4,
            "it_staff": 1,
            "downtime_cost_per_hour": 8000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "strict",
        },
        expected=("co-managed",),
        why="Keeping the one IT person (~$100k) and adding co-managed at ~$105 a user (~$277k) is about $377k a "
        "year. A 24/7 MSP alone is 220 x $2,340 = $515k; fully in-house 24/7 cover needs a rota of four or more "
        "plus tools, about $480-520k. The on-site person also fixes residents' care systems faster than remote help.",
    ),
    Organisation(
        name="Three-shift plastics plant",
        answers={
            "industry": "manufacturing",
            "employees": 180,
            "devices": 300,
            "it_staff": 1,
            "downtime_cost_per_hour": 15000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "moderate",
        },
        expected=("co-managed",),
        why="One engineer (~$100k) plus co-managed night and security cover (~$227k) is ~$327k a year. A 24/7 MSP "
        "is ~$421k and an in-house night rota ~$450k+; the single engineer alone leaves night shifts waiting "
        "hours at $15,000 an hour, which costs more than either.",
    ),
    Organisation(
        name="Resort hotel with one IT manager",
        answers={
            "industry": "hospitality",
            "employees": 160,
            "devices": 260,
            "it_staff": 1,
            "downtime_cost_per_hour": 5000,
            "operating_hours": "always",
            "it_dependence": "high",
            "compliance": "strict",
            "backup": "tested",
        },
        expected=("co-managed",),
        why="IT manager (~$100k) plus co-managed at ~$105 a user (~$202k) is about $300k a year. A 24/7 MSP is "
        "160 x $2,340 = $374k; an in-house rota to cover nights and card-data security is about $330-350k with "
        "tools. Alone, the manager leaves the front desk and card systems uncovered at night.",
    ),
    Organisation(
        name="24/7 distribution-centre operator",
        answers={
            "industry": "logistics",
            "employees": 200,
            "devices": 340,
            "sites": 3,
            "it_staff": 1,
            "downtime_cost_per_hour": 12000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "moderate",
            "growth": "moderate",
        },
        expected=("co-managed",),
        why="One IT lead (~$100k) plus co-managed (~$252k) is ~$352k a year, against ~$468k for a 24/7 MSP and "
        "~$450-500k to staff a night rota in-house. At $12,000 an hour a single person with no night cover "
        "or escalation loses more than the co-managed fee.",
    ),
    Organisation(
        name="County emergency-communications centre",
        answers={
            "industry": "public_sector",
            "employees": 150,
            "devices": 280,
            "it_staff": 1,
            "downtime_cost_per_hour": 10000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "strict",
            "backup": "tested",
        },
        expected=("co-managed",),
        why="The systems administrator (~$100k) plus co-managed 24/7 monitoring and escalation (~$189k) is about "
        "$289k a year; a 24/7 MSP alone is ~$351k and a four-person in-house rota ~$400k+. One person alone "
        "cannot be on call every night for a service that must never stop.",
    ),
    Organisation(
        name="Online retailer with its own warehouse",
        answers={
            "industry": "retail",
            "employees": 170,
            "devices": 260,
            "sites": 2,
            "it_staff": 1,
            "downtime_cost_per_hour": 9000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "strict",
            "growth": "rapid",
        },
        expected=("co-managed",),
        why="IT lead (~$100k) plus co-managed (~$214k) is ~$314k a year vs ~$398k for a 24/7 MSP and ~$440k for "
        "an in-house rota with tools. The shop sells at night and holds card data, so the lone IT lead needs "
        "24/7 monitoring and security behind them rather than more hires.",
    ),
    # ------------------------------------------------------------------ in-house
    Organisation(
        name="Private day-school group, 400 staff, five IT staff",
        answers={
            "industry": "education",
            "employees": 400,
            "devices": 900,
            "sites": 2,
            "it_staff": 5,
            "downtime_cost_per_hour": 12000,
            "it_dependence": "high",
            "compliance": "moderate",
            "backup": "tested",
        },
        expected=("in-house",),
        why="Five staff (~$500k) plus tools (~$100k) is ~$600k a year for 400 users in school hours. An MSP is "
        "400 x $1,800 = $720k and co-managed adds ~$504k on top of the team; the team is on site and fast.",
    ),
    Organisation(
        name="Furniture factory, single day shift, three IT staff",
        answers={
            "industry": "manufacturing",
            "employees": 300,
            "devices": 450,
            "it_staff": 3,
            "downtime_cost_per_hour": 15000,
            "compliance": "moderate",
            "backup": "tested",
        },
        expected=("in-house",),
        why="Three staff (~$300k) plus tools (~$70k) is ~$370k a year against $540k for an MSP and ~$680k "
        "co-managed. Day-shift only, so no night cover to buy; Break/Fix for 300 users would bill for dozens "
        "of calls a month and leave the floor waiting.",
    ),
    Organisation(
        name="Engineering consultancy, 240 staff, three IT staff",
        answers={
            "industry": "professional_services",
            "employees": 240,
            "devices": 520,
            "sites": 2,
            "it_staff": 3,
            "downtime_cost_per_hour": 20000,
            "it_dependence": "high",
            "compliance": "moderate",
            "backup": "tested",
        },
        expected=("in-house",),
        why="The team costs ~$300k plus ~$60k of tools a year; an MSP is 240 x $1,800 = $432k and co-managed "
        "~$600k including the team. Business hours only and tested backups, so the team's on-site speed "
        "keeps lost work low without outside night cover.",
    ),
    Organisation(
        name="Software company, 200 staff, two IT staff",
        answers={
            "industry": "technology",
            "employees": 200,
            "devices": 500,
            "it_staff": 2,
            "downtime_cost_per_hour": 25000,
            "it_dependence": "critical",
            "compliance": "moderate",
            "backup": "tested",
            "growth": "rapid",
        },
        expected=("in-house",),
        why="Two IT staff for technically able users (~$200k plus ~$50k tools) against $360k a year for an MSP "
        "and ~$450k co-managed; even hiring a third as the company grows stays well under the MSP per-seat "
        "bill. Production runs in the cloud, so office IT needs no night cover.",
    ),
    Organisation(
        name="City government, 350 staff, four IT staff",
        answers={
            "industry": "public_sector",
            "employees": 350,
            "devices": 700,
            "sites": 4,
            "it_staff": 4,
            "downtime_cost_per_hour": 10000,
            "it_dependence": "high",
            "compliance": "moderate",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("in-house",),
        why="Four staff (~$400k) plus ~$85k tools is ~$485k a year; an MSP is 350 x $1,800 = $630k, and even a "
        "10 % tilt for predictability (~$190k over three years) leaves it ~$250k dearer; salaries are "
        "predictable too. Co-managed would add ~$440k a year on top of the team.",
    ),
    Organisation(
        name="Housing charity, 160 staff, two IT staff",
        answers={
            "industry": "nonprofit",
            "employees": 160,
            "devices": 280,
            "sites": 3,
            "it_staff": 2,
            "downtime_cost_per_hour": 3000,
            "compliance": "moderate",
            "backup": "tested",
        },
        expected=("in-house",),
        why="Two staff at charity salaries (~$170-200k) plus ~$35k tools against $288k a year for an MSP and "
        "~$400k co-managed. Office hours, tested backups and medium dependence leave nothing that needs the "
        "dearer outside cover.",
    ),
    Organisation(
        name="Law firm, 280 staff, three IT staff",
        answers={
            "industry": "legal",
            "employees": 280,
            "devices": 600,
            "it_staff": 3,
            "downtime_cost_per_hour": 25000,
            "it_dependence": "high",
            "compliance": "strict",
            "backup": "tested",
        },
        expected=("in-house",),
        why="Three staff (~$300k) plus security tools and a monitoring service (~$60-70k) is ~$370k a year; an MSP "
        "is 280 x $1,800 = $504k and co-managed ~$650k including the team. Strict client data is handled by the "
        "team's patching and tested backups at a fraction of the per-seat fee.",
    ),
    # ------------------------------------------------------------------ grey zone (two answers accepted)
    Organisation(
        name="Seven-person estate agency",
        answers={
            "industry": "other",
            "employees": 7,
            "devices": 14,
            "incidents_per_month": 1.5,
            "downtime_cost_per_hour": 400,
            "backup": "tested",
        },
        expected=("break-fix", "block-hours"),
        why="About 18 calls a year is ~$4k ad hoc; a small block saves 10-15 % only if the months are even, and "
        "some hours would lapse, so the two are within a few hundred dollars. MSP would bill ~$12.6k a year, "
        "more than the lost work it could save (~$3k).",
    ),
    Organisation(
        name="Twelve-person civil-engineering consultancy",
        answers={
            "industry": "professional_services",
            "employees": 12,
            "devices": 26,
            "incidents_per_month": 4,
            "downtime_cost_per_hour": 900,
            "compliance": "moderate",
            "backup": "tested",
            "budget_preference": "predictable",
        },
        expected=("block-hours", "msp"),
        why="A block of ~6 hours a month bills ~$9-10k a year against ~$21.6k for MSP, but with medium dependence "
        "and $900 an hour the extra waiting and unmonitored outages (~$15-18k a year) roughly close the gap. "
        "Both land near $25-30k a year all told; Break/Fix is slightly worse than the block.",
    ),
    Organisation(
        name="Building-supplies wholesaler, 90 staff, one IT person",
        answers={
            "industry": "other",
            "employees": 90,
            "devices": 170,
            "it_staff": 1,
            "downtime_cost_per_hour": 5000,
            "compliance": "moderate",
            "backup": "tested",
        },
        expected=("in-house", "msp"),
        why="One person (~$100k) plus tools and some escalation (~$30k) is ~$130k a year; an MSP is 90 x $1,800 = "
        "$162k but covers holidays and sickness that leave a lone admin's users waiting. Co-managed (~$213k "
        "with the person) and reactive support for 90 users cost clearly more.",
    ),
    Organisation(
        name="Regional transit authority, 24/7 depots, two IT staff",
        answers={
            "industry": "public_sector",
            "employees": 250,
            "devices": 420,
            "sites": 3,
            "it_staff": 2,
            "downtime_cost_per_hour": 10000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "moderate",
        },
        expected=("in-house", "co-managed"),
        why="Co-managed is ~$200k staff + ~$315k fees = ~$515k a year; growing the team to a four- or five-person "
        "on-call rota with tools is ~$460-560k. Both beat a 24/7 MSP at 250 x $2,340 = $585k and carry on-site "
        "speed; which is cheaper depends on local salaries.",
    ),
    Organisation(
        name="Alarm-monitoring company, 60 staff, part-time IT",
        answers={
            "industry": "other",
            "employees": 60,
            "devices": 110,
            "it_staff": 0.5,
            "downtime_cost_per_hour": 4000,
            "operating_hours": "always",
            "it_dependence": "critical",
            "compliance": "moderate",
        },
        expected=("co-managed", "msp"),
        why="A 24/7 MSP is 60 x $2,340 = $140k a year; keeping the half-time admin (~$50k) and adding co-managed "
        "(~$76k) is ~$126k with faster on-site fixes by day. In-house can't cover nights with half a person and "
        "reactive support at $4,000 an hour around the clock costs far more.",
    ),
    Organisation(
        name="Three-lawyer practice with tested backups",
        answers={
            "industry": "legal",
            "employees": 3,
            "devices": 7,
            "incidents_per_month": 0.5,
            "downtime_cost_per_hour": 600,
            "it_dependence": "high",
            "compliance": "strict",
            "backup": "tested",
        },
        expected=("break-fix", "msp"),
        why="Break/Fix bills ~$1.4k a year but lawyers' waiting time (~$5k) and strict-data incident risk (~$3k) "
        "bring it to ~$9-10k; an MSP with small-client pricing is ~$7-9k a year with less of both. Too few "
        "hours for a block to beat either.",
    ),
)
