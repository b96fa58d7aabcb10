import logging

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_refused_request_is_logged_in_one_line(client, citizen, institution, caplog):
    client.force_login(citizen)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("backoffice:clerk-queue"))

    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    # The console handler's filter ran on the record before it was captured.
    assert record.exc_info is None
