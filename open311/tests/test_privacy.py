"""No answer of the API carries a citizen's name, e-mail address or phone."""

import pytest

from open311.tests.conftest import API
from tests.flow import ORIGINAL

SECRETS = [
    b"Ana Ionescu",
    b"ana.ionescu@example.ro",
    b"744555666",
    b"Ion Vlad",
    b"ion.vlad@example.ro",
    b"722333444",
    b"Dan Tehnic",
]


@pytest.fixture
def everything(flow, client, potholes, api_key, two_photos, citizen, staff):
    """Reports in every public state, and requests posted for them."""
    resolved = flow.resolve(
        flow.assign(flow.published(photos=two_photos, public_photos=two_photos))
    )
    flow.assign(flow.published())
    flow.submit()
    posted = []
    for email, first, last, phone in [
        ("ana.ionescu@example.ro", "Ana", "Ionescu", "0744555666"),
        ("ion.vlad@example.ro", "Ion", "Vlad", "0722333444"),
    ]:
        posted.append(
            client.post(
                f"{API}requests.json",
                {
                    "api_key": api_key,
                    "service_code": str(potholes.pk),
                    "lat": "46.7694",
                    "long": "23.5899",
                    "description": ORIGINAL,
                    "email": email,
                    "first_name": first,
                    "last_name": last,
                    "phone": phone,
                },
            )
        )
    return {"resolved": resolved, "posted": posted}


def test_no_answer_carries_personal_data(api, everything):
    token = everything["posted"][1].json()[0]["token"]
    paths = [
        "discovery",
        "services",
        f"services/{everything['resolved'].category_id}",
        "requests",
        f"requests/{everything['resolved'].pk}",
        f"tokens/{token}",
        "servicerequestupdates",
    ]
    answers = [posted.content for posted in everything["posted"]]
    for path in paths:
        for fmt in ("json", "xml"):
            response = api(f"{path}.{fmt}")
            assert response.status_code == 200, path
            answers.append(response.content)

    assert len(answers) == 2 + 2 * len(paths)
    for content in answers:
        for secret in SECRETS:
            assert secret not in content
    # The answers did carry the reports, with their public photos.
    assert b"/image/" in answers[2 + 2 * 3]
