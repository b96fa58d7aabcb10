from collections.abc import Callable
from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        connection_created.connect(_add_sqlite_functions, dispatch_uid="reports-sqlite")


def _add_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    # The list's search (reports.filters.PlainUpper) on SQLite.
    if connection.vendor == "sqlite":
        from reports.filters import SQLITE_PLAIN_UPPER, plain_upper

        connection.connection.create_function(
            SQLITE_PLAIN_UPPER, 1, _or_none(plain_upper), deterministic=True
        )


def _or_none(function: Callable[[str], str]) -> Callable[[str | None], str | None]:
    return lambda text: None if text is None else function(text)
