"""Spam protection for the comment form that asks nothing of people.

Two checks, both invisible to a person filling the form in a browser:
- a honeypot: a text field hidden from everyone (the HTML `hidden` attribute, so neither eyes nor screen
  readers meet it) that form-filling programs tend to complete;
- a minimum time: the form carries the signed time it was served, and a post sooner than
  settings.COMMENT_MIN_SECONDS after that came from a program. A person who is faster still just presses
  the button again. The time also has a maximum age, settings.COMMENT_MAX_HOURS: without one, a program
  could fetch the form once and post with that one token for ever, after waiting only once.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError

_SALT = "advisor.spam.started"
HONEYPOT = "subject"
STARTED = "started"


def started_token(*, seconds_ago: float = 0.0) -> str:
    """The signed time a form was served; tests may backdate it."""
    return signing.dumps(round(time.time() - seconds_ago, 1), salt=_SALT)


def _age(token: str) -> float | None:
    try:
        started = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, (int, float)):
        return None
    return time.time() - started


class HoneypotInput(forms.TextInput):
    """A text box (programs fill those in) that form renderers treat as hidden: no label, no wrapper."""

    is_hidden = True

    def __init__(self) -> None:
        super().__init__(attrs={"hidden": True, "autocomplete": "off"})


class SpamGuardForm(forms.Form):
    """Base for a form that people fill in; subclasses add their own fields after these two."""

    data: Any  # what was posted (Django's Form sets it); _replace_data swaps in a changed copy

    subject = forms.CharField(
        label="Leave this empty",
        required=False,
        max_length=200,
        widget=HoneypotInput,
    )
    started = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[STARTED].initial = started_token()
        self.order_fields([name for name in self.fields if name not in (HONEYPOT, STARTED)])

    def _replace_data(self, name: str, value: str) -> None:
        """Show a fresh value in the re-rendered form (bound forms render what was posted)."""
        data = self.data.copy()
        data[self.add_prefix(name)] = value
        self.data = data

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        honeypot = data.pop(HONEYPOT, "")
        token = data.pop(STARTED, "") or ""
        if honeypot:
            self._replace_data(HONEYPOT, "")
            raise ValidationError(
                "We could not accept this comment. If you are a person, please reload the page and send it again.",
                code="honeypot",
            )
        minimum = settings.COMMENT_MIN_SECONDS
        if minimum:
            age = _age(token)
            if age is None:
                self._replace_data(STARTED, started_token())
                raise ValidationError(
                    "The form had expired. Please check your comment and press the button again.",
                    code="bad_token",
                )
            if age > settings.COMMENT_MAX_HOURS * 3600:
                self._replace_data(STARTED, started_token())
                raise ValidationError(
                    "The form had expired. Please check your comment and press the button again.",
                    code="expired",
                )
            if age < minimum:
                raise ValidationError(
                    "That was quicker than a person can type. Please check your comment and press the button again.",
                    code="too_fast",
                )
        return data
