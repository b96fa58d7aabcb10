"""Who may do what in an institution, from the user's memberships."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from accounts.models import User
from institutions.models import Department, Institution, Membership, Role

AnyUser = User | AnonymousUser


def _memberships(user: AnyUser, institution: Institution) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, institution=institution)


def is_staff_of(user: AnyUser, institution: Institution) -> bool:
    return _memberships(user, institution).exists()


def is_admin_of(user: AnyUser, institution: Institution) -> bool:
    return _memberships(user, institution).filter(role=Role.ADMIN).exists()


def is_clerk(user: AnyUser, institution: Institution) -> bool:
    return _memberships(user, institution).filter(role=Role.CLERK).exists()


def is_head_of(user: AnyUser, department: Department | None) -> bool:
    if department is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(
        user=user, department=department, role=Role.HEAD
    ).exists()


def works_in(user: AnyUser, department: Department | None) -> bool:
    """True for the department's head and staff members."""
    if department is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, department=department).exists()


def headed_departments(user: User, institution: Institution) -> QuerySet[Department]:
    return Department.objects.filter(
        memberships__user=user,
        memberships__role=Role.HEAD,
        institution=institution,
    ).distinct()


def department_members(department: Department | None) -> QuerySet[User]:
    """The people a head can give a report to: the department's head and staff."""
    if department is None:
        return User.objects.none()
    return (
        User.objects.filter(memberships__department=department, is_active=True)
        .distinct()
        .order_by("full_name")
    )


def roles_of(user: AnyUser, institution: Institution) -> set[str]:
    return set(_memberships(user, institution).values_list("role", flat=True))
