"""Figures added in December 2026 for "Size is people, devices and sites; own IT staff counted honestly" (issue 24),
as plain data. Frozen in the same way as figures_2026_11: a later change gets a module of its own.

SHARED follows the row shape of figures_2026_11.SHARED:
(key, label, low, expected, high, source title, address, year, vendor claim, note).
OPTIONS follows the row shape of figures_2026_11.OPTIONS:
(slug, key, label, low, expected, high, source title, address, year, vendor claim, note).
PRICING_BASES gives each seeded option's pricing basis (what its monthly fees are counted on); every seeded option
is priced per user, as most small-business providers quote.

site_hours_month: each site beyond the first has its own network and line to keep running and must be reached to
be worked on. No published measure was found: our assumption, with a wide range.
fee_per_site_month (MSP): one provider's itemised price list charges a fee a site beside its fee a user. We count
it for each site beyond the first, as the per-user prices we use are quoted for an organisation in one place.
Co-managed IT charges none: its provider works remotely beside the organisation's own staff, who go on site.
full_service_fee_per_user_month (co-managed): what the provider charges a user for the work the organisation's own
staff cannot cover (their absences, nights, a part-time post's other days): the full managed service's price,
the same published band as the MSP's fee.
devices_per_it_staff and out_of_hours_staffing (in-house): the team the organisation needs is sized on devices
as well as people, and grows when IT must work evenings, weekends or round the clock. Our assumptions: no
published ratio of devices to IT staff was found; 180 is a little above the people ratio (80) times the usual 2.2
devices a person (176), so that the usual number of devices leaves the team sized on people.
"""

from __future__ import annotations

PRICING_BASES = {
    "break-fix": "per_user",
    "msp": "per_user",
    "block-hours": "per_user",
    "co-managed": "per_user",
    "in-house": "per_user",
}

SHARED = (
    (
        "site_hours_month",
        "Time each site beyond the first takes, hours a month (travel, visits, its network)",
        1.0,
        3.0,
        8.0,
        "Our assumption",
        "",
        None,
        False,
        "Each further site has its own network, line and equipment to keep running, and reaching it takes "
        "travel. Billed by the hour by options that send someone and bill their time, counted in the workload of "
        "an in-house team, and covered by a fee a site where a provider charges one. No published measure was "
        "found.",
    ),
)

_NOT_BESIDE = "Not applicable: not beside in-house staff"

OPTIONS = (
    (
        "msp",
        "fee_per_site_month",
        "Monthly fee for each site beyond the first ($)",
        100.0,
        250.0,
        400.0,
        "technoirsolutions.com itemised price example; range our assumption",
        "",
        None,
        True,
        "One provider's itemised price list charges about $250 a site a month beside its fee a user. Counted "
        "for each site beyond the first: the fees a user we use are quoted for an organisation in one place.",
    ),
    (
        "msp",
        "full_service_fee_per_user_month",
        "Beside own staff: fee a user for what they cannot cover ($)",
        0.0,
        0.0,
        0.0,
        _NOT_BESIDE,
        "",
        None,
        False,
        "A managed service takes all the work whatever in-house staff there are: its fee a user is the whole price.",
    ),
    (
        "co-managed",
        "fee_per_site_month",
        "Monthly fee for each site beyond the first ($)",
        0.0,
        0.0,
        0.0,
        "How co-managed IT works",
        "",
        None,
        False,
        "The provider works remotely beside your own IT staff, who go on site; no fee a site is charged.",
    ),
    (
        "co-managed",
        "full_service_fee_per_user_month",
        "Beside own staff: fee a user for what they cannot cover ($)",
        100.0,
        150.0,
        250.0,
        "micro-it.net; comnexia.com; makologics.com IT buyer's guide 2026",
        "",
        2026,
        True,
        "For the share of the work your own IT staff cannot do (their time away, evenings and nights without "
        "anyone on call, the days a part-time post is doing something else) the provider does the whole job, at "
        "a full managed service's price. On the share they do, it charges its co-managed fee for tooling, "
        "monitoring and escalation. So a tenth of a person does not unlock the lower fee on everything.",
    ),
    (
        "in-house",
        "devices_per_it_staff",
        "Salaried: devices one IT person looks after",
        100.0,
        180.0,
        300.0,
        "Our assumption",
        "",
        None,
        False,
        "The team is sized on whichever is larger, people or devices. No published ratio of devices to IT staff "
        "was found: about two devices a person times the 80 people one IT person supports, a little above the "
        "usual 2.2 a person, so that an organisation with the usual number of devices is sized on its people.",
    ),
    (
        "in-house",
        "out_of_hours_staffing",
        "Salaried: staff time an hour of out-of-hours work takes (×)",
        1.5,
        2.0,
        3.0,
        "Our assumption",
        "",
        None,
        False,
        "Evening, weekend and night work needs someone on call and time off in lieu, so an hour of it takes "
        "more of a team than an hour in the office: the team is enlarged by this for the share of problems "
        "arising out of hours. No published measure was found.",
    ),
)
