"""The site's guards: per-client rate limits (ratelimit.py), the comment form's spam guard (spam.py) and the
same-origin check for forms that take no CSRF token (sameorigin.py)."""
