"""The content version mirrored beside a SQLite file: written once a change commits, read before the database."""
from __future__ import annotations

import pytest
from django.db import transaction

from advisor import versionstamp
from advisor.catalogue import content_version
from advisor.models import ContentVersion


@pytest.fixture
def stamp(tmp_path, monkeypatch):
    """A stamp file in a temporary folder, as a SQLite database kept there would have."""
    file = tmp_path / ("db.sqlite3" + versionstamp.SUFFIX)
    monkeypatch.setattr(versionstamp, "_name", lambda using="default": str(file))
    return file


def test_only_a_sqlite_database_kept_in_a_file_has_a_stamp(monkeypatch, settings):
    settings_dict = settings.DATABASES["default"]
    assert versionstamp.path() is None or settings_dict["ENGINE"].endswith("sqlite3")
    monkeypatch.setitem(settings_dict, "ENGINE", "django.db.backends.sqlite3")
    monkeypatch.setitem(settings_dict, "NAME", "/srv/advisor/db.sqlite3")
    assert str(versionstamp.path()) == "/srv/advisor/db.sqlite3.content-version"
    for in_memory in (":memory:", "file:memorydb_default?mode=memory&cache=shared", ""):
        monkeypatch.setitem(settings_dict, "NAME", in_memory)
        assert versionstamp.path() is None
    monkeypatch.setitem(settings_dict, "ENGINE", "django.db.backends.postgresql")
    monkeypatch.setitem(settings_dict, "NAME", "advisor")
    assert versionstamp.path() is None


def test_the_stamp_is_replaced_in_one_step_and_read_back(stamp):
    assert versionstamp.read() is None  # no file yet
    versionstamp.write(1234)
    versionstamp.write(98765)
    assert versionstamp.read() == 98765
    assert [p.name for p in stamp.parent.iterdir()] == [stamp.name]  # nothing left aside
    stamp.write_bytes(b"not a number")
    assert versionstamp.read() is None


@pytest.mark.django_db
def test_a_bump_writes_the_stamp_once_it_commits_and_the_version_is_read_from_it(
        stamp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ContentVersion.bump()
    in_database = ContentVersion.objects.get(pk=1).version
    assert versionstamp.read() == in_database
    assert content_version() == in_database
    stamp.write_bytes(b"42")
    assert content_version() == 42  # the file is what pages ask, not the database


@pytest.mark.django_db(transaction=True)
def test_a_bump_rolled_back_leaves_the_stamp_as_it_was(stamp):
    ContentVersion.bump()
    before = versionstamp.read()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContentVersion.bump()
        raise RuntimeError("the edit fails")
    assert versionstamp.read() == before == ContentVersion.objects.get(pk=1).version
