import re

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.suspension import SuspensionError, reinstate_account, suspend_account
from reports import workflow
from reports.models import Report, Status
from tests.factories import UserFactory

REASON = "Zeci de sesizări false, trimise în bătaie de joc."
SUSPENDED = (
    "This account is suspended. Contact the city hall if you think this is a mistake."
)
LOGIN = reverse("account_login")
USERS = reverse("admin:accounts_user_changelist")


@pytest.fixture
def administrator(db):
    user = UserFactory(email="admin@example.ro", full_name="Admin Primărie")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def suspended(citizen, administrator):
    return suspend_account(user=citizen, actor=administrator, reason=REASON)


def english_client(user=None) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    if user is not None:
        client.force_login(user)
    return client


# The operations


def test_suspend_account_records_when_and_why(citizen, administrator):
    before = timezone.now()

    suspend_account(user=citizen, actor=administrator, reason=f"  {REASON}\r\n")

    citizen.refresh_from_db()
    assert citizen.is_suspended
    assert before <= citizen.suspended_at <= timezone.now()
    assert citizen.suspension_reason == REASON
    assert citizen.is_active


def test_suspend_account_needs_a_reason(citizen, administrator):
    with (
        translation.override("en"),
        pytest.raises(SuspensionError, match=r"Give the reason for the suspension\."),
    ):
        suspend_account(user=citizen, actor=administrator, reason="  \n ")

    citizen.refresh_from_db()
    assert not citizen.is_suspended


def test_suspend_account_refused_to_who_does_not_manage_accounts(
    citizen, other_citizen, clerk
):
    for actor in (other_citizen, clerk):
        with pytest.raises(SuspensionError):
            suspend_account(user=citizen, actor=actor, reason=REASON)

    citizen.refresh_from_db()
    assert not citizen.is_suspended


def test_suspend_account_refuses_the_administrators_own(administrator):
    with (
        translation.override("en"),
        pytest.raises(SuspensionError, match="your own account"),
    ):
        suspend_account(user=administrator, actor=administrator, reason=REASON)


def test_reinstate_account_lifts_the_suspension(suspended, administrator):
    reinstate_account(user=suspended, actor=administrator)

    suspended.refresh_from_db()
    assert suspended.suspended_at is None
    assert suspended.suspension_reason == ""


def test_reinstate_account_refuses_an_account_not_suspended(citizen, administrator):
    with (
        translation.override("en"),
        pytest.raises(SuspensionError, match="is not suspended"),
    ):
        reinstate_account(user=citizen, actor=administrator)


# What a suspended account can no longer do


def test_login_refused_to_a_suspended_account_with_the_reason(suspended):
    client = english_client()

    response = client.post(
        LOGIN, {"login": suspended.email, "password": "parola-sigura-1"}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [SUSPENDED]
    assert "_auth_user_id" not in client.session


def test_login_with_a_wrong_password_does_not_tell_of_the_suspension(suspended):
    response = english_client().post(
        LOGIN, {"login": suspended.email, "password": "alta-parola-9"}
    )

    assert response.status_code == 200
    assert SUSPENDED not in response.content.decode()


def test_login_refused_after_a_password_reset_that_logs_in(suspended, settings):
    # Off by default; a deployment may turn it on.
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
    client = english_client()
    client.post(reverse("account_reset_password"), {"email": suspended.email})
    link = re.search(
        r"https?://\S+(/cont/password/reset/key/\S+/)", mail.outbox[0].body
    )
    form_page = client.get(link.group(1), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "nuci-verzi-2027", "password2": "nuci-verzi-2027"},
        follow=True,
    )

    assert response.redirect_chain[-1] == (LOGIN, 302)
    assert SUSPENDED in [str(m) for m in response.context["messages"]]
    assert "_auth_user_id" not in client.session


def test_open_session_ends_on_its_next_request(citizen, administrator):
    client = english_client(citizen)
    suspend_account(user=citizen, actor=administrator, reason=REASON)

    response = client.get(reverse("reports:mine"), follow=True)

    assert response.redirect_chain == [(f"{LOGIN}?next={reverse('reports:mine')}", 302)]
    assert [str(m) for m in response.context["messages"]] == [SUSPENDED]
    assert "_auth_user_id" not in client.session


def test_open_session_cannot_send_a_report(citizen, administrator, potholes):
    client = english_client(citizen)
    suspend_account(user=citizen, actor=administrator, reason=REASON)

    response = client.post(
        reverse("reports:new"),
        {
            "category": potholes.pk,
            "latitude": "46.769400",
            "longitude": "23.589900",
            "description": "Groapă adâncă în asfalt, lângă stația de autobuz.",
            "action": "send",
        },
    )

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert not Report.objects.exists()


def test_submit_report_refuses_a_suspended_author_whatever_the_session_holds(
    flow, citizen, administrator
):
    # The object a session would hold was loaded before the suspension.
    stale = User.objects.get(pk=citizen.pk)
    suspend_account(user=citizen, actor=administrator, reason=REASON)

    with pytest.raises(workflow.WorkflowError, match="Your account is suspended"):
        flow.submit(author=stale)

    assert not Report.objects.exists()


def test_suspension_leaves_the_reports_as_they_are(
    flow, published_report, citizen, administrator
):
    registered_report = flow.submit()
    suspend_account(user=citizen, actor=administrator, reason=REASON)

    statuses = dict(Report.objects.values_list("pk", "status"))

    assert statuses == {
        published_report.pk: Status.PUBLISHED,
        registered_report.pk: Status.REGISTERED,
    }
    flow.assign(published_report)


# The administration


def test_admin_suspend_action_asks_for_the_reason_first(administrator, citizen):
    client = english_client(administrator)

    response = client.post(
        USERS, {"action": "suspend_accounts", "_selected_action": [citizen.pk]}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "admin/accounts/user/suspend.html"
    assert '<label class="required" for="id_reason">' in content
    assert f'name="_selected_action" value="{citizen.pk}"' in content
    citizen.refresh_from_db()
    assert not citizen.is_suspended


def test_admin_suspend_action_suspends_with_the_reason(administrator, citizen):
    client = english_client(administrator)

    response = client.post(
        USERS,
        {
            "action": "suspend_accounts",
            "_selected_action": [citizen.pk],
            "apply": "1",
            "reason": REASON,
        },
        follow=True,
    )

    citizen.refresh_from_db()
    assert citizen.is_suspended
    assert citizen.suspension_reason == REASON
    assert [str(m) for m in response.context["messages"]] == ["1 account suspended."]
    [entry] = LogEntry.objects.filter(object_id=str(citizen.pk))
    assert entry.user == administrator
    assert entry.change_message == f"Suspended. Reason: {REASON}"


def test_admin_suspend_action_without_a_reason_asks_again(administrator, citizen):
    client = english_client(administrator)

    response = client.post(
        USERS,
        {
            "action": "suspend_accounts",
            "_selected_action": [citizen.pk],
            "apply": "1",
            "reason": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"reason": ["This field is required."]}
    citizen.refresh_from_db()
    assert not citizen.is_suspended


def test_admin_suspend_action_warns_about_its_own_account(administrator, citizen):
    client = english_client(administrator)

    response = client.post(
        USERS,
        {
            "action": "suspend_accounts",
            "_selected_action": [citizen.pk, administrator.pk],
            "apply": "1",
            "reason": REASON,
        },
        follow=True,
    )

    assert sorted(str(m) for m in response.context["messages"]) == [
        "1 account suspended.",
        "You cannot suspend your own account.",
    ]
    administrator.refresh_from_db()
    assert not administrator.is_suspended


def test_admin_reinstate_action_reinstates(administrator, suspended):
    client = english_client(administrator)

    response = client.post(
        USERS,
        {"action": "reinstate_accounts", "_selected_action": [suspended.pk]},
        follow=True,
    )

    suspended.refresh_from_db()
    assert not suspended.is_suspended
    assert [str(m) for m in response.context["messages"]] == ["1 account reinstated."]


def test_admin_lists_suspended_accounts_with_a_filter(
    administrator, suspended, other_citizen
):
    client = english_client(administrator)

    response = client.get(USERS, {"suspended": "yes"})

    assert list(response.context["cl"].result_list) == [suspended]
    assert client.get(USERS, {"suspended": "no"}).context["cl"].result_count == 2


# The mark on the reports


def test_staff_report_page_marks_a_suspended_author(
    registered_report, suspended, clerk
):
    response = english_client(clerk).get(
        reverse("backoffice:report", args=[registered_report.pk])
    )

    assert (
        '<span class="badge badge--internal">author suspended</span>'
        in response.content.decode()
    )


def test_staff_report_page_has_no_mark_for_an_author_in_good_standing(
    registered_report, clerk
):
    response = english_client(clerk).get(
        reverse("backoffice:report", args=[registered_report.pk])
    )

    assert "author suspended" not in response.content.decode()


def test_clerk_queue_marks_the_rows_of_a_suspended_author(
    flow, citizen, administrator, clerk, django_assert_max_num_queries
):
    flow.submit()
    flow.submit(author="other_citizen")
    suspend_account(user=citizen, actor=administrator, reason=REASON)
    for _ in range(3):
        flow.submit(author="other_citizen")
    client = english_client(clerk)
    client.get(reverse("backoffice:clerk-queue"))

    with django_assert_max_num_queries(10):
        response = client.get(reverse("backoffice:clerk-queue"))

    assert response.content.decode().count("author suspended") == 1


def test_public_report_page_never_shows_the_mark(published_report, suspended):
    response = english_client().get(
        reverse("reports:detail", args=[published_report.pk])
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert published_report.public_description in content
    assert "suspended" not in content
