from django.apps import AppConfig


class AdvisorConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advisor"
    verbose_name = "IT support advisor"

    def ready(self) -> None:
        # Connects the signals that keep the content version current (see advisor/catalogue.py).
        from . import catalogue  # noqa: F401

        # Connects the signals that count admin sign-in failures per account (see advisor/protect/signin.py).
        from .protect import signin  # noqa: F401
