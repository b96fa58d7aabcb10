"""Long exports: every report matching the filters, one row each.

A dashboard page asks for the export; the worker makes the file
(dashboards.tasks) and counts its progress in the job, which the page
polls. The rows hold no personal data: no author, no description, no
address, only what the public map and the registry show of a report, and
the answers to the category's questions that were chosen or counted, not
typed: a text answer is the citizen's own words, like the description.
"""

import logging
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook

from accounts.models import User
from dashboards.exports import BOM, rows_to_csv_lines
from dashboards.filters import FilterForm, Filters
from dashboards.models import ExportJob
from dashboards.tables import Cell
from institutions.models import Institution, QuestionKind
from reports.legal_clock import LEGAL_TIME_ZONE
from reports.models import Outcome, Report, Status

logger = logging.getLogger(__name__)

# The progress is written every so many rows: often enough for the page,
# rarely enough to cost nothing.
PROGRESS_EVERY = 2000
CHUNK = 2000
EXPORTS_KEPT = timedelta(days=7)


def request_export(
    *, institution: Institution, user: User, query: str, file_format: str
) -> ExportJob:
    """Record the export and give it to the worker once the job is saved."""
    from dashboards.tasks import build_export

    job = ExportJob.objects.create(
        institution=institution,
        requested_by=user,
        query=query[:500],
        file_format=file_format,
    )
    transaction.on_commit(lambda: build_export.enqueue(job.pk))
    return job


def claim(job_id: int) -> ExportJob | None:
    """Mark a waiting job as running; None if another worker has it."""
    claimed = ExportJob.objects.filter(pk=job_id, state=ExportJob.State.PENDING).update(
        state=ExportJob.State.RUNNING
    )
    return ExportJob.objects.get(pk=job_id) if claimed else None


def job_filters(job: ExportJob) -> Filters:
    form = FilterForm(QueryDict(job.query), institution=job.institution)
    return form.filters()


def reports_for(filters: Filters) -> QuerySet[Report]:
    reports = Report.objects.filter(
        institution=filters.institution,
        created_at__gte=filters.starts_at,
        created_at__lt=filters.ends_at,
    )
    if filters.category is not None:
        reports = reports.filter(category=filters.category)
    if filters.department is not None:
        reports = reports.filter(department=filters.department)
    if filters.zone is not None:
        reports = reports.filter(zone=filters.zone)
    elif filters.outside_zones:
        reports = reports.filter(zone__isnull=True)
    return reports.order_by("created_at", "pk")


COLUMNS = (
    "pk",
    "registry_number",
    "created_at",
    "category__name",
    "department__name",
    "zone__name",
    "status",
    "resolution__outcome",
    "published_at",
    "resolved_at",
    "due_date",
    "answers",
)


def header() -> list[str]:
    return [
        _("Number"),
        _("Registry number"),
        _("Received at"),
        _("Category"),
        _("Department"),
        _("Zone"),
        _("Status"),
        _("Outcome"),
        _("Published at"),
        _("Resolved at"),
        _("Answer due"),
        _("Answered within the term"),
        _("Answers to the category's questions"),
    ]


def _local(moment: datetime | None) -> datetime | None:
    # Excel has no time zones: the file says Romanian wall-clock time.
    if moment is None:
        return None
    return timezone.localtime(moment, LEGAL_TIME_ZONE).replace(tzinfo=None)


def _row(values: tuple[Any, ...]) -> list[Any]:
    (pk, number, created, category, department, zone, status, outcome) = values[:8]
    published, resolved, due, answers = values[8:]
    resolved_local = _local(resolved)
    on_time: str = ""
    if resolved_local is not None and due is not None:
        on_time = _("yes") if resolved_local.date() <= due else _("no")
    return [
        pk,
        number,
        _local(created),
        category,
        department or "",
        zone or _("Outside the zones"),
        str(Status(status).label),
        str(Outcome(outcome).label) if outcome else "",
        _local(published),
        resolved_local,
        due,
        on_time,
        _chosen_answers(answers),
    ]


def _chosen_answers(answers: list[dict[str, Any]]) -> str:
    return "; ".join(
        _labelled(answer["question"], answer["answer"])
        for answer in answers
        if answer["kind"] != QuestionKind.TEXT
    )


def _labelled(question: str, answer: str) -> str:
    # "Unde este? Pe carosabil", "Dimensiune (cm): 30".
    return (
        f"{question} {answer}"
        if question.endswith(("?", ":"))
        else (f"{question}: {answer}")
    )


def rows(job: ExportJob, reports: QuerySet[Report]) -> Iterator[list[Any]]:
    """The rows, counting the progress into the job as they are read."""
    written = 0
    for values in reports.values_list(*COLUMNS).iterator(chunk_size=CHUNK):
        yield _row(values)
        written += 1
        if written % PROGRESS_EVERY == 0:
            ExportJob.objects.filter(pk=job.pk).update(written=written)
    job.written = written


def _text(value: Cell | date | datetime) -> Cell:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return value


def build(job: ExportJob) -> None:
    """Write the file and mark the job done. Raises what writing raised."""
    filters = job_filters(job)
    reports = reports_for(filters)
    job.total = reports.count()
    job.save(update_fields=["total"])

    # The worker has no request to take a language from: the file speaks the
    # administration's language.
    with override(settings.LANGUAGE_CODE), tempfile.TemporaryFile() as output:
        if job.file_format == ExportJob.Format.CSV:
            output.write((BOM + "".join(rows_to_csv_lines([header()]))).encode())
            lines = rows_to_csv_lines(
                [_text(value) for value in row] for row in rows(job, reports)
            )
            for line in lines:
                output.write(line.encode("utf-8"))
        else:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet(_("Reports"))
            sheet.append(header())
            for row in rows(job, reports):
                sheet.append(row)
            workbook.save(output)

        output.seek(0)
        job.file.save(job.file_name, File(output), save=False)

    job.state = ExportJob.State.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["file", "state", "written", "finished_at"])
    logger.info("Export %s written: %s reports", job.pk, job.written)


def fail(job: ExportJob, error: Exception) -> None:
    ExportJob.objects.filter(pk=job.pk).update(
        state=ExportJob.State.FAILED,
        error=f"{type(error).__name__}: {error}"[:2000],
        finished_at=timezone.now(),
    )


def discard_old_exports(now: datetime | None = None) -> int:
    """Delete exports, and their files, a week after they were asked for.

    The file is a copy of what the dashboards show at any time: kept for
    a week, it can be downloaded again, and no copies pile up on disk.
    """
    limit = (now or timezone.now()) - EXPORTS_KEPT
    old = list(ExportJob.objects.filter(created_at__lt=limit))
    for job in old:
        if job.file:
            job.file.delete(save=False)
        job.delete()
    return len(old)
