"""The rate-limit counters and the API's Idempotency-Keys as kept in the site's own database: the default stores
(advisor/protect/stores.py; with CACHE_URL or IDEMPOTENCY_CACHE_URL naming a Redis server, Django's RedisCache
keeps them instead). Imported by advisor/models.py, so Django and its migrations see them as the app's models.

Two tables, one per job, so a flood of keys never crowds the counts (and the other way round). Rows that have
expired are never read again; each insert deletes a bounded batch of them (PURGE_BATCH), so the tables hold
about the live rows whatever arrives, and no insert waits on a large clean-up.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

# Expired rows deleted by each insert at most: many times more than the one row it adds, so expired rows never
# pile up, and few enough that an insert never waits on a long delete.
PURGE_BATCH = 100


def purge_expired(model: type[models.Model], now: datetime) -> None:
    manager = model._default_manager
    expired = list(manager.filter(expires__lte=now).order_by("expires").values_list("pk", flat=True)[:PURGE_BATCH])
    if expired:
        manager.filter(pk__in=expired).delete()


class RateCount(models.Model):
    """One client's posts against one limit in one window (advisor/protect/ratelimit.py), e.g. `api:<client>:<n>`.

    Counted with one `UPDATE … SET count = count + 1`, which the database applies atomically, so two workers
    counting the same client at once never lose a hit (healthchecks' TokenBucket reads, changes and saves
    the row, and says it accepts that race; the limits here must let exactly the limit through). A row lives
    until its window ends (and a minute more); it is never dropped to make room.
    """

    key = models.CharField(max_length=100, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "rate-limit count"

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"

    @classmethod
    def hit(cls, key: str, expires: datetime) -> int:
        """Count one hit under `key` (a row that expires at `expires` when it is new); the count after it."""
        counted = cls.objects.filter(key=key)
        with transaction.atomic():
            if not counted.update(count=F("count") + 1):
                # The first hit: make the row (INSERT ... ON CONFLICT DO NOTHING, as another worker may have just
                # made it) and count on it, with no savepoint to roll back to.
                purge_expired(cls, timezone.now())
                cls.objects.bulk_create([cls(key=key, count=0, expires=expires)], ignore_conflicts=True)
                counted.update(count=F("count") + 1)
            # The row is this transaction's to write until it ends (PostgreSQL's row lock; SQLite's write lock,
            # taken by BEGIN IMMEDIATE), so this reads the count our update made.
            return counted.values_list("count", flat=True).get()


class IdempotencyKey(models.Model):
    """What one API client's Idempotency-Key keeps (advisor/idempotency.py): the body's digest and the public id
    of the assessment its post makes, for a day. `key` is an HMAC of the client and its key, never the key.

    The unique `key` makes taking a key atomic: of two posts inserting it at once, the database lets one in.
    """

    key = models.CharField(max_length=64, unique=True)
    fingerprint = models.CharField(max_length=64)
    # The public id the post will store its assessment under, kept before anything is stored.
    reserved = models.CharField(max_length=36, blank=True)
    # The public id of the assessment the post stored, once it did: blank while it is being scored.
    assessment = models.CharField(max_length=36, blank=True)
    taken = models.DateTimeField()
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "idempotency key"

    def __str__(self) -> str:
        return self.key
