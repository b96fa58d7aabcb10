"""Installed apps of others, named for the Romanian admin."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    # The base class declares a plain str; Django takes a lazy text here.
    verbose_name = _("Background tasks")  # type: ignore[assignment]
