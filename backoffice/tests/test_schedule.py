"""The periodic jobs: every minute, and the digests once a day from 07:00."""

from datetime import datetime, timedelta

import pytest
from django.core.management import call_command

from backoffice import schedule
from reports.legal_clock import LEGAL_TIME_ZONE

MINUTE_JOBS = [
    "resume registry calls",
    "read inbound mailboxes",
    "drop photos of forms never sent",
]


def _bucharest(day, hour, minute=0):
    return datetime(2026, 12, day, hour, minute, tzinfo=LEGAL_TIME_ZONE)


@pytest.fixture
def calls(monkeypatch):
    """What each job was asked to do, instead of doing it."""
    made: list[str] = []
    jobs = [
        schedule.Job(
            job.name, lambda name=job.name: made.append(name), job.daily_at, job.every
        )
        for job in schedule.JOBS
    ]
    monkeypatch.setattr(schedule, "JOBS", jobs)
    return made


def test_schedule_runs_the_minute_jobs_every_time(calls):
    last_runs: dict = {}

    schedule.run_due_jobs(last_runs, _bucharest(4, 6, 58))
    calls.clear()
    schedule.run_due_jobs(last_runs, _bucharest(4, 6, 59))

    assert calls == MINUTE_JOBS


def test_schedule_drops_old_exports_once_an_hour(calls):
    last_runs: dict = {}

    for minute in range(0, 61, 1):
        schedule.run_due_jobs(last_runs, _bucharest(4, 10) + timedelta(minutes=minute))

    assert calls.count("drop week-old exports") == 2


def test_schedule_sends_the_digests_once_a_day_from_seven(calls):
    last_runs: dict = {}

    for hour, minute in [(6, 59), (7, 0), (7, 1), (23, 59)]:
        schedule.run_due_jobs(last_runs, _bucharest(4, hour, minute))
    schedule.run_due_jobs(last_runs, _bucharest(5, 7, 0))

    assert calls.count("due-date digests") == 2
    assert last_runs["due-date digests"] == _bucharest(5, 7, 0)


def test_schedule_day_is_the_day_in_bucharest(calls):
    # 23:30 UTC on the 4th is 01:30 on the 5th in Bucharest: before 07:00.
    last_runs = {"due-date digests": _bucharest(4, 7, 0)}

    schedule.run_due_jobs(last_runs, datetime.fromisoformat("2026-12-04T23:30Z"))

    assert "due-date digests" not in calls


def test_schedule_a_failing_job_does_not_stop_the_others(monkeypatch, caplog):
    ran: list[str] = []

    def broken():
        raise ConnectionError("the database went away")

    monkeypatch.setattr(
        schedule,
        "JOBS",
        [schedule.Job("broken", broken), schedule.Job("next", lambda: ran.append(1))],
    )

    done = schedule.run_due_jobs({}, _bucharest(4, 8))

    assert done == ["broken", "next"]
    assert ran == [1]
    assert "Periodic job 'broken' failed" in caplog.text


@pytest.mark.django_db
def test_run_schedule_once_runs_the_real_jobs(capsys):
    call_command("run_schedule", "--once")

    out = capsys.readouterr().out
    assert out.startswith("Ran: resume registry calls, read inbound mailboxes")


def test_run_schedule_runs_a_named_job_whatever_the_hour(monkeypatch, capsys):
    ran: list[str] = []
    jobs = [
        schedule.Job(job.name, lambda name=job.name: ran.append(name), job.daily_at)
        for job in schedule.JOBS
    ]
    monkeypatch.setattr(schedule, "JOBS", jobs)

    call_command("run_schedule", "--job", "is the problem solved?")

    assert ran == ["is the problem solved?"]
    assert capsys.readouterr().out.startswith("Ran: is the problem solved?")
