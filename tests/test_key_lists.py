"""No positional slice of a list of keys in `advisor/` (issue 27): `OPTION_KEYS[:14]` meant "the first fourteen,
whatever they are", so a key added in the wrong place silently changed what it named. A group of keys is
named as a tuple of its own and the longer list built from it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "advisor"


def key_list_slices(source: str) -> list[str]:
    """Each slice of a constant named ..._KEYS or ..._FIELDS (a module's list of keys) in the source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            name = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", "")
            if name.isupper() and name.endswith(("KEYS", "FIELDS")):
                found.append(ast.unparse(node))
    return found


def test_no_list_of_keys_is_sliced_by_position():
    found = {
        str(path.relative_to(PACKAGE.parent)): slices
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts and (slices := key_list_slices(path.read_text()))
    }
    assert found == {}


def test_the_check_sees_a_slice_of_keys():
    assert key_list_slices("COMMON = costs.OPTION_KEYS[:14]\nrest = FIGURE_FIELDS[3:]\nx = names[:2]") == [
        "costs.OPTION_KEYS[:14]",
        "FIGURE_FIELDS[3:]",
    ]
