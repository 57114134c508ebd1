"""The cost figures seeded in November 2026 (migration 0006), as plain data. Frozen: a later change of seeded
figures gets a module and a migration of its own, so that old migrations keep loading what they loaded.

Each row: key, label, low, expected, high, source title, address, year, vendor claim, note.
Shared figures hold for every option; option figures are per support option (by slug).
"""
from __future__ import annotations

SHARED = (
    ("incidents_per_person_month", "IT problems a person a month, with nobody in-house (when not given)",
     0.1, 0.25, 0.5, "sohowizz.com worked example; vegaprism.com", "https://sohowizz.com", 2025, True,
     "A 25-person firm logging about 100 tickets a year (about 0.33 a person a month), and 0.4–0.6 incidents a user "
     "a month in well-managed environments. With nobody in-house every problem needs outside help; some are "
     "minutes' work, so we take 0.25. Your own IT staff take up to four in five of them."),
    ("downtime_cost_per_person_hour", "What an hour of one person's work is worth (when downtime cost is not given)",
     30, 100, 200, "BLS wages (May 2023); probax.io", "https://www.bls.gov/oes/", 2023, False,
     "Wages alone come to about $30 an hour loaded (US median $48,060 × 1.3); Probax suggests $100–200 once lost "
     "sales are counted. We take $100 and show the range."),
    ("people_affected_per_incident", "People a typical problem stops from working",
     0.5, 1, 3, "Fixify 2026 service desk benchmark", "https://www.fixify.com", 2026, True,
     "In that benchmark 22 % of tickets stopped someone from working; problems that need outside help are the "
     "heavier ones, so we take one person, and up to three for an outage that hits a team."),
    ("tooling_per_user_month", "Security and backup tooling a user a month, bought separately ($)",
     6, 10, 20, "Microsoft 365 list prices; our estimate", "https://www.microsoft.com/en-us/security/business/"
     "endpoint-security/microsoft-defender-business", 2025, False,
     "Endpoint protection (Microsoft Defender for Business lists $3 a user a month), email filtering and cloud "
     "backup storage. Every organisation should have these, so they are in every option's bills."),
    ("joiner_hours", "Hours to set up or remove a person's accounts and devices",
     1, 2, 4, "Our assumption", "", None, False,
     "A new starter's laptop, accounts and access, or a leaver's removal, billed by the hour where not included."),
    ("staff_turnover", "Share of staff who join or leave in a year",
     0.1, 0.2, 0.4, "US Bureau of Labor Statistics, Job Openings and Labor Turnover Survey",
     "https://www.bls.gov/jlt/", 2024, False,
     "Separations run about 3–4 % of staff a month across US industries, lower in offices; we take a fifth a year."),
    ("serious_incident_chance", "Chance a year of a serious incident, for 25 people with upkeep done",
     0.015, 0.04, 0.10, "Coalition 2025 claims data; UK Cyber Security Breaches Survey 2025",
     "https://www.gov.uk/government/statistics/cyber-security-breaches-survey-2025", 2025, False,
     "About 1.5 % of Coalition's insured small firms claim a year (insured firms tend to have controls in place); "
     "43 % of UK businesses identified a breach or attack in the year, most of them minor. We take 4 % for an "
     "incident that stops work or loses data, growing with the square root of size."),
    ("unpatched_multiplier", "How much likelier a serious incident is when routine upkeep is not done",
     1.33, 2, 3, "Coalition 2023 cyber claims report", "https://www.coalitioninc.com", 2023, True,
     "One unresolved critical vulnerability made a claim about 33 % likelier; end-of-life software about 3×."),
    ("recovery_cost_per_person", "Direct cost of recovering from a serious incident, a person ($)",
     1000, 2000, 5000, "Australian Signals Directorate Cyber Threat Report 2023–24; Coalition 2025",
     "https://www.cyber.gov.au/about-us/view-all-content/reports-and-statistics/asd-cyber-threat-report-july-2023-june-2024",
     2024, False,
     "A$49,600 (about US$33,000) per reported cybercrime for a small business; Coalition's average claim is about "
     "$115,000. Spread over staff, about $2,000 a person. Excludes downtime, counted apart."),
    ("recovery_days_tested", "Working days to recover with restore-tested backups", 0.5, 1, 2, "Our assumption", "",
     None, False, "Restore from a backup known to work."),
    ("recovery_days_partial", "Working days to recover with untested backups", 2, 4, 10, "Our assumption", "",
     None, False, "Untested backups often turn out incomplete: some work is rebuilt by hand."),
    ("recovery_days_none", "Working days to recover without backups", 5, 10, 20, "Our assumption", "", None, False,
     "Systems are rebuilt from scratch and lost work redone."),
    ("regulated_cost_moderate", "Notification and legal costs for personal data, a person ($)",
     200, 1000, 3000, "Our assumption", "", None, False,
     "Telling those affected, legal advice and possible penalties after a breach of the personal data a member of "
     "staff handles."),
    ("regulated_cost_strict", "Notification, legal costs and fines for strictly regulated data, a person ($)",
     1500, 5000, 15000, "Our assumption", "", None, False,
     "Health, card, financial or legal records: each member of staff handles hundreds of clients' records, so "
     "mandatory notification, forensic review and regulators' fines come to thousands a member of staff."),
)

_BF = "break-fix"
_MSP = "msp"
OPTIONS = (
    (_BF, "hourly_rate", "Hourly rate for reactive work ($)", 100, 150, 250,
     "automateanddeploy.com; zerogeeks.com; nophishleftbehind.com", "https://automateanddeploy.com/blog/managed-it-vs-break-fix",
     2025, True, "Published rates run $75–250 an hour; we take $150."),
    (_BF, "hours_per_incident", "Hours of work to fix a problem", 1, 1.5, 3, "sohowizz.com worked example",
     "https://sohowizz.com", 2025, True, "About 1.5 billed hours a ticket; awkward jobs take several."),
    (_BF, "response_delay_hours", "Working hours waiting before work starts", 2, 8, 24,
     "Provider statements (no guaranteed response)", "", 2025, True,
     "Break/Fix providers promise no response time; a working day is typical, longer when they are busy."),
    (_BF, "after_hours_premium", "After-hours rate multiplier", 1.5, 1.75, 2, "zerogeeks.com; bullium.com",
     "https://zerogeeks.com", 2025, True, "After-hours work is billed at 1.5–2× the normal rate."),
    (_BF, "fee_per_user_month", "Monthly fee per user ($)", 0, 0, 0, "Not applicable: no retainer", "", None, False,
     "Break/Fix has no subscription, so there is no monthly charge per user."),
    (_BF, "fee_per_device_month", "Monthly fee per device ($)", 0, 0, 0, "Not applicable: no retainer", "", None,
     False, "With no subscription there is no monthly charge per device either."),
    (_BF, "minimum_users", "Minimum number of users billed", 0, 0, 0, "Not applicable: no retainer", "", None, False,
     "There is no contract, so there is no minimum number of users."),
    (_BF, "onboarding_months", "Onboarding charge, in months of the monthly fee", 0, 0, 0,
     "Not applicable: no retainer", "", None, False, "With no contract to start, there is no set-up charge."),
    (_BF, "prevented_share", "Share of problems prevented by monitoring and upkeep", 0, 0, 0,
     "Not applicable: no retainer", "", None, False, "Break/Fix only mends faults after they happen."),
    (_BF, "serious_incident_reduction", "Share of serious incidents prevented by managed security", 0, 0, 0,
     "How Break/Fix works", "", None, False, "Nobody manages security between call-outs."),
    (_BF, "upkeep_included", "Routine upkeep included", 0, 0, 0, "How Break/Fix works", "", None, False,
     "Nobody patches or monitors unless asked and paid."),
    (_BF, "tooling_included", "Security and backup tooling included", 0, 0, 0, "How Break/Fix works", "", None,
     False, "Bought separately."),
    (_BF, "joiners_included", "New starters and leavers included", 0, 0, 0, "How Break/Fix works", "", None, False,
     "Billed by the hour."),
    (_BF, "backups_managed", "Backups set up and restore-tested", 0, 0, 0, "How Break/Fix works", "", None, False,
     "Backups stay as you have them now."),
    (_MSP, "hourly_rate", "Hourly rate for reactive work ($)", 0, 0, 0, "Included in the monthly fee", "", None,
     False, "Fixing faults is covered by the subscription, so there is no hourly charge."),
    (_MSP, "hours_per_incident", "Hours of work to fix a problem", 0.67, 1, 2, "MetricNet benchmark via whitehatvirtual.com",
     "https://whitehatvirtual.com", 2024, True,
     "Remote tools and knowing the systems fix most problems within about an hour."),
    (_MSP, "response_delay_hours", "Working hours waiting before work starts", 0.25, 0.5, 2,
     "MSP service levels (awd.com.au, summitdnc.com, hawkiit.com)", "", 2025, True,
     "Critical problems answered in 15–30 minutes by contract; we allow up to two hours."),
    (_MSP, "after_hours_premium", "After-hours rate multiplier", 1, 1, 1, "Typical MSP agreement", "", None, True,
     "Monitoring runs around the clock within the fee."),
    (_MSP, "fee_per_user_month", "Monthly fee per user ($)", 100, 150, 250,
     "micro-it.net; comnexia.com; makologics.com IT buyer's guide 2026", "https://makologics.com/resources/it-buyers-guide",
     2026, True, "$110–160 a user a month in business hours, $165–225 for 24/7 with security; we take $150."),
    (_MSP, "fee_per_device_month", "Monthly fee per device ($)", 0, 0, 0, "micro-it.net; Atera documentation",
     "https://micro-it.net/resources/article-pricing-models", 2025, True,
     "We price per user, as most small-business providers do. Per-device pricing instead ($50–100 a workstation) "
     "comes to about the same for one computer a person."),
    (_MSP, "minimum_users", "Minimum number of users billed", 1, 5, 10, "Practitioner reports", "", 2025, False,
     "Some providers will not take a client below a certain size, or charge as if it had five or ten users."),
    (_MSP, "onboarding_months", "Onboarding charge, in months of the monthly fee", 0, 0.4, 1,
     "technoirsolutions.com; managed-it-services-pricing-calculator", "https://technoirsolutions.com/services/msp_pricing-examples/",
     2026, True, "About 40 % of a month's fee for a clean site, over a month for a messy one."),
    (_MSP, "prevented_share", "Share of problems prevented by monitoring and upkeep", 0.1, 0.3, 0.6,
     "sohowizz.com (vendor claim ~70 %); our discount", "https://sohowizz.com", 2025, True,
     "Providers claim 60–80 % fewer problems; no independent figure exists, so we take 30 % and a wide range."),
    (_MSP, "serious_incident_reduction", "Share of serious incidents prevented by managed security", 0.2, 0.4, 0.6,
     "Microsoft (arXiv 2305.00945); our assumption", "https://arxiv.org/abs/2305.00945", 2023, False,
     "Enforced multi-factor sign-in cuts account compromise by 99 %; endpoint protection and email filtering "
     "stop more. Not every incident starts there, so we take 40 %."),
    (_MSP, "upkeep_included", "Routine upkeep included", 1, 1, 1, "Typical MSP agreement", "", None, False,
     "Updates, patching and monitoring."),
    (_MSP, "tooling_included", "Security and backup tooling included", 1, 1, 1, "Typical MSP agreement", "", None,
     False, "Endpoint protection, email filtering and backup are in the fee."),
    (_MSP, "joiners_included", "New starters and leavers included", 1, 1, 1, "Typical MSP agreement", "", None,
     False, "Setting people up and removing them is in the fee."),
    (_MSP, "backups_managed", "Backups set up and restore-tested", 1, 1, 1, "Typical MSP agreement", "", None,
     False, "The provider runs the backups and checks that they restore."),
)
