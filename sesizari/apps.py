"""Installed apps of others, named for the Romanian admin."""

from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class ScopedAdminConfig(AdminConfig):
    """The admin in which each institution's administrators see their own."""

    default_site = "institutions.admin_site.SesizariAdminSite"


class BackgroundTasksConfig(TasksAppConfig):
    # The base class declares a plain str; Django takes a lazy text here.
    verbose_name = _("Background tasks")  # type: ignore[assignment]
