import threading

import pytest
from django.db import connection, transaction
from django.utils import timezone

from registratura.registers import BuiltinRegister
from reports import workflow
from tests.factories import InstitutionFactory, UserFactory

SUBMISSIONS = 24


def _submit_concurrently(authors, **report_fields):
    """Submit a report of each author at once, from as many threads and connections.

    One account's submissions wait for each other (accounts.limits): only
    different authors race for the register.
    """
    barrier = threading.Barrier(len(authors))
    numbers, errors = [], []

    def submit(author):
        try:
            barrier.wait(timeout=30)
            report = workflow.submit_report(author=author, **report_fields)
            numbers.append(report.registry_number)
        except Exception as error:  # noqa: BLE001 - collected for the assert
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=[author]) for author in authors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return numbers, errors


@pytest.mark.django_db(transaction=True)
def test_builtin_register_is_gap_free_under_concurrent_submissions(
    institution, potholes, place
):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises all writers; the race needs PostgreSQL")
    year = timezone.localdate().year

    numbers, errors = _submit_concurrently(
        [UserFactory() for _ in range(SUBMISSIONS)],
        institution=institution,
        category=potholes,
        location=place,
        description="Groapă adâncă pe carosabil, periculoasă pentru bicicliști.",
    )

    assert errors == []
    assert sorted(numbers, key=lambda n: int(n.split("/")[0])) == [
        f"{n}/{year}" for n in range(1, SUBMISSIONS + 1)
    ]


@pytest.mark.django_db(transaction=True)
def test_builtin_register_gives_back_the_number_of_a_rolled_back_registration(
    institution,
):
    register = BuiltinRegister(institution)
    year = timezone.localdate().year

    with pytest.raises(RuntimeError), transaction.atomic():
        register.register_incoming(report=None)
        raise RuntimeError("the registration failed after numbering")
    entry = register.register_incoming(report=None)

    assert entry.number == f"1/{year}"


@pytest.mark.django_db
def test_builtin_register_numbers_each_institution_separately(institution):
    other = InstitutionFactory(slug="floresti", name="Primăria Florești")
    year = timezone.localdate().year

    first = BuiltinRegister(institution).register_incoming(report=None)
    second = BuiltinRegister(institution).register_incoming(report=None)
    elsewhere = BuiltinRegister(other).register_incoming(report=None)

    assert [first.number, second.number, elsewhere.number] == [
        f"1/{year}",
        f"2/{year}",
        f"1/{year}",
    ]
