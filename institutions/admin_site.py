"""The Django admin, each institution's administrators seeing only their own.

Who gets in: a superuser (with ``is_staff``, Django's rule) anywhere, and
an administrator (the ADMIN role) of the institution whose site the request
is on. ``is_staff`` alone opens nothing: the role, given in the institution's
own roles, is what makes an administrator, and only on that institution's
site. Superusers see and change everything; administrators see, change and
add only their institution's objects, through InstitutionScopedAdmin.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin import RelatedOnlyFieldListFilter
from django.db import models
from django.db.models import QuerySet
from django.forms import ModelChoiceField, ModelMultipleChoiceField
from django.http import HttpRequest

from institutions import roles
from institutions.models import Institution

_UNSET = object()


def sees_everything(request: HttpRequest) -> bool:
    """A superuser, who manages the whole deployment."""
    user = request.user
    return bool(user.is_active and user.is_staff and user.is_superuser)


def administered_institution(request: HttpRequest) -> Institution | None:
    """The institution of the site when the user is its administrator."""
    found = getattr(request, "_administered_institution", _UNSET)
    if found is _UNSET:
        institution = getattr(request, "institution", None)
        user = request.user
        is_admin = (
            institution and user.is_active and roles.is_admin_of(user, institution)
        )
        found = institution if is_admin else None
        # Asked many times for one page: once is enough.
        request._administered_institution = found  # type: ignore[attr-defined]
    return found  # type: ignore[return-value]


class SesizariAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return sees_everything(request) or administered_institution(request) is not None


def scoped_choices(
    model: type[models.Model], institution: Institution
) -> QuerySet[Any] | None:
    """The objects of `model` an administrator of the institution may pick.

    None for a model that belongs to no institution (users, for instance).
    """
    if model is Institution:
        return Institution.objects.filter(pk=institution.pk)
    names = {field.name for field in model._meta.get_fields()}
    if "institution" in names:
        return model._default_manager.filter(institution=institution)
    if "report" in names:
        return model._default_manager.filter(report__institution=institution)
    return None


def _limit(
    request: HttpRequest, db_field: models.Field[Any, Any], kwargs: dict[str, Any]
) -> None:
    """Limit a relation's choices to the administered institution's objects."""
    if sees_everything(request):
        return
    institution = administered_institution(request)
    related = db_field.related_model
    if institution is None or not isinstance(related, type):
        return
    choices = scoped_choices(related, institution)
    if choices is not None:
        kwargs["queryset"] = choices
    if related is Institution:
        kwargs["initial"] = institution


class InstitutionScopedAdmin(admin.ModelAdmin):
    """A model admin that shows an administrator only their institution's objects.

    ``institution_path`` leads from the model to its institution, as in a
    query ("institution", "report__institution"); "pk" for the institution
    itself. A model admin that refuses a permission still refuses it: its
    own method overrides this one.
    """

    institution_path = "institution"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if sees_everything(request):
            return queryset
        institution = administered_institution(request)
        if institution is None:
            return queryset.none()
        return queryset.filter(**{self.institution_path: institution.pk})

    def institution_pk_of(self, obj: models.Model) -> int | None:
        *hops, last = self.institution_path.split("__")
        target: Any = obj
        for hop in hops:
            target = getattr(target, hop, None)
            if target is None:
                return None
        return target.pk if last == "pk" else getattr(target, f"{last}_id")

    def _administers(self, request: HttpRequest, obj: Any) -> bool:
        institution = administered_institution(request)
        if institution is None:
            return False
        return obj is None or self.institution_pk_of(obj) == institution.pk

    def has_module_permission(self, request: HttpRequest) -> bool:
        if sees_everything(request):
            return super().has_module_permission(request)
        return administered_institution(request) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_view_permission(request, obj)
        return self._administers(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_change_permission(request, obj)
        return self._administers(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        if sees_everything(request):
            return super().has_add_permission(request)
        return administered_institution(request) is not None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_delete_permission(request, obj)
        return self._administers(request, obj)

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        _limit(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField[Any] | None:
        _limit(request, db_field, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        institution = administered_institution(request)
        if institution is not None and not sees_everything(request):
            initial.setdefault("institution", str(institution.pk))
        return initial

    def get_list_filter(self, request: HttpRequest) -> Any:
        filters = super().get_list_filter(request)
        if sees_everything(request):
            return filters
        # The sidebar would list every institution's categories, departments
        # and zones: only those of the objects shown are offered.
        scoped: list[Any] = []
        for item in filters:
            field = self._relation(item)
            if field is None:
                scoped.append(item)
            elif field.related_model is not Institution:
                scoped.append((item, RelatedOnlyFieldListFilter))
        return scoped

    def _relation(self, item: Any) -> Any:
        if not isinstance(item, str) or "__" in item:
            return None
        try:
            field = self.model._meta.get_field(item)
        except Exception:  # noqa: BLE001 - a filter that is no model field
            return None
        return field if field.is_relation else None


class InstitutionScopedInline(admin.options.InlineModelAdmin):
    """An inline of a scoped model admin: its parent is already the institution's."""

    def _allowed(self, request: HttpRequest) -> bool:
        return administered_institution(request) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_view_permission(request, obj)
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_change_permission(request, obj)
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_add_permission(request, obj)
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if sees_everything(request):
            return super().has_delete_permission(request, obj)
        return self._allowed(request)

    def formfield_for_foreignkey(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField[Any] | None:
        _limit(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
