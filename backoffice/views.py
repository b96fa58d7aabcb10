"""The back office: work queues, the staff page of a report and its actions.

Every action is a POST to its own URL that calls one workflow operation;
the operation decides whether it is allowed. A refused or invalid action
shows the report page again with the form as it was typed.
"""

from collections.abc import Callable
from typing import IO, Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from backoffice import access, queues
from backoffice.access import StaffRequest
from backoffice.forms import (
    AssignForm,
    ExtendForm,
    ForwardForm,
    JoinForm,
    MessageForm,
    NoteForm,
    PublishForm,
    RejectForm,
    ResolutionForm,
)
from institutions import roles
from institutions.admin_site import sees_everything
from institutions.models import Role
from registratura import outbox as registry_outbox
from registratura.forms import RegistryNumberForm
from reports import duplicates, forwarding, joining, workflow
from reports import messages as messages_ops
from reports import photos as photo_ops
from reports.models import Photo, Report, Resolution
from reports.photos import can_view_original

QUEUE_PAGE_SIZE = 25

# The forms that start blank whatever the report; the others start from it.
PLAIN_FORMS: dict[str, type[Form]] = {
    access.REJECT: RejectForm,
    access.RESOLVE: ResolutionForm,
    access.NOTE: NoteForm,
    access.EXTEND: ExtendForm,
    access.REGISTRY_NUMBER: RegistryNumberForm,
    access.MESSAGE: MessageForm,
}


def _paginate(
    request: HttpRequest, queryset: QuerySet[Report], param: str = "page"
) -> Page[Report]:
    return Paginator(queryset, QUEUE_PAGE_SIZE).get_page(request.GET.get(param))


def _require_role(request: StaffRequest, *wanted: str) -> set[str]:
    held = roles.roles_of(request.user, request.institution)
    if not held & set(wanted):
        raise PermissionDenied
    return held


def _queue_context(current: str, held: set[str], **extra: object) -> dict[str, object]:
    return {
        "queues": access.visible_queues(held),
        "current_queue": current,
        **extra,
    }


@access.staff_page
@require_GET
def home(request: StaffRequest) -> HttpResponse:
    held = roles.roles_of(request.user, request.institution)
    if Role.CLERK in held:
        return redirect("backoffice:clerk-queue")
    if Role.HEAD in held:
        return redirect("backoffice:department-queue")
    if Role.STAFF in held:
        return redirect("backoffice:my-work")

    context = _queue_context(
        "", held, can_use_admin=Role.ADMIN in held or sees_everything(request)
    )
    return render(request, "backoffice/home.html", context)


@access.staff_page
@require_GET
def clerk_queue(request: StaffRequest) -> HttpResponse:
    held = _require_role(request, Role.CLERK)

    page = _paginate(request, queues.to_check(request.institution))
    context = _queue_context(
        "backoffice:clerk-queue",
        held,
        page=page,
        registry_waiting=registry_outbox.waiting_too_long(request.institution.pk),
        registry_alert_minutes=settings.REGISTRY_ALERT_MINUTES,
    )
    return render(request, "backoffice/clerk_queue.html", context)


@access.staff_page
@require_GET
def department_queue(request: StaffRequest) -> HttpResponse:
    held = _require_role(request, Role.HEAD)

    user, institution = request.user, request.institution
    context = _queue_context(
        "backoffice:department-queue",
        held,
        to_assign=_paginate(request, queues.to_assign(user, institution)),
        in_progress=_paginate(
            request, queues.in_progress(user, institution), "in_progress_page"
        ),
        departments=roles.headed_departments(user, institution),
    )
    return render(request, "backoffice/department_queue.html", context)


@access.staff_page
@require_GET
def my_work(request: StaffRequest) -> HttpResponse:
    held = _require_role(request, Role.HEAD, Role.STAFF)

    page = _paginate(request, queues.my_work(request.user, request.institution))
    context = _queue_context("backoffice:my-work", held, page=page)
    return render(request, "backoffice/my_work.html", context)


def _blank_form(name: str, report: Report) -> Form:
    if name == access.PUBLISH:
        return PublishForm(report=report)
    if name == access.ASSIGN:
        return AssignForm(report=report)
    if name == access.FORWARD:
        return ForwardForm(report=report)
    if name == access.JOIN:
        return JoinForm(report=report, candidates=joining.join_candidates(report))
    return PLAIN_FORMS[name]()


def _render_report(
    request: StaffRequest,
    report: Report,
    *,
    bound: tuple[str, Form] | None = None,
) -> HttpResponse:
    """The staff page, with the forms the user may use in the report's state.

    ``bound`` is a submitted form that failed: it replaces the blank one, or,
    when the report has moved on and the form is no longer offered, its
    errors become messages.
    """
    actions = access.available_actions(request.user, report)
    forms = {name: _blank_form(name, report) for name in actions}
    if bound is not None:
        name, form = bound
        if name in forms:
            forms[name] = form
        else:
            # An ErrorList yields its messages as text.
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))

    context = {
        "report": report,
        "photos": report.photos.all(),
        "photo_tools": photo_ops.can_edit_photos(request.user, report),
        "duplicates": duplicates.candidates_seen_by(request.user, report),
        "events": report.events.select_related("actor"),
        "resolution": report.resolution,
        "resolutions": report.resolutions.select_related("issued_by"),
        "forms": forms,
        "message_templates": messages_ops.templates_for(report, answer=False),
        "answer_templates": messages_ops.templates_for(report, answer=True),
        "queues": access.visible_queues(
            roles.roles_of(request.user, request.institution)
        ),
    }
    return render(request, "backoffice/report.html", context)


@access.staff_page
@require_GET
def report_detail(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    return _render_report(request, report)


def _act(
    request: StaffRequest,
    report: Report,
    *,
    name: str,
    form: Form,
    operation: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Run the operation with the form's data, or show the form again."""
    if form.is_valid():
        try:
            operation(form.cleaned_data)
        except workflow.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect("backoffice:report", pk=report.pk)

    return _render_report(request, report, bound=(name, form))


@access.staff_page
@require_POST
def report_publish(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = PublishForm(request.POST, report=report)

    def publish(data: dict[str, Any]) -> None:
        workflow.publish_report(
            report=report,
            actor=request.user,
            public_description=data["public_description"],
            public_photos=list(data["public_photos"]),
            category=data["category"],
            department=data["department"],
        )

    done = _("The report is published and sent to the department.")
    return _act(
        request, report, name=access.PUBLISH, form=form, operation=publish, done=done
    )


@access.staff_page
@require_POST
def report_reject(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = RejectForm(request.POST)

    def reject(data: dict[str, Any]) -> None:
        workflow.reject_report(report=report, actor=request.user, reason=data["reason"])

    done = _("The report is rejected; the citizen receives the reason by e-mail.")
    return _act(
        request, report, name=access.REJECT, form=form, operation=reject, done=done
    )


@access.staff_page
@require_POST
def report_assign(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = AssignForm(request.POST, report=report)

    def assign(data: dict[str, Any]) -> None:
        workflow.assign_report(
            report=report, actor=request.user, assignee=data["assignee"]
        )

    done = _("The report is assigned.")
    return _act(
        request, report, name=access.ASSIGN, form=form, operation=assign, done=done
    )


@access.staff_page
@require_POST
def report_message(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = MessageForm(request.POST)

    def send(data: dict[str, Any]) -> None:
        messages_ops.send_message(
            report=report,
            actor=request.user,
            text=data["message"],
            public=data["public"],
        )

    done = _("The message is sent to the citizen.")
    return _act(
        request, report, name=access.MESSAGE, form=form, operation=send, done=done
    )


@access.staff_page
@require_POST
def report_note(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = NoteForm(request.POST)

    def note(data: dict[str, Any]) -> None:
        workflow.add_note(report=report, actor=request.user, text=data["text"])

    done = _("The internal note is saved.")
    return _act(request, report, name=access.NOTE, form=form, operation=note, done=done)


@access.staff_page
@require_POST
def report_resolve(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = ResolutionForm(request.POST, request.FILES)

    def resolve(data: dict[str, Any]) -> None:
        workflow.issue_resolution(
            report=report,
            actor=request.user,
            outcome=data["outcome"],
            summary=data["summary"],
            document=data["document"],
            planned_for=data["planned_for"],
        )

    done = _("The answer is issued; the citizen receives it by e-mail.")
    return _act(
        request, report, name=access.RESOLVE, form=form, operation=resolve, done=done
    )


@access.staff_page
@require_POST
def report_extend(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = ExtendForm(request.POST)

    def extend(data: dict[str, Any]) -> None:
        workflow.extend_term(
            report=report, actor=request.user, days=data["days"], reason=data["reason"]
        )

    done = _("The term is extended; the citizen receives the new date by e-mail.")
    return _act(
        request, report, name=access.EXTEND, form=form, operation=extend, done=done
    )


@access.staff_page
@require_POST
def report_forward(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    form = ForwardForm(request.POST, report=report)

    def forward(data: dict[str, Any]) -> None:
        forwarding.forward_report(
            report=report,
            actor=request.user,
            reason=data["reason"],
            category=data["category"],
            to_name=data["to_name"],
            to_email=data["to_email"],
        )

    done = _("The report is forwarded; the citizen is told by e-mail.")
    return _act(
        request, report, name=access.FORWARD, form=form, operation=forward, done=done
    )


@access.staff_page
@require_POST
def report_join(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.report_for_staff(request, pk)
    candidates = joining.join_candidates(report)
    form = JoinForm(request.POST, report=report, candidates=candidates)

    def join(data: dict[str, Any]) -> None:
        joining.join_reports(
            main=report,
            others=data["reports"],
            actor=request.user,
            reason=data["reason"],
        )

    done = _("The reports are joined into this one; their citizens are told.")
    return _act(request, report, name=access.JOIN, form=form, operation=join, done=done)


def _photo_action(
    request: StaffRequest,
    pk: int,
    photo_pk: int,
    change: Callable[[Photo], object],
    done: str,
) -> HttpResponse:
    """Change one photo of the report, then show the report page again."""
    report = access.report_for_staff(request, pk)
    photo = get_object_or_404(Photo, pk=photo_pk, report=report)

    try:
        change(photo)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(f"{reverse('backoffice:report', args=[report.pk])}#photos-heading")


@access.staff_page
@require_POST
def photo_hide(request: StaffRequest, pk: int, photo_pk: int) -> HttpResponse:
    def hide(photo: Photo) -> None:
        photo_ops.hide_photo(photo=photo, actor=request.user)

    done = _("The photo is hidden from the public.")
    return _photo_action(request, pk, photo_pk, hide, done)


@access.staff_page
@require_POST
def photo_show(request: StaffRequest, pk: int, photo_pk: int) -> HttpResponse:
    def show(photo: Photo) -> None:
        photo_ops.show_photo(photo=photo, actor=request.user)

    done = _("The photo may be shown to the public.")
    return _photo_action(request, pk, photo_pk, show, done)


@access.staff_page
@require_POST
def photo_covers(request: StaffRequest, pk: int, photo_pk: int) -> HttpResponse:
    def cover(photo: Photo) -> None:
        covers = photo_ops.covers_from_form(request.POST)
        photo_ops.cover_photo_areas(photo=photo, actor=request.user, covers=covers)

    done = _("The covered areas are burned into the photo's copies.")
    return _photo_action(request, pk, photo_pk, cover, done)


def _attachment(file: IO[bytes], filename: str, content_type: str) -> FileResponse:
    response = FileResponse(
        file, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@access.staff_page
@require_GET
def photo_original(request: StaffRequest, token: UUID) -> FileResponse:
    """The file as the citizen sent it, never rendered by the browser."""
    photo = get_object_or_404(
        Photo.objects.select_related("report"),
        token=token,
        report__institution=request.institution,
    )
    if not can_view_original(request.user, photo):
        raise Http404

    filename = photo.original_name or photo.original.name.rsplit("/", 1)[-1]
    return _attachment(photo.original.open("rb"), filename, "application/octet-stream")


@access.staff_page
@require_GET
def report_document(request: StaffRequest, pk: int) -> FileResponse:
    report = access.report_for_staff(request, pk)
    resolution = get_object_or_404(Resolution, pk=report.resolution_id)

    filename = f"raspuns-{report.pk}.pdf"
    return _attachment(resolution.document.open("rb"), filename, "application/pdf")
