from django.conf import settings
from django.contrib import admin
from django.contrib.flatpages import views as flatpages
from django.urls import include, path
from django.views.decorators.http import require_safe

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # A flat page (django.contrib.flatpages) whose text staff edit in the admin; seeded by
    # advisor/migrations/0005_how_it_works_page.py. Named here rather than found by the fallback middleware,
    # so the footer can link to it and a missing page stays an ordinary 404.
    path("how-it-works/", require_safe(flatpages.flatpage), {"url": "/how-it-works/"}, name="how_it_works"),
    path("", include("advisor.urls")),
]

# A request that could not have SQLite's write lock in time is answered 503 with Retry-After (config/database.py).
handler500 = "config.database.server_error"
