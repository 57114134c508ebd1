"""The class and element names in a stylesheet's selectors (for tests/test_static.py and tools/trim_bootstrap.sh)."""

from __future__ import annotations

import re

# Keyframe selectors, not elements.
_NOT_ELEMENTS = {"from", "to"}


def selectors(css: str) -> list[str]:
    """Every selector of every rule, at-rule blocks (media queries, keyframes) opened up."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [s.strip() for group in re.findall(r"([^{}]+)\{[^{}]*\}", css) for s in group.split(",")]


def selector_classes(css: str) -> set[str]:
    return {name for s in selectors(css) for name in re.findall(r"\.(-?[A-Za-z_][\w-]*)", s)}


def selector_elements(css: str) -> set[str]:
    names = set()
    for s in selectors(css):
        s = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", s)  # attribute tests and :not(...) arguments
        names.update(re.findall(r"(?:^|[\s>+~])([a-z][a-z0-9]*)", s))
    return names - _NOT_ELEMENTS


def selector_attribute_tests(css: str) -> set[str]:
    """The attribute tests with a value in a stylesheet's selectors, as name=value: "type=radio", "dir=rtl"."""
    tests = set()
    for s in selectors(css):
        for name, value in re.findall(r"\[([\w-]+)=[\"']?([^\"'\]]+)[\"']?\]", s):
            tests.add(f"{name}={value}")
    return tests
