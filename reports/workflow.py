"""The life of a report: every change of its state happens here.

Each operation checks who acts and whether the report may move from its
current state, changes it under a row lock, appends an event to the
timeline and queues what the citizen must be told. A refused operation
raises WorkflowError and changes nothing.
"""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.files import File
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext as _

from accounts import limits
from accounts.models import User
from institutions import roles
from institutions.models import Category, Department, Institution, RoutingRule
from moderation.findings import public_text
from moderation.text import normalize_text
from notifications import alerts
from notifications.citizens import notify_citizen
from notifications.following import notify_followers
from registratura import outbox as registry_outbox
from registratura.registers import RegistryEntry, register_for
from reports import legal_clock, satisfaction
from reports.models import (
    Event,
    EventKind,
    Outcome,
    Photo,
    Report,
    Resolution,
    Satisfaction,
    Status,
    Visibility,
)
from zones.operations import zone_at

DESCRIPTION_MIN_LENGTH = 10
DESCRIPTION_MAX_LENGTH = 2000


class WorkflowError(Exception):
    """An operation the actor may not do, or not in the report's state.

    The message is meant for the person who tried.
    """


def locked(report: Report, *allowed: str) -> Report:
    """Reload the report under a row lock and check its state."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    if current.status not in allowed:
        raise WorkflowError(
            _("This report is %(status)s: the action is not possible now.")
            % {"status": current.get_status_display().lower()}
        )
    return current


def record_event(
    report: Report,
    kind: str,
    *,
    actor: User | None = None,
    from_status: str = "",
    text: str = "",
    visibility: str = Visibility.PUBLIC,
) -> Event:
    return Event.objects.create(
        report=report,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=report.status,
        text=text,
        visibility=visibility,
    )


def timeline_text(message: str, **values: object) -> str:
    """A text the product writes into the timeline.

    It is kept in the institution's language, whatever language the person
    acting reads the site in; dates are written out in that language too.
    """
    with translation.override(settings.LANGUAGE_CODE):
        written = {
            name: formats.date_format(value) if isinstance(value, date) else value
            for name, value in values.items()
        }
        return gettext(message) % written


def require(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def submit_report(
    *,
    author: User,
    institution: Institution,
    category: Category,
    location: Point,
    description: str,
    address: str = "",
    photos: Sequence[Photo] = (),
    answers: Sequence[dict[str, Any]] = (),
) -> Report:
    """Receive a citizen's report and register it at once.

    ``answers`` are those to the category's extra questions, as
    reports.answers checked them: the report keeps them as they are.
    """
    description = normalize_text(description)
    require(
        EmailAddress.objects.filter(user=author, verified=True).exists(),
        _("Confirm your e-mail address before sending a report."),
    )
    require(
        category.institution_id == institution.pk and category.is_active,
        _("Choose one of the categories offered."),
    )
    require(
        institution.contains(location),
        _("The place is outside the territory of %(name)s.")
        % {"name": institution.name},
    )
    require(
        DESCRIPTION_MIN_LENGTH <= len(description) <= DESCRIPTION_MAX_LENGTH,
        _("The description must have between %(min)s and %(max)s characters.")
        % {"min": DESCRIPTION_MIN_LENGTH, "max": DESCRIPTION_MAX_LENGTH},
    )

    with transaction.atomic():
        refusal = limits.report_refusal(author)
        if refusal:
            raise WorkflowError(refusal)
        report = Report.objects.create(
            institution=institution,
            author=author,
            petitioner_name=author.full_name,
            petitioner_email=author.email,
            petitioner_phone=author.phone,
            petitioner_language=author.language,
            category=category,
            location=location,
            zone=zone_at(institution, location),
            address=normalize_text(address),
            description=description,
            public_description=public_text(description),
            answers=list(answers),
        )
        for position, photo in enumerate(photos):
            photo.report = report
            photo.position = position
            photo.save(update_fields=["report", "position"])
        record_event(
            report, EventKind.SUBMITTED, actor=author, visibility=Visibility.CITIZEN
        )
        if register_for(institution).deferred:
            # The institution's own registry gives the number, later.
            registry_outbox.queue_registration(report)
            return report
        return register_report(report=report)


def register_report(*, report: Report, entry: RegistryEntry | None = None) -> Report:
    """Give the report its registry number; the legal term starts now.

    ``entry`` is the number an external registry gave; without it, the
    institution's register gives one now.
    """
    with transaction.atomic():
        report = locked(report, Status.SUBMITTED)
        if entry is None:
            entry = register_for(report.institution).register_incoming(report)

        report.registry_number = entry.number
        report.registered_at = entry.registered_at
        report.due_date = due_date_for(report.institution, entry.registered_at)
        report.status = Status.REGISTERED
        report.save()
        record_event(
            report,
            EventKind.REGISTERED,
            from_status=Status.SUBMITTED,
            text=timeline_text(
                gettext_noop("Registered with number %(number)s."),
                number=entry.number,
            ),
            visibility=Visibility.CITIZEN,
        )
        notify_citizen(report, "registered")
    return report


def due_date_for(
    institution: Institution, registered_at: datetime, extra_days: int = 0
) -> date:
    # OG 27/2002 art. 8: calendar days, ending on a working day (legal_clock).
    return legal_clock.due_date_for(institution, registered_at, extra_days)


def route_for(category: Category) -> Department | None:
    rule = RoutingRule.objects.filter(category=category).select_related("department")
    return rule[0].department if rule else None


def publish_report(
    *,
    report: Report,
    actor: User,
    public_description: str,
    public_photos: list[Photo],
    category: Category | None = None,
    department: Department | None = None,
) -> Report:
    """Make the report public and send it to the department responsible.

    The department is the routing table's choice for the category, unless
    the clerk names another.
    """
    require(
        roles.is_clerk(actor, report.institution),
        _("Only the registry clerks publish reports."),
    )
    public_description = normalize_text(public_description)
    require(bool(public_description), _("The public text cannot be empty."))

    with transaction.atomic():
        report = locked(report, Status.REGISTERED)
        category = category or report.category
        require(
            category.institution_id == report.institution_id,
            _("Choose one of the institution's categories."),
        )
        department = department or route_for(category)
        if department is None or department.institution_id != report.institution_id:
            raise WorkflowError(_("No department receives this category: choose one."))

        report.public_description = public_description
        report.category = category
        report.department = department
        report.status = Status.PUBLISHED
        report.published_at = timezone.now()
        report.save()
        public_ids = [photo.pk for photo in public_photos]
        # From now on a photo is hidden exactly when it is not public.
        report.photos.update(is_public=False, hidden=True)
        report.photos.filter(pk__in=public_ids).update(is_public=True, hidden=False)
        record_event(
            report,
            EventKind.PUBLISHED,
            actor=actor,
            from_status=Status.REGISTERED,
            text=timeline_text(
                gettext_noop("Sent to %(department)s."), department=department.name
            ),
        )
        notify_citizen(report, "published")
        alerts.notify_published(report)
    return report


def reject_report(*, report: Report, actor: User, reason: str) -> Report:
    """Refuse a report that is not a petition; the citizen gets the reason."""
    require(
        roles.is_clerk(actor, report.institution),
        _("Only the registry clerks reject reports."),
    )
    reason = normalize_text(reason)
    require(len(reason) >= 10, _("Give the citizen the reason for rejecting."))

    with transaction.atomic():
        report = locked(report, Status.REGISTERED)
        report.status = Status.REJECTED
        report.save()
        record_event(
            report,
            EventKind.REJECTED,
            actor=actor,
            from_status=Status.REGISTERED,
            text=reason,
            visibility=Visibility.CITIZEN,
        )
        notify_citizen(report, "rejected", text=reason)
    return report


def assign_report(*, report: Report, actor: User, assignee: User) -> Report:
    """The department head gives the report to a member of the department."""
    with transaction.atomic():
        report = locked(report, Status.PUBLISHED, Status.ASSIGNED)
        require(
            roles.is_head_of(actor, report.department),
            _("Only the head of the department assigns its reports."),
        )
        require(
            roles.works_in(assignee, report.department),
            _("The report can only go to a member of the department."),
        )
        previous = report.status
        report.assignee = assignee
        report.status = Status.ASSIGNED
        report.save()
        record_event(
            report,
            EventKind.ASSIGNED,
            actor=actor,
            from_status=previous,
            text=timeline_text(
                gettext_noop("Assigned to %(name)s."), name=assignee.full_name
            ),
            visibility=Visibility.INTERNAL,
        )
        if previous == Status.PUBLISHED:
            notify_followers(report, "in_progress")
    return report


def add_note(*, report: Report, actor: User, text: str) -> Event:
    """An internal note, for staff only."""
    require(_can_work_on(actor, report), _("You do not work on this report."))
    text = normalize_text(text)
    require(bool(text), _("Write the note."))

    return record_event(
        report,
        EventKind.NOTE,
        actor=actor,
        from_status=report.status,
        text=text,
        visibility=Visibility.INTERNAL,
    )


def issue_resolution(
    *,
    report: Report,
    actor: User,
    outcome: str,
    summary: str,
    document: File,
    planned_for: date | None = None,
) -> Resolution:
    """Answer the report: it is resolved, and the citizen gets the document.

    The answer leaves with an outgoing number of the institution's registry:
    given now by the built-in register; an external registry gives it
    later, and the answer reaches the citizen then (register_answer).
    """
    summary = normalize_text(summary)
    require(bool(summary), _("Write the public summary of the answer."))
    require(
        outcome != Outcome.PLANNED or planned_for is not None,
        _("Give the date by which the work is planned."),
    )

    with transaction.atomic():
        report = locked(report, Status.ASSIGNED)
        require(
            actor == report.assignee or roles.is_head_of(actor, report.department),
            _("Only the person the report is assigned to, or the head, answers it."),
        )
        resolution = Resolution.objects.create(
            report=report,
            outcome=outcome,
            planned_for=planned_for if outcome == Outcome.PLANNED else None,
            summary=summary,
            document=document,
            issued_by=actor,
        )
        report.status = Status.RESOLVED
        report.resolution = resolution
        report.resolved_at = resolution.issued_at
        report.save()
        record_event(
            report,
            EventKind.RESOLVED,
            actor=actor,
            from_status=Status.ASSIGNED,
            text=summary,
        )
        notify_followers(report, "resolved")

        register = register_for(report.institution)
        if register.deferred:
            registry_outbox.queue_answer_registration(report)
        else:
            entry = register.register_outgoing(resolution)
            _send_answer(report, resolution, entry)
    return resolution


def register_answer(*, report: Report, entry: RegistryEntry) -> Resolution:
    """Give the answer the number an external registry gave it, and send it.

    Raises WorkflowError if the answer has its number already.
    """
    with transaction.atomic():
        report = locked(report, Status.RESOLVED)
        resolution = Resolution.objects.select_for_update().get(pk=report.answer().pk)
        require(
            not resolution.outgoing_number,
            _("This answer has its outgoing number already."),
        )
        _send_answer(report, resolution, entry)
    return resolution


def _send_answer(report: Report, resolution: Resolution, entry: RegistryEntry) -> None:
    resolution.outgoing_number = entry.number
    resolution.save(update_fields=["outgoing_number"])

    notify_citizen(report, "resolved", resolution=resolution)
    # OG 27/2002 art. 10: one answer for the reports joined into this one.
    for joined in report.joined_reports.select_related("author", "institution"):
        notify_citizen(joined, "resolved", resolution=resolution)


# OG 27/2002 art. 9: the term of an open report may be extended once.
EXTENDABLE_STATUSES = (Status.REGISTERED, Status.PUBLISHED, Status.ASSIGNED)


def _extends_terms(user: roles.AnyUser, report: Report) -> bool:
    return roles.is_clerk(user, report.institution) or roles.is_head_of(
        user, report.department
    )


def was_extended(report: Report) -> bool:
    """Whether the current term was extended: a reopening starts a new one."""
    extensions = report.events.filter(kind=EventKind.EXTENDED)
    if report.reopened_at is not None:
        extensions = extensions.filter(created_at__gte=report.reopened_at)
    return extensions.exists()


def _term_running(report: Report) -> bool:
    today = timezone.localdate(timezone=legal_clock.LEGAL_TIME_ZONE)
    return report.due_date is not None and report.due_date >= today


def may_extend(user: roles.AnyUser, report: Report) -> bool:
    """Whether to offer the user the extension of the report's term now."""
    return (
        report.status in EXTENDABLE_STATUSES
        and _term_running(report)
        and _extends_terms(user, report)
        and not was_extended(report)
    )


def extend_term(*, report: Report, actor: User, days: int, reason: str) -> Report:
    """Extend the term of the answer, once; the citizen gets the reason.

    The new due date is `days` calendar days after the current one, moved
    to the next working day.
    """
    reason = normalize_text(reason)
    require(
        1 <= days <= legal_clock.EXTENSION_MAX_DAYS,
        _("The term may be extended by 1 to %(max)s days.")
        % {"max": legal_clock.EXTENSION_MAX_DAYS},
    )
    require(
        len(reason) >= legal_clock.EXTENSION_REASON_MIN_LENGTH,
        _(
            "Give the citizen the reason for the extension "
            "(at least %(min)s characters)."
        )
        % {"min": legal_clock.EXTENSION_REASON_MIN_LENGTH},
    )

    with transaction.atomic():
        report = locked(report, *EXTENDABLE_STATUSES)
        require(
            _extends_terms(actor, report),
            _(
                "Only the registry clerks or the head of the department "
                "extend the term."
            ),
        )
        require(
            not was_extended(report),
            _("The term of this report was extended already: the law allows it once."),
        )
        require(
            _term_running(report),
            _("The term has passed: it can no longer be extended."),
        )

        assert report.due_date is not None  # _term_running checked it
        report.due_date = legal_clock.term_end(report.due_date, days)
        report.save()
        with translation.override(settings.LANGUAGE_CODE):
            new_date = formats.date_format(report.due_date)
        record_event(
            report,
            EventKind.EXTENDED,
            actor=actor,
            from_status=report.status,
            text=timeline_text(
                gettext_noop("The term is extended to %(date)s. Reason: %(reason)s"),
                date=new_date,
                reason=reason,
            ),
            visibility=Visibility.CITIZEN,
        )
        notify_citizen(report, "extended", text=reason)
    return report


def confirm_solved(*, report: Report, resolution: Resolution, author: User) -> Report:
    """The author says the answer solved the problem: the question is closed."""
    with transaction.atomic():
        report = locked(report, Status.RESOLVED)
        resolution = _open_question(report, resolution, author)

        resolution.satisfaction = Satisfaction.SOLVED
        resolution.satisfaction_answered_at = timezone.now()
        resolution.save(update_fields=["satisfaction", "satisfaction_answered_at"])
        record_event(
            report,
            EventKind.SATISFIED,
            actor=author,
            from_status=Status.RESOLVED,
            text=timeline_text(gettext_noop("The author says the problem is solved.")),
        )
    return report


def reopen_report(
    *, report: Report, resolution: Resolution, author: User, text: str
) -> Report:
    """The author says the answer did not solve the problem: work on it again.

    The report goes back to its department, to the person who answered it,
    with a new legal term. The author's "not solved" is a new request on the
    same petition, not a new petition: it keeps its registry number, and
    the institution gets the term of OG 27/2002 art. 8 (counted like a
    registration's, from the reopening) to answer it again, which may be
    extended once more. Only the current answer, once, within the
    institution's reopening period (reports.satisfaction).
    """
    text = normalize_text(text)
    require(
        satisfaction.REASON_MIN_LENGTH <= len(text) <= DESCRIPTION_MAX_LENGTH,
        _("Say in a few words what is still wrong (at least %(min)s characters).")
        % {"min": satisfaction.REASON_MIN_LENGTH},
    )

    with transaction.atomic():
        report = locked(report, Status.RESOLVED)
        resolution = _open_question(report, resolution, author)
        now = timezone.now()

        resolution.satisfaction = Satisfaction.NOT_SOLVED
        resolution.satisfaction_answered_at = now
        resolution.save(update_fields=["satisfaction", "satisfaction_answered_at"])
        report.status = Status.ASSIGNED
        report.reopened_at = now
        report.resolved_at = None
        report.due_date = due_date_for(report.institution, now)
        report.save()
        assert report.department is not None  # only routed reports are answered
        record_event(
            report,
            EventKind.REOPENED,
            actor=author,
            from_status=Status.RESOLVED,
            text=timeline_text(
                gettext_noop(
                    "The author says the problem is not solved. The report is "
                    "back with %(department)s; the new answer is due by %(date)s."
                ),
                department=report.department.name,
                date=report.due_date,
            ),
        )
        # The author's words may hold personal data: staff and author only.
        record_event(
            report,
            EventKind.REPLY,
            actor=author,
            from_status=Status.ASSIGNED,
            text=text,
            visibility=Visibility.CITIZEN,
        )
        notify_citizen(report, "reopened", text=text)
        # Their petitions share this one's answer (OG 27/2002 art. 10), and so
        # its reopening; the author's words are the author's alone.
        for joined in report.joined_reports.select_related("author", "institution"):
            notify_citizen(joined, "reopened")
        notify_followers(report, "reopened")
    return report


def _open_question(report: Report, resolution: Resolution, author: User) -> Resolution:
    """The answer, locked, if its author may still say whether it solved."""
    require(
        author.pk == report.author_id,
        _("Only the author of the report answers this question."),
    )
    require(
        resolution.pk == report.resolution_id,
        _("The report has a newer answer: answer about that one."),
    )
    resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
    require(
        not resolution.satisfaction,
        _("You have answered this question already. Thank you."),
    )
    require(
        satisfaction.is_open(report, resolution),
        _("The time for answering this question has passed."),
    )
    return resolution


def _can_work_on(user: roles.AnyUser, report: Report) -> bool:
    return roles.is_clerk(user, report.institution) or roles.works_in(
        user, report.department
    )


def can_see_staff_view(user: roles.AnyUser, report: Report) -> bool:
    """Clerks see every report of their institution; departments see theirs."""
    return _can_work_on(user, report)
