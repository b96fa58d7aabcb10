import logging

from django_tasks import task

from dashboards import jobs

logger = logging.getLogger(__name__)


@task()
def build_export(job_id: int) -> None:
    job = jobs.claim(job_id)
    if job is None:
        # Made already, or being made by another worker.
        return

    try:
        jobs.build(job)
    except Exception as error:
        # A failed export is not retried: the page says so, and asking
        # again is one click.
        logger.exception("Export %s failed", job_id)
        jobs.fail(job, error)
