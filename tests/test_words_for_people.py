"""Words for people (issue 29): no page a person reads shows a field name (snake_case), typing notation such as
"(0–1)" or "(0 no, 1 yes)", or a pointer to a field ("see block_minimum_hours"); and migration 0021 mends the seeded
labels and notes only where staff have not edited them."""

from __future__ import annotations

import importlib
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from advisor import services
from advisor.engine.domain import Profile
from advisor.words import plain
from tests.engine.organisations_money import ORGANISATIONS

SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
NOTATION = re.compile(r"\(0\s*[–-]\s*1\)|\(0 no, 1 yes\)|\(0 roll over, 1 expire\)|\bsee [a-z]+_[a-z_]+")
ADDRESS = re.compile(r"(?:https?://|/)\S+")
# Attributes whose words a person reads or hears.
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}


class Words(HTMLParser):
    """The words of a page a person reads or hears: text outside scripts and styles, and READ_ATTRIBUTES."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self._skip += 1
        self.parts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def developer_words(html: str) -> list[str]:
    parser = Words()
    parser.feed(html)
    text = ADDRESS.sub(" ", " ".join(parser.parts))  # addresses are not words, and some have underscores
    return sorted(set(SNAKE_CASE.findall(text)) | set(NOTATION.findall(text)))


def test_the_scan_finds_what_it_looks_for():
    page = (
        '<p title="fee_per_user_month">Share prevented (0–1); included (0 no, 1 yes); see block_minimum_hours; '
        'from <a href="https://example.com/msp_pricing">https://example.com/msp_pricing</a></p><script>a_b</script>'
    )
    assert developer_words(page) == [
        "(0 no, 1 yes)",
        "(0–1)",
        "block_minimum_hours",
        "fee_per_user_month",
        "see block_minimum_hours",
    ]


@pytest.mark.django_db
def test_no_public_page_of_the_test_organisations_shows_words_meant_for_developers():
    client, found = Client(), {}

    def scan(path: str) -> None:
        response = client.get(path)
        assert response.status_code == 200, path
        words = developer_words(response.content.decode())
        if words:
            found[path] = words

    for path in ("/", "/assess/", "/how-it-works/"):
        scan(path)
    for organisation in ORGANISATIONS:
        assessment = services.assessment_create(
            scored=services.assessment_score(profile=Profile(**organisation.answers)),
            organisation_name=organisation.name,
        )
        for page in (assessment.get_absolute_url(), assessment.get_shared_url()):
            if page:
                scan(page)
                scan(page + "summary/")
        scan(f"/assess/?from={assessment.public_id}")
    assert not found, "Words meant for developers:\n" + "\n".join(f"{path}: {words}" for path, words in found.items())


def test_plain_words_take_out_notation_units_and_field_names_and_leave_the_rest():
    assert plain("Share of problems prevented (0–1)") == "Share of problems prevented"
    assert plain("Routine upkeep included (0 no, 1 yes)") == "Routine upkeep included"
    assert plain("An hour of one person's work ($, estimate)") == "An hour of one person's work (estimate)"
    assert plain("Recovery cost a person ($)") == "Recovery cost a person"
    assert plain("The smallest block sets the minimum spend instead (see block_minimum_hours).") == (
        "The smallest block sets the minimum spend instead."
    )
    assert plain("No fee to scale; the cost of hiring is in recruiting_cost_per_hire.") == (
        "No fee to scale; the cost of hiring is in the recruiting cost a hire."
    )
    assert plain("Likelier without routine upkeep (×)") == "Likelier without routine upkeep (×)"


MIGRATION = importlib.import_module("advisor.migrations.0021_words_for_people")


@pytest.mark.django_db
def test_the_migration_mends_seeded_labels_and_notes_and_keeps_staff_edits():
    from django.apps import apps

    from advisor.models import CostParameter, SharedFigure

    key, (seeded, mended) = next(iter(MIGRATION.LABELS.items()))
    (slug, note_key), (seeded_note, mended_note) = next(iter(MIGRATION.NOTES.items()))
    figure = SharedFigure.objects.get(key=key, region_id="US")
    parameter = CostParameter.objects.get(support_model__slug=slug, key=note_key, region_id="US")
    assert (figure.label, parameter.note) == (mended, mended_note)  # as migrated

    class Editor:
        class connection:
            alias = "default"

    MIGRATION.backward(apps, Editor)
    figure.refresh_from_db()
    parameter.refresh_from_db()
    assert (figure.label, parameter.note) == (seeded, seeded_note)

    SharedFigure.objects.filter(pk=figure.pk).update(label="Backup tools, as our staff put it")
    MIGRATION.forward(apps, Editor)
    figure.refresh_from_db()
    parameter.refresh_from_db()
    assert figure.label == "Backup tools, as our staff put it"  # a staff edit wins
    assert parameter.note == mended_note
