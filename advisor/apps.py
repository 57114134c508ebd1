from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AdvisorConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advisor"
    verbose_name = "IT support advisor"

    def ready(self) -> None:
        # Connects the signals that keep the content version current (see advisor/catalogue.py).
        from . import catalogue  # noqa: F401


class StaffAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with our site: a second step after the password (advisor/staff.py)."""

    default = False  # named in INSTALLED_APPS; "advisor" alone means AdvisorConfig
    default_site = "advisor.staff.StaffAdminSite"
