"""The demo of Cluj-Napoca: its services, people and half a year of reports.

Every report is made by the workflow's own operations, so its timeline is
real; the moments are then moved back in time, consistently, to spread the
reports over the last months. The same seed gives the same demo.
"""

import logging
import random
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from demo import data
from demo.files import SCENES, answer_pdf, scene_jpeg
from institutions.models import (
    Category,
    CategoryQuestion,
    Department,
    Institution,
    Membership,
    QuestionKind,
    Role,
    RoutingRule,
    Street,
)
from notifications.citizens import notify_citizen
from notifications.models import OutgoingEmail
from registratura.models import Direction, RegisterCounter
from reports import answers, forwarding, joining, workflow
from reports.models import Event, EventKind, Outcome, Report, Resolution, Status
from reports.photos import store_photo
from zones.models import Zone, ZoneKind

logger = logging.getLogger(__name__)

REPORT_COUNT = 200
HISTORY_DAYS = 180

# Shares of the reports that are still at each step, or were rejected;
# the rest are resolved.
OPEN_SHARES = {
    Status.REGISTERED: 0.07,
    Status.PUBLISHED: 0.11,
    Status.ASSIGNED: 0.17,
    Status.REJECTED: 0.05,
}
# Answers of the resolved reports, per 100; "fixed" takes the remainder.
OUTCOME_SHARES = {
    Outcome.PARTLY_FIXED: 10,
    Outcome.PLANNED: 9,
    Outcome.TRANSFERRED: 10,
    Outcome.NOT_COMPETENT: 7,
    Outcome.REFUSED: 9,
}
# When citizens send reports, by hour of the day.
HOUR_WEIGHTS = {
    6: 1, 7: 3, 8: 6, 9: 8, 10: 7, 11: 6, 12: 6, 13: 5, 14: 5, 15: 5,
    16: 6, 17: 7, 18: 8, 19: 8, 20: 7, 21: 6, 22: 4, 23: 2, 0: 1,
}  # fmt: skip
# Photos of parked cars show number plates: the clerk keeps them internal.
INTERNAL_PHOTO_CATEGORIES = {"illegal_parking"}
PHOTO_SHARE = 0.1
SIGN_OFF_SHARE = 0.08
SAME_PLACE_SHARE = 0.03


@dataclass
class Cast:
    """The demo's institution and people, by the keys of demo.data."""

    institution: Institution
    departments: dict[str, Department]
    categories: dict[str, Category]
    citizens: list[User]
    clerk: User
    heads: dict[str, User] = field(default_factory=dict)
    staff: dict[str, list[User]] = field(default_factory=dict)


@dataclass
class Place:
    street: str
    number: int
    location: Point

    @property
    def address(self) -> str:
        return f"{self.street} nr. {self.number}"


@dataclass
class Plan:
    """A report to make: what the citizen sends and how far it goes."""

    category: str
    status: str
    submitted_at: datetime
    author: User
    place: Place
    description: str
    public_description: str
    outcome: str = ""
    reason: str = ""
    photos: int = 0


def load_demo(
    *, now: datetime | None = None, report_count: int = REPORT_COUNT
) -> Institution | None:
    """Create the demo institution with its history; None if it exists.

    ``now`` is the moment the history ends, the present by default.
    """
    if Institution.objects.filter(slug=data.INSTITUTION["slug"]).exists():
        return None
    now = now or timezone.now()
    rng = random.Random(data.SEED)

    with transaction.atomic():
        cast = _create_cast()
        plans = _plan_reports(cast, rng, now, report_count)

        plans.sort(key=lambda plan: plan.submitted_at)
        reports = [_submit(plan, cast, rng) for plan in plans]
        renumber_register(cast.institution)
        for plan, report in zip(plans, reports, strict=True):
            _carry_out(plan, report, cast, rng, now)
        _forward_and_join(
            cast,
            [
                r
                for p, r in zip(plans, reports, strict=True)
                if p.status == Status.REGISTERED
            ],
        )
        _notify_history(cast.institution)

    logger.info("Loaded the demo: %s reports", len(plans))
    return cast.institution


def demo_accounts() -> list[tuple[str, str, str]]:
    """(role, e-mail, name) of each demo account, for the people trying it."""
    rows = [(_("Citizen"), spec.email, spec.full_name) for spec in data.CITIZENS]
    departments = {spec.key: spec.name for spec in data.DEPARTMENTS}
    for spec in data.STAFF:
        role = str(Role(spec.role).label)
        if spec.department:
            role = f"{role}, {departments[spec.department]}"
        rows.append((role, spec.email, spec.full_name))
    rows.append(
        (
            _("Superuser of the deployment"),
            data.SUPERUSER.email,
            data.SUPERUSER.full_name,
        )
    )
    return rows


# The institution and its people


def _create_cast() -> Cast:
    institution = Institution.objects.create(
        **data.INSTITUTION,
        map_centre=Point(*data.CENTRE, srid=4326),
        boundary=MultiPolygon(Polygon([*data.BOUNDARY, data.BOUNDARY[0]]), srid=4326),
    )
    departments = {
        spec.key: Department.objects.create(
            institution=institution,
            name=spec.name,
            email=spec.email,
            kind=Department.Kind.OPERATOR
            if spec.is_operator
            else Department.Kind.DEPARTMENT,
        )
        for spec in data.DEPARTMENTS
    }
    categories = {}
    for position, spec in enumerate(data.CATEGORIES, start=1):
        categories[spec.key] = Category.objects.create(
            institution=institution,
            name=spec.name,
            description=spec.description,
            guidance=spec.guidance,
            **_versions(spec.en, spec.hu, ["name", "description", "guidance"]),
            colour=spec.colour,
            icon=spec.icon,
            position=position,
        )
        RoutingRule.objects.create(
            institution=institution,
            category=categories[spec.key],
            department=departments[spec.department],
        )
        for order, question in enumerate(data.QUESTIONS.get(spec.key, []), 1):
            CategoryQuestion.objects.create(
                category=categories[spec.key],
                code=question.code,
                label=question.label,
                help_text=question.help_text,
                kind=question.kind,
                choices=question.choices,
                **_versions(
                    question.en, question.hu, ["label", "help_text", "choices"]
                ),
                required=question.required,
                position=order,
            )
    for name, outline in data.ZONES:
        Zone.objects.create(
            institution=institution,
            name=name,
            kind=ZoneKind.NEIGHBOURHOOD,
            area=MultiPolygon(Polygon([*outline, outline[0]]), srid=4326),
            source="demo",
        )
    for neighbourhood in data.NEIGHBOURHOODS:
        for name, longitude, latitude in neighbourhood.streets:
            Street.objects.create(
                institution=institution,
                name=name,
                location=Point(longitude, latitude, srid=4326),
            )

    # One hash for all: the demo accounts share their password.
    password = make_password(data.DEMO_PASSWORD)
    _person(data.SUPERUSER, password, is_superuser=True)
    citizens = [_person(spec, password) for spec in data.CITIZENS]
    clerk = None
    heads: dict[str, User] = {}
    staff: dict[str, list[User]] = {}
    for member in data.STAFF:
        user = _person(member, password)
        Membership.objects.create(
            user=user,
            institution=institution,
            role=member.role,
            department=departments.get(member.department),
        )
        if member.role == Role.CLERK:
            clerk = user
        elif member.role == Role.HEAD:
            heads[member.department] = user
        elif member.role == Role.STAFF:
            staff.setdefault(member.department, []).append(user)
    if clerk is None:
        raise ValueError("The demo data names no registry clerk.")
    return Cast(
        institution, departments, categories, citizens, clerk, heads=heads, staff=staff
    )


def _versions(
    en: data.Version | data.QuestionVersion,
    hu: data.Version | data.QuestionVersion,
    fields: list[str],
) -> dict[str, str]:
    """The English and Hungarian fields of a text, as the model names them."""
    return {
        f"{name}_{code}": getattr(version, name)
        for code, version in (("en", en), ("hu", hu))
        for name in fields
    }


def _person(
    spec: data.PersonSpec, password: str, *, is_superuser: bool = False
) -> User:
    user, _created = User.objects.get_or_create(
        email=spec.email,
        defaults={
            "full_name": spec.full_name,
            "phone": spec.phone,
            "language": spec.language,
            "password": password,
            # An institution's administrator needs neither: the role opens
            # the admin on its site (institutions.admin_site).
            "is_staff": is_superuser,
            "is_superuser": is_superuser,
        },
    )
    EmailAddress.objects.get_or_create(
        user=user, email=spec.email, defaults={"verified": True, "primary": True}
    )
    return user


# What the reports will be


def _plan_reports(
    cast: Cast, rng: random.Random, now: datetime, count: int
) -> list[Plan]:
    rejected_count = min(
        len(data.REJECTED), max(1, round(count * OPEN_SHARES[Status.REJECTED]))
    )
    categories = _category_mix(rng, count - rejected_count)
    statuses = _status_mix(rng, len(categories))
    places_seen: dict[str, list[Place]] = {}

    plans = []
    for category, (status, outcome) in zip(categories, statuses, strict=True):
        place = _place(rng, cast.institution)
        earlier = places_seen.setdefault(category, [])
        if earlier and rng.random() < SAME_PLACE_SHARE:
            # Two citizens report the same thing from the same spot: the
            # map must still show both.
            place = rng.choice(earlier)
        earlier.append(place)
        author = rng.choice(cast.citizens)
        description = _describe(rng, category, place)
        public_description = description
        if rng.random() < SIGN_OFF_SHARE:
            description += rng.choice(data.SIGN_OFFS).format(
                name=author.full_name, phone=rng.choice(data.SIGN_OFF_PHONES)
            )
        has_photos = category in SCENES and rng.random() < PHOTO_SHARE
        plans.append(
            Plan(
                category=category,
                status=status,
                outcome=outcome,
                submitted_at=_submitted_at(rng, now, status),
                author=author,
                place=place,
                description=description,
                public_description=public_description,
                photos=rng.randint(1, 2) if has_photos else 0,
            )
        )

    for case in data.REJECTED[:rejected_count]:
        plans.append(
            Plan(
                category=case.category,
                status=Status.REJECTED,
                submitted_at=_submitted_at(rng, now, Status.REJECTED),
                author=rng.choice(cast.citizens),
                place=_place(rng, cast.institution),
                description=case.description,
                public_description=case.description,
                reason=case.reason,
            )
        )
    return plans


def _category_mix(rng: random.Random, count: int) -> list[str]:
    """Categories in the proportions of the current platform, a few at least."""
    total = sum(spec.volume for spec in data.CATEGORIES)
    least = max(1, count // 60)
    keys = []
    for spec in data.CATEGORIES:
        keys += [spec.key] * max(least, round(count * spec.volume / total))
    rng.shuffle(keys)
    return keys


def _status_mix(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(status, outcome) pairs: every status and every outcome appear."""
    mix: list[tuple[str, str]] = []
    for status in (Status.REGISTERED, Status.PUBLISHED, Status.ASSIGNED):
        mix += [(status, "")] * max(1, round(count * OPEN_SHARES[status]))
    resolved = count - len(mix)
    answered: list[tuple[str, str]] = []
    for outcome, share in OUTCOME_SHARES.items():
        answered += [(Status.RESOLVED, outcome)] * max(1, round(resolved * share / 100))
    mix += answered
    mix += [(Status.RESOLVED, Outcome.FIXED)] * (resolved - len(answered))
    rng.shuffle(mix)
    return mix


def _place(rng: random.Random, institution: Institution) -> Place:
    neighbourhood = rng.choices(
        data.NEIGHBOURHOODS, weights=[n.weight for n in data.NEIGHBOURHOODS]
    )[0]
    street, longitude, latitude = rng.choice(neighbourhood.streets)
    while True:
        location = Point(
            round(longitude + rng.gauss(0, 0.0015), 6),
            round(latitude + rng.gauss(0, 0.0010), 6),
            srid=4326,
        )
        if institution.contains(location):
            return Place(street, rng.randint(1, 120), location)


def _describe(rng: random.Random, category: str, place: Place) -> str:
    template = rng.choice(data.DESCRIPTIONS[category])
    values = {
        "on_street": _on_street(place.street),
        "of_street": _of_street(place.street),
        "number": place.number,
    }
    for _text, name, _spec, _conversion in string.Formatter().parse(template):
        if name and name not in values:
            values[name] = rng.choice(data.COMMON_FILLERS[name])
    return template.format(**values)


def _on_street(street: str) -> str:
    """How a sentence puts a thing on the street: "pe strada Horea"."""
    kind, _space, name = street.partition(" ")
    if kind == "Piața":
        return f"în {street}"
    if kind in ("Strada", "Bulevardul", "Aleea"):
        return f"pe {kind.lower()} {name}"
    return f"pe {street}"


def _of_street(street: str) -> str:
    on_street = _on_street(street)
    return "din" + on_street[2:] if on_street.startswith("în ") else "de " + on_street


def _submitted_at(rng: random.Random, now: datetime, status: str) -> datetime:
    """When the citizen sent it: recent for those still waiting, some overdue."""
    if status == Status.REGISTERED:
        days = rng.uniform(0, 2.5)
    elif status == Status.PUBLISHED:
        days = rng.uniform(32, 60) if rng.random() < 0.2 else rng.uniform(1, 20)
    elif status == Status.ASSIGNED:
        days = rng.uniform(31, 110) if rng.random() < 0.3 else rng.uniform(4, 29)
    else:
        days = rng.uniform(6, HISTORY_DAYS)

    day = timezone.localdate(now - timedelta(days=days))
    hour = rng.choices(list(HOUR_WEIGHTS), weights=list(HOUR_WEIGHTS.values()))[0]
    moment = timezone.make_aware(
        datetime.combine(day, time(hour, rng.randint(0, 59), rng.randint(0, 59)))
    )
    if moment > now - timedelta(minutes=20):
        moment = now - timedelta(minutes=rng.randint(20, 180))
    return moment


def _after(
    rng: random.Random, start: datetime, now: datetime, hours: tuple[float, float]
) -> datetime:
    """A moment some hours after start, and always before now."""
    wanted = start + timedelta(hours=rng.uniform(*hours))
    return min(wanted, start + (now - start) * 0.9)


# Making the reports


def _submit(plan: Plan, cast: Cast, rng: random.Random) -> Report:
    photos = [
        store_photo(
            upload=SimpleUploadedFile(
                f"IMG_{rng.randint(1000, 9999)}.jpg",
                scene_jpeg(plan.category, rng),
                content_type="image/jpeg",
            ),
            uploaded_by=plan.author,
        )
        for _number in range(plan.photos)
    ]
    report = workflow.submit_report(
        author=plan.author,
        institution=cast.institution,
        category=cast.categories[plan.category],
        location=plan.place.location,
        address=plan.place.address,
        description=plan.description,
        photos=photos,
        answers=_answers(cast.categories[plan.category], plan),
    )

    submitted_at = plan.submitted_at
    registered_at = submitted_at + timedelta(seconds=2)
    Report.objects.filter(pk=report.pk).update(
        created_at=submitted_at,
        registered_at=registered_at,
        due_date=workflow.due_date_for(cast.institution, registered_at),
        updated_at=registered_at,
    )
    report.events.filter(kind=EventKind.SUBMITTED).update(created_at=submitted_at)
    report.events.filter(kind=EventKind.REGISTERED).update(created_at=registered_at)
    report.photos.update(created_at=submitted_at - timedelta(minutes=3))
    return report


def _answers(category: Category, plan: Plan) -> list[answers.Answer]:
    """Answers to the category's questions, the same in every load.

    They have a generator of their own: the demo's reports stay as they
    were before categories had questions.
    """
    rng = random.Random(f"{category.name}|{plan.description}")
    kept = []
    for question in category.questions.all():
        keys = [choice.key for choice in question.choice_list()]
        raw: str | list[str]
        if question.kind == QuestionKind.NUMBER:
            raw = str(rng.choice([15, 30, 40, 60, 80, 120]))
        elif question.kind == QuestionKind.SINGLE:
            raw = rng.choice(keys)
        elif question.kind == QuestionKind.MULTIPLE:
            raw = rng.sample(keys, rng.randint(1, 2))
        else:
            raw = rng.choice(["", "", f"IL-{rng.randint(100, 999)}"])
        answer = answers.check_answer(question, raw)
        if answer is not None:
            kept.append(answer)
    return kept


def renumber_register(institution: Institution) -> None:
    """Number the reports within the years they are now dated in.

    The register numbered them in the year they were made; moved back in
    time, some may belong to the year before.
    """
    counts: Counter[int] = Counter()
    reports = Report.objects.filter(institution=institution).order_by(
        "registered_at", "pk"
    )
    for report in reports:
        year = timezone.localdate(report.registered_at).year
        counts[year] += 1
        number = f"{counts[year]}/{year}"
        if number == report.registry_number:
            continue
        Report.objects.filter(pk=report.pk).update(registry_number=number)
        old_number = re.compile(rf"(?<!\d){re.escape(report.registry_number)}(?!\d)")
        for event in report.events.filter(kind=EventKind.REGISTERED):
            Event.objects.filter(pk=event.pk).update(
                text=old_number.sub(number, event.text)
            )

    counters = RegisterCounter.objects.filter(
        institution=institution, direction=Direction.INCOMING
    )
    counters.delete()
    RegisterCounter.objects.bulk_create(
        RegisterCounter(
            institution=institution,
            year=year,
            direction=Direction.INCOMING,
            last_number=count,
        )
        for year, count in counts.items()
    )


def _carry_out(
    plan: Plan, report: Report, cast: Cast, rng: random.Random, now: datetime
) -> None:
    """Take the registered report as far as its plan says, at its moments."""
    if plan.status == Status.REGISTERED:
        return

    if plan.status == Status.REJECTED:
        rejected_at = _after(rng, plan.submitted_at, now, (2, 72))
        workflow.reject_report(report=report, actor=cast.clerk, reason=plan.reason)
        _stamp(report, EventKind.REJECTED, rejected_at)
        return

    published_at = _after(rng, plan.submitted_at, now, (1, 72))
    public_photos = []
    if plan.category not in INTERNAL_PHOTO_CATEGORIES:
        public_photos = list(report.photos.all())
    report = workflow.publish_report(
        report=report,
        actor=cast.clerk,
        public_description=plan.public_description,
        public_photos=public_photos,
    )
    _stamp(report, EventKind.PUBLISHED, published_at, published_at=published_at)
    if plan.status == Status.PUBLISHED:
        return

    key = next(k for k, d in cast.departments.items() if d.pk == report.department_id)
    head = cast.heads[key]
    staff = cast.staff.get(key, [])
    assignee = rng.choice(staff) if staff and rng.random() < 0.85 else head
    assigned_at = _after(rng, published_at, now, (2, 96))
    report = workflow.assign_report(report=report, actor=head, assignee=assignee)
    _stamp(report, EventKind.ASSIGNED, assigned_at)
    last_step = assigned_at
    if rng.random() < 0.4:
        last_step = _after(rng, assigned_at, now, (3, 96))
        workflow.add_note(report=report, actor=assignee, text=rng.choice(data.NOTES))
        _stamp(report, EventKind.NOTE, last_step)
    if plan.status == Status.ASSIGNED:
        return

    # Most answers come within the legal term of 30 days; some are late.
    resolved_at = _after(rng, last_step, now, (24, rng.triangular(100, 1100, 600)))
    _resolve(plan, report, assignee, resolved_at, rng)


def _forward_and_join(cast: Cast, registered: list[Report]) -> None:
    """Forward one recent report by e-mail and join two others into one."""
    if len(registered) < 3:
        return
    forwarding.forward_report(
        report=registered[0],
        actor=cast.clerk,
        reason="Rețeaua de apă și canalizare este a Companiei de Apă Someș.",
        to_name="Compania de Apă Someș",
        to_email="registratura@casomes.example",
    )
    joining.join_reports(main=registered[1], others=[registered[2]], actor=cast.clerk)


def _resolve(
    plan: Plan,
    report: Report,
    assignee: User,
    resolved_at: datetime,
    rng: random.Random,
) -> None:
    planned_for = None
    if plan.outcome == Outcome.PLANNED:
        planned_for = timezone.localdate(resolved_at) + timedelta(
            days=rng.randint(14, 90)
        )
    if plan.outcome == Outcome.FIXED:
        summary = rng.choice(data.FIXED[plan.category])
    else:
        summary = rng.choice(data.OTHER_OUTCOMES[plan.outcome])
    document = ContentFile(
        _answer_document(report, assignee, plan.outcome, summary, resolved_at),
        name="raspuns.pdf",
    )

    workflow.issue_resolution(
        report=report,
        actor=assignee,
        outcome=plan.outcome,
        summary=summary,
        document=document,
        planned_for=planned_for,
    )
    Resolution.objects.filter(report=report).update(issued_at=resolved_at)
    _stamp(report, EventKind.RESOLVED, resolved_at, resolved_at=resolved_at)


def _answer_document(
    report: Report, assignee: User, outcome: str, summary: str, resolved_at: datetime
) -> bytes:
    report = Report.objects.select_related("institution", "department").get(
        pk=report.pk
    )
    with translation.override(settings.LANGUAGE_CODE):
        outcome_label = str(Outcome(outcome).label)
    institution = report.institution
    # Only an assigned report is answered: it is registered and published.
    assert report.registered_at is not None and report.department is not None
    return answer_pdf(
        [
            institution.name,
            institution.contact_address,
            f"Către: {report.author.full_name}",
            (
                f"Răspuns la sesizarea nr. {report.registry_number} din "
                f"{_day(report.registered_at):%d.%m.%Y}, categoria "
                f"{report.category.name}, {report.address}."
            ),
            f"Rezultat: {outcome_label}. {summary}",
            f"{report.department.name}, {assignee.full_name}",
            f"Data: {_day(resolved_at):%d.%m.%Y}",
        ]
    )


def _day(moment: datetime) -> date:
    return timezone.localdate(moment)


def _stamp(report: Report, kind: str, moment: datetime, **fields: datetime) -> None:
    """Move the report's latest event of this kind, and its fields, to moment."""
    event = report.events.filter(kind=kind).latest("pk")
    Event.objects.filter(pk=event.pk).update(created_at=moment)
    Report.objects.filter(pk=report.pk).update(updated_at=moment, **fields)


def _notify_history(institution: Institution) -> None:
    """Queue the citizens' e-mails again, from the history as it now reads.

    The workflow wrote them while the demo was made, with that day's dates
    and numbers in them. Their jobs find no message and end.
    """
    OutgoingEmail.objects.filter(report__institution=institution).delete()
    kinds = [
        EventKind.REGISTERED,
        EventKind.PUBLISHED,
        EventKind.REJECTED,
        EventKind.RESOLVED,
    ]
    events = (
        Event.objects.filter(report__institution=institution, kind__in=kinds)
        .select_related("report")
        .order_by("created_at", "pk")
    )

    # Every e-mail here is about a report: its report_id is never None.
    moments: dict[tuple[int | None, str], datetime] = {}
    for event in events:
        text = event.text if event.kind == EventKind.REJECTED else ""
        notify_citizen(event.report, event.kind, text=text)
        moments[event.report_id, f"report_{event.kind}"] = event.created_at
    emails = list(OutgoingEmail.objects.filter(report__institution=institution))
    for email in emails:
        email.created_at = moments[email.report_id, email.kind]
    OutgoingEmail.objects.bulk_update(emails, ["created_at"])
