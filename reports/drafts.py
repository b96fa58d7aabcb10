"""The photos a report form keeps between posts, before the report is sent.

Each post stores the new uploads at once, so a form sent back with an error
does not ask for them again. The form then carries only the tokens of the
kept photos; a token is honoured only for its uploader's unsent photos.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from institutions.roles import AnyUser
from moderation.photos import PhotoError
from reports.models import Photo
from reports.photos import store_photo

# How long the photos of a form never sent are kept.
DRAFT_LIFETIME = timedelta(days=1)


@dataclass
class DraftPhotos:
    photos: list[Photo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return [str(photo.token) for photo in self.photos]

    @property
    def room(self) -> int:
        return max(settings.REPORT_MAX_PHOTOS - len(self.photos), 0)


def update_draft_photos(
    *, user: User, kept: list[str], removed: list[str], uploads: list[UploadedFile]
) -> DraftPhotos:
    """Keep the photos still wanted, delete the removed ones, store uploads.

    A bad file, or one beyond the limit, gives its own error and leaves the
    other photos as they are.
    """
    photos = kept_photos(user=user, tokens=kept)
    removed_tokens = set(_tokens(removed))
    unwanted = [photo for photo in photos if photo.token in removed_tokens]
    discard_photos(unwanted)
    draft = DraftPhotos(photos=[p for p in photos if p not in unwanted])

    for upload in uploads:
        if not draft.room:
            draft.errors.append(
                _("%(name)s was not added: a report can have at most %(max)s photos.")
                % {"name": upload.name, "max": settings.REPORT_MAX_PHOTOS}
            )
            continue
        try:
            draft.photos.append(store_photo(upload=upload, uploaded_by=user))
        except PhotoError as error:
            draft.errors.append(str(error))
    return draft


def kept_photos(*, user: AnyUser, tokens: list[str]) -> list[Photo]:
    """The user's unsent photos named by the tokens, in the order given."""
    wanted = list(dict.fromkeys(_tokens(tokens)))[: settings.REPORT_MAX_PHOTOS]
    if not wanted or not user.is_authenticated:
        return []
    found = {
        photo.token: photo
        for photo in Photo.objects.filter(
            token__in=wanted, uploaded_by=user, report__isnull=True
        )
    }
    return [found[token] for token in wanted if token in found]


def discard_photos(photos: list[Photo]) -> None:
    """Delete unsent photos with their files."""
    for photo in photos:
        if photo.report_id is not None:
            continue
        for file in (photo.original, photo.image, photo.thumbnail, photo.share):
            file.delete(save=False)
        photo.delete()


def discard_abandoned_photos(*, older_than: timedelta = DRAFT_LIFETIME) -> int:
    """Delete the photos of forms never sent, a day after their upload.

    Their private originals may hold where the phone was (GPS): they are
    kept no longer than a citizen plausibly needs to finish the form.
    """
    since = timezone.now() - older_than
    abandoned = list(
        Photo.objects.filter(report__isnull=True, created_at__lt=since)[:500]
    )
    discard_photos(abandoned)
    return len(abandoned)


def _tokens(values: list[str]) -> list[uuid.UUID]:
    tokens = []
    for value in values:
        try:
            tokens.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return tokens
