"""Words for people: figure labels and notes without the notation meant for whoever enters the figures.

Seeded labels once carried how a figure is typed in ("(0–1)", "(0 no, 1 yes)") and units the value already shows
("($)"; "(¤)", the region's symbol, in the price books), and a note pointed at a field name ("see
block_minimum_hours"). Migration 0021 mends the seeded rows where staff have not edited them; results stored before
then keep the labels they were scored with, so the pages that show a stored result pass its labels and notes
through `plain()` too.
"""

from __future__ import annotations

import re

from .engine import figures

# How a figure is typed or its unit, in brackets at the end of a label: the value beside it says the same in words.
_TYPED = re.compile(r"\s*\((?:0\s*[–-]\s*1|0 no, 1 yes|0 roll over, 1 expire|\$|¤)\)")
# A unit inside a bracket that says more: "($, estimate)" or "(¤, estimate)" reads "(estimate)".
_UNIT_FIRST = re.compile(r"\([$¤],\s*")
# A pointer to a field name ("(see block_minimum_hours)"): the label it points at sits in the same table.
_SEE_FIELD = re.compile(r"\s*\(see [a-z]+(?:_[a-z]+)+\)")
# Field names seeded notes named in a sentence, and what a person calls them.
FIELD_WORDS = figures.IN_OLD_NOTES
_FIELD = re.compile(r"\b(" + "|".join(FIELD_WORDS) + r")\b")


def plain(text: str) -> str:
    """`text` without typing notation or field names: "Share of problems prevented (0–1)" reads "Share of problems
    prevented"; "... sets the minimum spend instead (see block_minimum_hours)." reads "... instead."."""
    text = _SEE_FIELD.sub("", _UNIT_FIRST.sub("(", _TYPED.sub("", text)))
    return _FIELD.sub(lambda m: FIELD_WORDS[m.group(1)], text)
