from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from open311.submissions import send_waiting_requests


@receiver(email_confirmed)
def submit_waiting_requests(
    sender: Any, email_address: EmailAddress, **kwargs: Any
) -> None:
    send_waiting_requests(email_address)
