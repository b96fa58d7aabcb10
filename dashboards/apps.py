from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards")

    def ready(self) -> None:
        from dashboards import facts
        from zones.signals import zones_assigned

        def follow(institution: Any, **kwargs: Any) -> None:
            facts.follow_zones(institution.pk)

        zones_assigned.connect(follow, weak=False, dispatch_uid="dashboards-zones")
