"""evaluate.ranked: the order every ranking, the cheapest and the tipping search read."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from advisor.engine.evaluate import EQUAL_DIGITS, ranked


def rounded_order(figures: dict[int, float]) -> list[int]:
    """The plain statement of the rule: lowest first, figures equal to EQUAL_DIGITS decimals in the keys' order."""
    return sorted(figures, key=lambda i: (round(figures[i], EQUAL_DIGITS), i))


# Figures as the ranking holds them (dollars, from nothing to millions), and near neighbours of them: the same
# figure reached by another sum (a float's last bits), within a millionth, on either side of a rounding step.
nudges = st.sampled_from([0.0, 0.0, 1e-12, -1e-12, 4e-7, -4e-7, 5e-7, -5e-7, 6e-7, 1e-6, -1e-6, 9e-6, 2e-5])
bases = st.one_of(st.floats(0, 5e6, allow_nan=False), st.sampled_from([0.0, 0.5e-6, 1.5e-6, 123456.7890125]))


@given(
    figures=st.lists(st.tuples(bases, st.lists(nudges, min_size=1, max_size=4)), min_size=1, max_size=5).map(
        lambda groups: dict(enumerate(base + nudge for base, nudge_list in groups for nudge in nudge_list))
    )
)
@settings(max_examples=500)
@example(figures={0: 100.0000004, 1: 100.0, 2: 99.9999996})  # equal to a millionth: the keys' order
@example(figures={0: 100.0000006, 1: 100.0})  # a millionth apart after rounding: the lower first
@example(figures={3: 5.0, 1: 5.0, 2: 5.0, 0: 4.0})
def test_ranked_is_the_rounded_order(figures):
    assert ranked(figures) == rounded_order(figures)
