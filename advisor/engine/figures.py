"""The cost model's figures: each one's key and what it is called, the one place either is spelled out.

A figure is a low / expected / high range staff edit in admin, per region: each option's own (`CostParameter`) or
one for every option (`SharedFigure`). The model's key choices, the catalogue's labels for each option's figures
(shared figures carry an edited label of their own) and the engine's lists of keys (costs.py, quotes.py) are built
from these tables. The groups keep the order the simulation draws them in (uncertainty.py): a figure added later
goes into a group of its own, after the older ones, so that it moves none of their draws.
"""

from __future__ import annotations

Words = dict[str, str]

# Each option's own figures (CostParameter), in the order the simulation draws them: first those every option's
# formula reads, whatever its pricing,
COMMON: Words = {
    "hourly_rate": "Hourly rate for reactive work",
    "hours_per_incident": "Hours of work to fix a problem",
    "response_delay_hours": "Working hours waiting before work starts",
    "after_hours_premium": "After-hours rate multiplier",
    "fee_per_user_month": "Monthly fee per user",
    "fee_per_device_month": "Monthly fee per device",
    "minimum_users": "Minimum number of users billed",
    "onboarding_months": "Onboarding charge, in months of the monthly fee",
    "prevented_share": "Share of problems prevented",
    "serious_incident_reduction": "Share of serious incidents prevented",
    "upkeep_included": "Routine upkeep included",
    "tooling_included": "Security and backup tooling included",
    "joiners_included": "New starters and leavers included",
    "backups_managed": "Backups set up and restore-tested",
}
# then those of one pricing (costs.KEYS_BY_PRICING).
BY_PRICING: Words = {
    # Prepaid blocks of hours.
    "block_discount": "Prepaid block: discount off the hourly rate",
    "block_minimum_hours": "Prepaid block: smallest block, hours a month",
    "unused_hours_expire": "Prepaid block: unused hours expire",
    # Options that work beside the organisation's own IT staff (co-managed IT).
    "requires_it_staff": "Only beside in-house IT staff",
    # Salaried staff of the organisation's own.
    "salary_year": "Salaried: salary a year",
    "salary_loading": "Salaried: loaded cost multiplier (×)",
    "users_per_it_staff": "Salaried: people one IT person supports",
    "recruiting_cost_per_hire": "Salaried: recruiting cost a hire",
    "staff_leaving_rate": "Salaried: share of IT staff leaving a year",
    "training_tools_per_staff_year": "Salaried: training and tools a person a year",
    "away_share": "Salaried: share of time one person is away",
    "cover_response_delay_hours": "Salaried: hours waiting for bought-in help",
}
OPTION: Words = {**COMMON, **BY_PRICING}

# Figures that hold for every option (SharedFigure).
SHARED: Words = {
    "incidents_per_person_month": "IT problems a person a month (estimate)",
    "downtime_cost_per_person_hour": "An hour of one person's work (estimate)",
    "people_affected_per_incident": "People a typical problem stops",
    "tooling_per_user_month": "Security and backup tooling a user a month",
    "joiner_hours": "Hours to set up or remove a person",
    "staff_turnover": "Share of staff joining or leaving a year",
    "serious_incident_chance": "Chance a year of a serious incident",
    "unpatched_multiplier": "Likelier without routine upkeep (×)",
    "recovery_cost_per_person": "Recovery cost a person",
    "recovery_days_tested": "Days to recover, tested backups",
    "recovery_days_partial": "Days to recover, untested backups",
    "recovery_days_none": "Days to recover, no backups",
    "regulated_cost_moderate": "Notification costs a person, personal data",
    "regulated_cost_strict": "Notification costs and fines a person, strict",
    "it_staff_away_share": "Share of time one in-house IT person is away",
    "on_call_rota_staff": "IT staff needed to keep someone on call out of hours",
}

# Shared figures pricing what a person's own quote leaves out (quotes.py).
QUOTE: Words = {
    "security_tooling_per_user_month": "Security tooling a user a month",
    "backup_tooling_per_user_month": "Backup tooling a user a month",
    "out_of_plan_hourly_rate": "Hourly rate for work a plan leaves out",
    "out_of_plan_after_hours_premium": "After-hours multiplier, out of plan (×)",
    "onsite_share": "Share of problems needing a visit",
    "onsite_visit_cost": "Cost of an on-site visit",
    "project_hours_per_person_year": "Project hours a person a year",
    "best_efforts_response_hours": "Hours waiting when no response is promised",
}

# Shared figures added later, kept apart so that the simulation draws them after every older figure (adding one
# moves none of the others' draws); 0 when a catalogue has none.
LATER_SHARED: Words = {
    "coordination_hours_per_job": "Office time to call in an outside IT firm, a job",
}

# The most a way of paying counts for (decide.py; issue 23).
PREFERENCE: Words = {
    "preference_allowance_share": "Most a way of paying counts for, share of bills",
}

# Figures added for size (people, devices and sites) and own IT staff (issue 24), each option's and then the shared
# ones, drawn after every older figure, the quotes' included; 0 when a catalogue has none.
SIZE_OPTION: Words = {
    "fee_per_site_month": "Monthly fee for each site beyond the first",
    "devices_per_it_staff": "Salaried: devices one IT person looks after",
    "out_of_hours_staffing": "Salaried: staff time an hour of out-of-hours work takes (×)",
    "full_service_fee_per_user_month": "Beside own staff: fee a user for what they cannot cover",
}

SIZE_SHARED: Words = {
    "site_hours_month": "Hours a month each further site takes (travel, visits, network)",
}

# A country's market bands a quote is compared with (issue 25): the price above which a managed service is high,
# and where a country publishes one, the band for a helpdesk-only service (fixing problems, without monitoring or
# security) and the price above which it is high. Never drawn.
MARKET: Words = {
    "market_overpay_per_user_month": "Above this a managed service's price a user a month is high (¤)",
    "helpdesk_fee_per_user_month": "Helpdesk-only service a user a month (¤)",
    "helpdesk_overpay_per_user_month": "Above this a helpdesk-only service's price a user a month is high (¤)",
    # How those bands move with the organisation's size (quotes.py, market()).
    "market_band_people": "Sizes the published per-user bands are for (people)",
    "market_size_change": "Change in the per-user band for each halving or doubling of size beyond them",
}

# Figure keys that notes seeded before issue 29 named in a sentence, and how a person says them (words.py mends
# the notes of results stored then).
IN_OLD_NOTES: Words = {"recruiting_cost_per_hire": "the recruiting cost a hire"}

OPTION_FIGURES: Words = {**OPTION, **SIZE_OPTION}
SHARED_FIGURES: Words = {**SHARED, **QUOTE, **LATER_SHARED, **PREFERENCE, **SIZE_SHARED, **MARKET}
ALL_KEYS = (*OPTION_FIGURES, *SHARED_FIGURES)
