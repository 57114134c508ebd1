"""Figures added in December 2026 for "One answer that agrees with its own money" (issue 23), as plain data.
Frozen in the same way as figures_2026_11: a later change gets a module of its own.

SHARED follows the row shape of figures_2026_11.SHARED:
(key, label, low, expected, high, source title, address, year, vendor claim, note).

coordination_hours_per_job: the office time an hourly IT firm costs beyond its invoice. Someone has to find who
is free, describe the fault, let the technician in or share the screen, check the fix and the bill. No
published measure was found, so it is our assumption with a wide range (a quarter of an hour to an hour and a
half a job). A managed service's helpdesk takes a ticket in minutes, and an in-house team is down the corridor,
so it is counted only for jobs given to a firm paid by the hour.
preference_allowance_share: how much a stated way of paying (a predictable monthly bill, or paying only when
something breaks) may count for, as a share of the matching option's three-year bills. Our assumption: a tenth.
"""

from __future__ import annotations

SHARED = (
    (
        "coordination_hours_per_job",
        "Office time to call in and follow up an outside IT firm, a job (hours)",
        0.25,
        0.5,
        1.5,
        "Our assumption",
        "",
        None,
        False,
        "Finding who is free, describing the fault, letting the technician in or sharing the screen, checking the "
        "fix and the invoice. Counted as lost work for every job given to a firm paid by the hour; a managed "
        "service's helpdesk or your own staff take a request in minutes. No published measure was found.",
    ),
    (
        "preference_allowance_share",
        "Most a stated way of paying counts for, as a share of an option's three-year bills",
        0.05,
        0.1,
        0.15,
        "Our assumption",
        "",
        None,
        False,
        "When you say you prefer a predictable monthly bill (or paying only when something breaks), the options "
        "that charge that way are ranked as if they cost this share of their bills less. The result shows the "
        "amount whenever it changes the answer.",
    ),
)
