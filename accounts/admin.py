from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from accounts.models import User
from accounts.suspension import SuspensionError, reinstate_account, suspend_account
from institutions.admin_site import administered_institution, sees_everything
from institutions.middleware import AuthenticatedRequest
from institutions.models import Membership


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "phone"]


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class SuspensionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the suspension"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept for the administrators; the person is only told that the "
            "account is suspended."
        ),
    )


class SuspendedFilter(admin.SimpleListFilter):
    title = _("suspended")
    parameter_name = "suspended"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin
    ) -> list[tuple[str, str]]:
        return [("yes", gettext("Yes")), ("no", gettext("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(suspended_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(suspended_at__isnull=True)
        return queryset


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    add_form = UserCreationAdminForm
    form = UserChangeAdminForm
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "is_active",
        "suspended",
        "is_staff",
        "date_joined",
    ]
    list_filter = [SuspendedFilter, "is_staff", "is_superuser", "is_active"]
    actions = ["suspend_accounts", "reinstate_accounts"]
    readonly_fields = ["suspended_at", "suspension_reason"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal data"), {"fields": ["full_name", "phone"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
        (_("Suspension"), {"fields": ["suspended_at", "suspension_reason"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "phone", "password1", "password2"],
            },
        ),
    ]

    # An institution's administrator sees its staff, read only, and adds
    # accounts for new staff; citizens' accounts and other institutions'
    # people are the superusers'. A person who may work for several
    # institutions is changed by no single one of them.
    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        queryset = super().get_queryset(request)
        if sees_everything(request):
            return queryset
        institution = administered_institution(request)
        if institution is None:
            return queryset.none()
        members = Membership.objects.filter(institution=institution)
        return queryset.filter(pk__in=members.values("user"))

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[User], search_term: str
    ) -> tuple[QuerySet[User], bool]:
        found, may_repeat = super().get_search_results(request, queryset, search_term)
        # Giving a role to someone who is not staff yet: their exact address
        # finds them, and nothing else of the citizens shows.
        if not sees_everything(request) and "@" in search_term:
            exact = Q(email__iexact=search_term.strip())
            found = User.objects.filter(Q(pk__in=found.values("pk")) | exact)
            return found.order_by(*self.get_ordering(request)), False
        return found, may_repeat

    def has_module_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request) or bool(administered_institution(request))

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        if sees_everything(request):
            return super().has_view_permission(request, obj)
        return administered_institution(request) is not None

    def has_add_permission(self, request: HttpRequest) -> bool:
        if sees_everything(request):
            return super().has_add_permission(request)
        return administered_institution(request) is not None

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return sees_everything(request) and super().has_change_permission(request, obj)

    @method_decorator(sensitive_post_parameters())
    def add_view(
        self,
        request: HttpRequest,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Django opens the add page only to whoever may change users, for
        # its form could make a superuser. Ours takes the address, the name,
        # the phone and the password, nothing more (add_fieldsets): the add
        # permission is enough for an administrator to add a new colleague.
        if sees_everything(request):
            return super().add_view(request, form_url, extra_context)
        if not self.has_add_permission(request):
            raise PermissionDenied
        email = self.opts.get_field(User.USERNAME_FIELD)
        context = {
            **(extra_context or {}),
            "auto_populated_fields": (),
            "username_help_text": getattr(email, "help_text", ""),
        }
        # The model admin's own add page: a transaction, CSRF checked.
        return admin.ModelAdmin.add_view(self, request, form_url, context)

    def response_add(
        self, request: HttpRequest, obj: User, post_url_continue: str | None = None
    ) -> HttpResponse:
        keeps_adding = "_addanother" in request.POST or IS_POPUP_VAR in request.POST
        if sees_everything(request) or keeps_adding:
            return super().response_add(request, obj, post_url_continue)

        # The account is none of the institution's until it has a role
        # there, and the administrator cannot open it before: the role is
        # what they give it next.
        self.message_user(
            request,
            gettext("The account of %(name)s is added: now give it its role.")
            % {"name": obj},
            messages.SUCCESS,
        )
        url = reverse("admin:institutions_membership_add")
        return HttpResponseRedirect(f"{url}?{urlencode({'user': obj.pk})}")

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return sees_everything(request) and super().has_delete_permission(request, obj)

    @admin.display(boolean=True, description=_("suspended"), ordering="suspended_at")
    def suspended(self, user: User) -> bool:
        return user.is_suspended

    @admin.action(
        description=_("Suspend the selected accounts"), permissions=["change"]
    )
    def suspend_accounts(
        self, request: AuthenticatedRequest, queryset: QuerySet[User]
    ) -> TemplateResponse | None:
        """Ask for the reason first, then suspend; back to the list when done."""
        form = SuspensionForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": gettext("Suspend accounts"),
                "opts": self.model._meta,
                "form": form,
                "accounts": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(
                request, "admin/accounts/user/suspend.html", context
            )

        reason = form.cleaned_data["reason"]
        done = self._apply(
            request,
            queryset,
            lambda user: suspend_account(user=user, actor=request.user, reason=reason),
            log=gettext("Suspended. Reason: %(reason)s") % {"reason": reason},
        )
        if done:
            message = ngettext(
                "%(count)s account suspended.", "%(count)s accounts suspended.", done
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)
        return None

    @admin.action(
        description=_("Reinstate the selected accounts"), permissions=["change"]
    )
    def reinstate_accounts(
        self, request: AuthenticatedRequest, queryset: QuerySet[User]
    ) -> None:
        done = self._apply(
            request,
            queryset,
            lambda user: reinstate_account(user=user, actor=request.user),
            log=gettext("Reinstated."),
        )
        if done:
            message = ngettext(
                "%(count)s account reinstated.", "%(count)s accounts reinstated.", done
            )
            self.message_user(request, message % {"count": done}, messages.SUCCESS)

    def _apply(
        self,
        request: AuthenticatedRequest,
        queryset: QuerySet[User],
        operation: Callable[[User], object],
        *,
        log: str,
    ) -> int:
        """Run the operation on each account; a refusal becomes a warning."""
        done = 0
        for user in queryset:
            try:
                operation(user)
            except SuspensionError as error:
                self.message_user(request, str(error), messages.WARNING)
                continue
            self.log_change(request, user, log)
            done += 1
        return done
