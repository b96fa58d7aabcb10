from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from notifications.models import OutgoingEmail
from notifications.tasks import send_email


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "subject", "state", "attempts", "sent_at"]
    list_filter = ["state", "kind"]
    search_fields = ["subject"]
    readonly_fields = [
        "kind",
        "report",
        "from_email",
        "to",
        "subject",
        "body_text",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    ]
    exclude = ["body_html", "headers", "attachment", "attachment_name"]
    actions = ["retry"]

    @admin.action(description=_("Try sending again"))
    def retry(self, request: HttpRequest, queryset: QuerySet[OutgoingEmail]) -> None:
        failed = list(
            queryset.filter(state=OutgoingEmail.State.FAILED).values_list(
                "pk", flat=True
            )
        )
        OutgoingEmail.objects.filter(pk__in=failed).update(
            state=OutgoingEmail.State.PENDING, attempts=0
        )
        for email_id in failed:
            send_email.enqueue(email_id)
        self.message_user(
            request,
            ngettext(
                "%d message queued again.", "%d messages queued again.", len(failed)
            )
            % len(failed),
            messages.SUCCESS,
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
