"""A small HTTP load generator, for machines without wrk. Slower than wrk, but measured the same way.

Each of `connections` processes sends requests one after another for `duration` seconds and records how
long each took; the totals give requests per second and latency percentiles. Page ratios (each page
against /healthz in the same run) are what the benchmark reports, so the generator's own cost, which is
the same for every page, matters less than it would for absolute figures.
"""

from __future__ import annotations

import http.client
import multiprocessing
import time
from urllib.parse import urlsplit


def _worker(args: tuple) -> tuple[int, int, list[float]]:
    url, duration, method, body_template, headers, offset = args
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + duration
    ok = errors = 0
    latencies: list[float] = []
    counter = offset
    while True:
        start = time.perf_counter()
        if start >= deadline:
            break
        counter += 1
        body = body_template.replace("{employees}", str(5 + counter % 200)).encode() if body_template else None
        try:
            # gunicorn's sync workers close the connection after each response, as they do for wrk.
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
        except OSError:
            errors += 1
            continue
        latencies.append(time.perf_counter() - start)
        if 200 <= response.status < 400:
            ok += 1
        else:
            errors += 1
    return ok, errors, latencies


def run(
    url: str,
    *,
    duration: float,
    connections: int = 8,
    method: str = "GET",
    body: str = "",
    headers: dict[str, str] | None = None,
) -> dict:
    """Load `url` for `duration` seconds; the same keys as bench/run.py reads from wrk's output."""
    jobs = [(url, duration, method, body, headers or {}, i * 100_000) for i in range(connections)]
    with multiprocessing.get_context("fork").Pool(connections) as pool:
        parts = pool.map(_worker, jobs)
    latencies = sorted(latency for _, _, chunk in parts for latency in chunk)
    ok = sum(p[0] for p in parts)
    errors = sum(p[1] for p in parts)

    def percentile(share: float) -> float:
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return {
        "requests": ok + errors,
        "requests_per_second": (ok + errors) / duration,
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "errors": errors,
    }
