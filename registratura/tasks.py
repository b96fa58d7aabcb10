from django_tasks import task

from registratura import outbox


@task()
def process_registry_calls(institution_id: int) -> None:
    outbox.process(institution_id)
