from django.utils import timezone
from django_tasks import task

from notifications import delivery, inbound


@task()
def send_email(email_id: int) -> None:
    email = delivery.claim(email_id)
    if email is None:
        # Sent already, or being sent by another worker.
        return

    try:
        delivery.deliver(email)
    except Exception as error:  # noqa: BLE001 - every failure is retried
        delay = delivery.record_failure(email, error)
        if delay is not None:
            send_email.using(run_after=timezone.now() + delay).enqueue(email_id)


@task()
def read_mailboxes() -> int:
    return inbound.read_all()
