"""The stores of the rate-limit counters (and API idempotency keys): Django's database and local-memory caches,
changed so that they never drop a live entry, and the database one's increment made safe across workers.

Culling: past MAX_ENTRIES, Django's caches make room by dropping live entries (the database cache the
first tenth of the keys in order, after the expired ones; local memory the least recently used tenth).
For counters that resets clients' limits: a flood of other entries (say 50,000 clients' counts) would let a
client post past its limit. Here culling removes expired entries only; live ones stay until they expire,
so MAX_ENTRIES is where the clean-up starts, not a cap. Redis and memcached evict by their own policy:
give them a store of their own (Redis: maxmemory-policy noeviction or volatile-ttl).

Django's own `DatabaseCache.incr` reads the value and writes it back in two statements, so two workers
counting the same key at the same moment can both write the same number and lose a hit; it also restarts
the entry's lifetime. The rate limits count with `incr`, so here the read and the write share one
transaction that holds the row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite our transactions start with
BEGIN IMMEDIATE, see DATABASES, which takes the database's write lock before the read), and the entry keeps
the expiry it was added with.
"""

from __future__ import annotations

import math
import time

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.locmem import LocMemCache as DjangoLocMemCache
from django.db import connections, models, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def _cull(self, db, cursor, now, num):
        """Delete the expired rows, and only those."""
        connection = connections[db]
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(self._table)} WHERE {connection.ops.quote_name('expires')} < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )

    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db):
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {quote('expires')} FROM {quote(self._table)} WHERE {quote('cache_key')} = %s{lock}",
                    [self.make_and_validate_key(key, version=version)],
                )
                row = cursor.fetchone()
            expires = row[0] if row else None
            if expires is not None:
                expression = models.Expression(output_field=models.DateTimeField())
                for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
                    connection
                ):
                    expires = converter(expires, expression, connection)
            value = self.get(key, self._missing_key, version=version)
            if expires is None or value is self._missing_key:
                raise ValueError(f"Key '{key}' not found")
            # An entry stored without a timeout keeps none; any other keeps what is left of its lifetime,
            # rounded up: Django stores expiry times to the whole second, so rounding down would bring the
            # expiry up to a second earlier on every hit, and a client hammering a limit could outlast it.
            remaining = None if expires.year == 9999 else max(1, math.ceil((expires - now()).total_seconds()))
            new_value = value + delta
            self.set(key, new_value, timeout=remaining, version=version)
            return new_value


class LocMemCache(DjangoLocMemCache):
    """One process's memory (locmem://, for a single-process server), culling only expired entries."""

    def _cull(self):
        now = time.time()
        for key in [key for key, expires in self._expire_info.items() if expires is not None and expires <= now]:
            self._delete(key)
