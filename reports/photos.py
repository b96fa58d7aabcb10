"""Photos attached to reports: storing uploads and deciding who sees them."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from accounts.models import User
from institutions import roles
from moderation.photos import clean_photo
from reports.models import Photo


def store_photo(*, upload: UploadedFile, uploaded_by: User) -> Photo:
    """Keep the original privately and its cleaned copies; raises PhotoError."""
    clean = clean_photo(upload)

    upload.seek(0)
    name = upload.name or ""
    photo = Photo(
        uploaded_by=uploaded_by,
        original_name=name[:200],
        width=clean.width,
        height=clean.height,
    )
    photo.original.save(name, ContentFile(upload.read()), save=False)
    photo.image.save("photo.jpg", clean.image, save=False)
    photo.thumbnail.save("thumbnail.jpg", clean.thumbnail, save=False)
    photo.save()
    return photo


def can_view_photo(user: roles.AnyUser, photo: Photo) -> bool:
    """The public sees public photos of public reports; the author and the
    institution's staff see every cleaned copy."""
    report = photo.report
    if report is None:
        return user.is_authenticated and photo.uploaded_by_id == user.pk
    if photo.is_public and report.is_public:
        return True
    if not user.is_authenticated:
        return False
    return report.author_id == user.pk or roles.is_staff_of(user, report.institution)


def can_view_original(user: roles.AnyUser, photo: Photo) -> bool:
    report = photo.report
    return (
        report is not None
        and user.is_authenticated
        and roles.is_staff_of(user, report.institution)
    )
