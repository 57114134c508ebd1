# advisor: a production image. Build with `docker build -t advisor .`; docker-compose.yml runs it with PostgreSQL.
# The image serves plain HTTP on port 8000; put a TLS-terminating proxy or load balancer in front (README).

# --- Stage 1: install the locked dependencies into a virtual environment ------------------------------------
# An exact release of Python and Debian, the same one for both stages. At a release, pin its digest as well,
# `python:3.11.14-slim-bookworm@sha256:<digest>`, read with `docker buildx imagetools inspect <tag>`.
FROM python:3.11.14-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# The lock alone first: this layer is built again only when the lock changes, not at every change of code.
# Every release exactly as tested, each checked against its hash, setuptools (the build backend) included.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
# Then the project, built by the locked setuptools, with nothing resolved or fetched; `pip check` proves the
# lock holds all it needs. The runtime stage runs the source from /app, so the installed copy is dropped.
COPY pyproject.toml ./
COPY advisor ./advisor
COPY config ./config
RUN pip install --no-deps --no-build-isolation . && pip check && pip uninstall --yes advisor

# --- Stage 2: the runtime: no compilers, no pip cache, a user without privileges ------------------------------
FROM python:3.11.14-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin advisor \
    && mkdir /data && chown advisor:advisor /data
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# The code belongs to root and is only readable by the app's user, which cannot change it.
COPY . .
# Static files are collected once, at build time, into the image (whitenoise serves them, compressed and
# with hashed names). The key below exists only for this command; the running container needs its own.
RUN DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=build.invalid \
    DJANGO_SECRET_KEY=collectstatic-at-build-time-only-never-used-to-sign-anything-000000 \
    python manage.py collectstatic --noinput --verbosity 0
USER advisor
EXPOSE 8000
# No curl in a slim image: Python's own urllib asks /healthz, which touches no database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
CMD ["gunicorn", "config.wsgi:application", "--config", "config/gunicorn.conf.py", "--bind", "0.0.0.0:8000"]
