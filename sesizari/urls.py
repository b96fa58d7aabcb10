from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts import views as accounts_views
from dashboards.views import public_statistics
from institutions.views import branding_css, branding_picture, favicon
from reports.views.public import home

admin.site.site_header = _("Sesizări – administration")
admin.site.site_title = _("Sesizări")

urlpatterns = [
    path("", home, name="home"),
    path("", include("reports.urls")),
    path("branding.css", branding_css, name="branding-css"),
    path("favicon.ico", favicon, name="favicon"),
    path("marca/<path:name>", branding_picture, name="branding-picture"),
    path("birou/statistici/", include("dashboards.urls")),
    path("birou/", include("backoffice.urls")),
    path("statistici/", public_statistics, name="public-statistics"),
    path("cont/", include("allauth.urls")),
    path("registratura/", include("registratura.urls")),
    path("", include("notifications.urls")),
    path("", include("accounts.urls")),
    path("open311/v2/", include("open311.urls")),
    path("i18n/setlang/", accounts_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
