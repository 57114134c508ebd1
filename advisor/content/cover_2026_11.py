"""Figures added in November 2026 for what an organisation's own IT staff cannot cover (issue 14, "options in
between"), as plain data. Frozen in the same way as figures_2026_11: a later change gets a module of its own.

SHARED follows the row shape of figures_2026_11.SHARED:
(key, label, low, expected, high, source title, address, year, vendor claim, note).

it_staff_away_share: leave, sickness and training take 8-15 % of an IT person's working days (about 11 %, the in-house
option's away_share, from the BLS National Compensation Survey), and a post stands empty for about three months when
its holder leaves, which one IT person in five (10-33 %, SHRM) does a year: 0.11 + 0.19 x 3/12, about 16 % in all.
on_call_rota_staff: each person on call one week in four is about as often as people sustain for long (our
assumption), so a team of four covers every evening and weekend and a lone IT person about one week in four.
"""

from __future__ import annotations

SHARED = (
    (
        "it_staff_away_share",
        "Share of time one in-house IT person is away, empty posts included",
        0.1,
        0.16,
        0.23,
        "BLS National Compensation Survey; SHRM benchmarking; our assumption",
        "https://www.bls.gov/ncs/",
        2024,
        False,
        "Leave, sickness and training (about 11 %) plus three months' vacancy when one leaves (one in five a year). "
        "While all your IT staff are away, their problems go to the option's help.",
    ),
    (
        "on_call_rota_staff",
        "IT staff it takes to keep someone on call every evening and weekend",
        3,
        4,
        6,
        "Our assumption",
        "",
        None,
        False,
        "One week on call in four is about as often as people sustain: a lone IT person covers a quarter of "
        "evenings and weekends.",
    ),
)
