from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Open311Config(AppConfig):
    name = "open311"
    verbose_name = _("Open311 API")

    def ready(self) -> None:
        # Connects the receiver that turns waiting requests into reports.
        from open311 import receivers  # noqa: F401
