"""Defined once, really (issue 27, item 4): each answer's choices, each cost figure's key, the quote's list of what
it may include and what a quote may be for are spelled out in one app module, and everything else builds on it.

Read from the source text of `advisor/`, migrations and the content data modules left out: those are frozen seed
data, written once and never edited, and must keep the values they were written with.

What counts as spelling one out (a reading of a name, `option["hourly_rate"]` or `"helpdesk" in has`, does not):
- a value paired with its words: `("helpdesk", "Fixing problems ...")`, or a choices class's member
  `HEALTHCARE = "healthcare", "Healthcare"`;
- a table of words keyed by it: `{"helpdesk": "fixing problems (the helpdesk)"}`;
- a record made with it and its words: `Included("helpdesk", "Fixing problems ...", ...)`;
- a sentence listing three or more of them, as an error message once did ("helpdesk, monitoring, security, ...").
Documentation (a docstring) reads names and is left out; so is a bare list of names, a selection of them such as
`("security", "backup")` or the history snapshot.py keeps of what a quote could include before "helpdesk".
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from advisor.engine import answers, figures
from advisor.engine.domain import QUOTE_INCLUDES, QUOTE_MODELS

APP = Path(__file__).resolve().parent.parent / "advisor"
FROZEN_DATA = ("migrations", "content")


@functools.cache
def app_modules() -> tuple[tuple[str, ast.Module], ...]:
    return tuple(
        (str(path.relative_to(APP)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(APP.rglob("*.py"))
        if not any(part in FROZEN_DATA for part in path.relative_to(APP).parts)
    )


def _text(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_words(node: ast.AST | None, wanted: set[str]) -> bool:
    """Words for people, not another name: "Stable" or "fixing problems", not "msp_fee_per_user"."""
    if isinstance(node, ast.JoinedStr):
        return True
    text = _text(node)
    return text is not None and text not in wanted and not re.fullmatch(r"[a-z0-9_]+", text)


def _docstrings(tree: ast.Module) -> set[int]:
    """Documentation reads the names, as a formula's description does: a module's, class's or function's first
    string is left out."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and _text(first.value) is not None:
                found.add(id(first.value))
    return found


def spellings(values: Iterable[str], tree: ast.Module) -> set[str]:
    """The values of `values` this module spells out, in one of the ways above."""
    wanted = set(values)
    found: set[str] = set()
    documentation = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 2:
            first, second = node.elts
            if _text(first) in wanted and _is_words(second, wanted):
                found.add(str(_text(first)))
        elif isinstance(node, ast.Call) and len(node.args) >= 2:  # a record made with its name and words
            if _text(node.args[0]) in wanted and _is_words(node.args[1], wanted):
                found.add(str(_text(node.args[0])))
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if _text(key) in wanted and _is_words(value, wanted):
                    found.add(str(_text(key)))
        text = _text(node)
        if text is not None and text not in wanted and id(node) not in documentation:
            named = {v for v in wanted if re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", text)}
            if len(named) >= 3:
                found |= named
    return found


def where_spelled(values: Iterable[str]) -> dict[str, list[str]]:
    """Each value of `values` and the app modules that spell it out."""
    values = tuple(values)
    places: dict[str, list[str]] = {value: [] for value in values}
    for name, tree in app_modules():
        for value in spellings(values, tree):
            places[value].append(name)
    return places


def modules_listing(values: Iterable[str], at_least: int) -> list[str]:
    """The app modules that spell out `at_least` of `values`."""
    places = where_spelled(values)
    modules = {module for where in places.values() for module in where}
    return sorted(m for m in modules if sum(m in where for where in places.values()) >= at_least)


@pytest.mark.parametrize("question", [q for q in answers.QUESTIONS if q.is_choice], ids=lambda q: q.name)
def test_each_answers_choices_are_spelled_in_the_question_table_alone(question: answers.Question) -> None:
    # Values such as "none" or "yes" are shared by other lists (cyber insurance, compliance): a module spells this
    # question's choices when it gives words to every one of its values.
    values = [value for value, _ in question.choices]
    spelling = modules_listing(values, at_least=len(values))
    assert spelling == ["engine/answers.py"], f"{question.name}'s choices are spelled in {', '.join(spelling)}"


def test_each_cost_figures_key_is_spelled_in_the_figures_table_alone() -> None:
    # "hourly_rate" is also the name of an answer (a rate the person was quoted), which the question table names.
    also_answers = {(q.name, "engine/answers.py") for q in answers.QUESTIONS}
    doubled = {
        key: where
        for key, where in where_spelled(figures.ALL_KEYS).items()
        if [m for m in where if (key, m) not in also_answers] != ["engine/figures.py"]
    }
    assert not doubled, "Figure keys spelled elsewhere: " + "; ".join(
        f"{key} in {', '.join(where) or 'no module'}" for key, where in doubled.items()
    )


def test_what_a_quote_may_include_is_listed_in_one_table() -> None:
    # "backup" and "after_hours" also name a control and a piece of the scope: a module lists what a quote may
    # include when it gives words to two or more of the pieces.
    listing = modules_listing((key for key, _ in QUOTE_INCLUDES), at_least=2)
    assert listing == ["engine/domain.py"], f"What a quote may include is listed in {', '.join(listing)}"


def test_what_a_quote_may_be_for_is_listed_in_one_table() -> None:
    # The slugs are read everywhere ("msp", "break-fix"); a module lists them when it gives words to two or more.
    listing = modules_listing((slug for slug, _ in QUOTE_MODELS), at_least=2)
    assert listing == ["engine/domain.py"], f"What a quote may be for is listed in {', '.join(listing)}"


# The finder itself, on sources written for it: it has to see each kind of spelling, and let a reading through.


def test_the_finder_sees_a_pair_a_table_a_choices_member_a_record_and_a_listing_sentence() -> None:
    tree = ast.parse(
        "A = ('a', 'Words for a')\n"
        "B = {'b': 'words for b', 'x': 1}\n"
        "class C:\n    C = 'c', 'Words for c'\n"
        "D = 'Choose one of d, e, f.'\n"
        "G = Piece('g', 'words for g')\n"
    )
    assert spellings("abcdefgx", tree) == set("abcdefg")


def test_the_finder_lets_readings_and_selections_through() -> None:
    tree = ast.parse(
        "x = option['a'] + option.get('b')\n"
        "if 'c' in has: pass\n"
        "pair = ('a', 'b')\n"  # two of the values: a selection, not a value and its words
        "costs = {'a': 1.0, 'b': option['b']}\n"
        "note = 'only a and b'\n"
        "names = ('a', 'other_name')\n"
        "item = Piece('a', labels['a'], 'Included in the fee.')\n"  # two names, not a name and its words
        "def f():\n    'Documents a, b and c.'\n"
    )
    assert spellings("abc", tree) == set()
