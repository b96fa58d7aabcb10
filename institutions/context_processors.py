from django.http import HttpRequest

from institutions import roles


def institution(request: HttpRequest) -> dict[str, object]:
    current = getattr(request, "institution", None)
    user = getattr(request, "user", None)
    is_staff_member = bool(
        current and user and user.is_authenticated and roles.is_staff_of(user, current)
    )
    return {"institution": current, "is_staff_member": is_staff_member}
