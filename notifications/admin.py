from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from institutions.admin_site import InstitutionScopedAdmin
from notifications.models import InboundMailbox, OutgoingEmail
from notifications.tasks import send_email


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(InstitutionScopedAdmin):
    # Account e-mails (sign-up, password) belong to no report: superusers'.
    institution_path = "report__institution"
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


class InboundMailboxForm(forms.ModelForm):
    password = forms.CharField(
        label=_("password"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text=_("Leave it empty to keep the password saved before."),
    )

    class Meta:
        model = InboundMailbox
        fields = [
            "institution",
            "purpose",
            "address",
            "host",
            "port",
            "security",
            "username",
            "password",
            "folder",
            "is_active",
        ]

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if password:
            return password
        if self.instance.pk and self.instance.password:
            return self.instance.password
        raise forms.ValidationError(_("Type the mailbox's password."))


@admin.register(InboundMailbox)
class InboundMailboxAdmin(InstitutionScopedAdmin):
    form = InboundMailboxForm
    list_display = [
        "institution",
        "purpose",
        "username",
        "host",
        "is_active",
        "last_read_at",
        "failures",
    ]
    list_filter = ["purpose", "is_active"]
    readonly_fields = ["last_read_at", "last_error", "failures"]
