"""Photos of report forms never sent are deleted a day after their upload."""

from datetime import timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from reports.drafts import discard_abandoned_photos
from reports.models import Photo


def test_unsent_photos_older_than_a_day_go_with_their_files(flow):
    old, recent, sent = flow.photo("veche.jpg"), flow.photo("noua.jpg"), flow.photo()
    flow.submit(photos=[sent])
    long_ago = timezone.now() - timedelta(days=1, minutes=1)
    Photo.objects.filter(pk__in=[old.pk, sent.pk]).update(created_at=long_ago)
    files = [old.original.name, old.image.name, old.thumbnail.name, old.share.name]

    deleted = discard_abandoned_photos()

    assert deleted == 1
    assert not Photo.objects.filter(pk=old.pk).exists()
    assert Photo.objects.filter(pk=recent.pk).exists()
    assert Photo.objects.filter(pk=sent.pk).exists()
    assert all(files)
    assert not any(default_storage.exists(name) for name in files)
