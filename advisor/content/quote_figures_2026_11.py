"""The figures that price what a person's own quote leaves out, seeded in November 2026 (migration 0013), as
plain data. Frozen like figures_2026_11: a later change gets a module and a migration of its own.

Each row: key, label, low, expected, high, source title, address, year, vendor claim, note. They hold for every
quote (advisor/engine/quotes.py) and are edited in admin with the other figures for every option.
"""

from __future__ import annotations

SHARED = (
    (
        "security_tooling_per_user_month",
        "Security tooling a user a month, bought separately ($)",
        4,
        6,
        12,
        "Microsoft 365 list prices; our estimate",
        "https://www.microsoft.com/en-us/security/business/endpoint-security/microsoft-defender-business",
        2025,
        False,
        "Endpoint protection (Microsoft Defender for Business lists $3 a user a month) and email filtering. The "
        "security part of the tooling every option's bills count.",
    ),
    (
        "backup_tooling_per_user_month",
        "Backup tooling a user a month, bought separately ($)",
        2,
        4,
        8,
        "Our estimate from cloud backup list prices",
        "",
        2025,
        False,
        "Cloud backup of mailboxes, files and laptops. The backup part of the tooling every option's bills count.",
    ),
    (
        "out_of_plan_hourly_rate",
        "Hourly rate for work a plan leaves out ($)",
        100,
        150,
        200,
        "automateanddeploy.com; zerogeeks.com",
        "https://automateanddeploy.com/blog/managed-it-vs-break-fix",
        2025,
        True,
        "Providers bill work outside a plan at their hourly rate: $100–200 on site, $75–150 remote.",
    ),
    (
        "out_of_plan_after_hours_premium",
        "After-hours multiplier for work a plan leaves out",
        1.5,
        1.75,
        2,
        "zerogeeks.com; bullium.com",
        "https://zerogeeks.com",
        2025,
        True,
        "Work outside business hours is billed at 1.5–2 times the normal rate.",
    ),
    (
        "onsite_share",
        "Share of problems that need someone on site",
        0.1,
        0.2,
        0.35,
        "Our assumption",
        "",
        None,
        False,
        "Most problems are fixed remotely; hardware, network and printer faults need a visit.",
    ),
    (
        "onsite_visit_cost",
        "Cost of an on-site visit a plan leaves out ($)",
        150,
        250,
        400,
        "Our estimate from automateanddeploy.com on-site rates",
        "https://automateanddeploy.com/blog/managed-it-vs-break-fix",
        2025,
        True,
        "A travel charge and one to two hours on site at $100–200 an hour.",
    ),
    (
        "project_hours_per_person_year",
        "Project work a person a year (new systems, moves, upgrades)",
        1,
        3,
        6,
        "Our assumption",
        "",
        None,
        False,
        "Replacing laptops, moving to new systems, office moves and upgrades. Most plans bill projects on top; our "
        "options' prices leave project work out, so it is counted only to compare quotes that include it with "
        "quotes that do not.",
    ),
    (
        "best_efforts_response_hours",
        "Working hours waiting for help when no response time is promised",
        2,
        8,
        24,
        "Provider statements (no guaranteed response)",
        "",
        2025,
        True,
        "With \u201cbest efforts\u201d instead of a promised time, an urgent problem waits about a working day, as "
        "with Break/Fix; longer when the provider is busy.",
    ),
)
