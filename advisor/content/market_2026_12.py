"""How the market band a quote is compared with moves with the organisation's size (issue 25, "Quotes against their
own market"), added in December 2026 as plain data. Frozen like the other content modules; seeded into every
region's price book by migration 0035 (the figures are the same assumption in every country).

SHARED follows the row shape of figures_2026_11.SHARED:
(key, label, low, expected, high, source title, address, year, vendor claim, note).

The published prices a user a month (../shared/FIGURES.md) are for small businesses. That file reports, without
figures, that providers set minimums (such as 10 users) and charge the smallest clients more a head; nothing we read
says how much more, or how much less a large organisation pays. Both figures are therefore our assumption, with a
wide range, and advisor/engine/quotes.py (market()) takes the range's ends so the band only widens: a quote is
called above or below market only when it is outside the band at every change the range allows.
"""

from __future__ import annotations

SHARED = (
    (
        "market_band_people",
        "Sizes the published per-user bands are for (people)",
        10.0,
        25.0,
        50.0,
        "Our assumption",
        "",
        2026,
        False,
        "The published prices a user a month are for small businesses: we take them to hold from 10 to 50 people "
        "(the low and high ends). Providers report minimums, such as 10 users, and higher prices a head for the "
        "smallest clients; how much higher, and how much less larger organisations pay, nobody we read publishes.",
    ),
    (
        "market_size_change",
        "Change in the per-user band for each halving or doubling of size beyond them",
        0.0,
        0.1,
        0.2,
        "Our assumption",
        "",
        2026,
        False,
        "For each halving of the organisation below those sizes the band a quote is compared with rises, and for "
        "each doubling above them it falls: by nothing to 20 %, a wide range as no published figure gives it. A "
        "quote is called above or below market only when it is outside the band at every change in this range.",
    ),
)
