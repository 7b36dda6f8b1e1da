"""`manage.py backup_site` / `restore_site`: a backup taken before content and files are lost
brings back both, and the site serves them again."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from tests.factories import ImageFactory, NewsPageFactory, build_site

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_then_restore_brings_back_pages_and_media(client, tmp_path):
    site = build_site()
    image = ImageFactory(title="Sa sajma")
    article = NewsPageFactory(parent=site["news_index"], title="Sajam klastera", slug="sajam", hero_image=image)
    url = article.url
    image_path = Path(image.file.path)
    image_bytes = image_path.read_bytes()
    assert client.get(url).status_code == 200

    call_command("backup_site", to=str(tmp_path / "backup"))

    # Lost: the article, the image row and its file.
    Page.objects.get(pk=article.pk).delete()
    get_image_model().objects.filter(pk=image.pk).delete()
    image_path.unlink(missing_ok=True)  # Wagtail may already have removed it with the row
    assert not image_path.exists()
    assert client.get(url).status_code == 404

    call_command("restore_site", source=str(tmp_path / "backup"), interactive=False)

    response = client.get(url)
    assert response.status_code == 200
    assert "Sajam klastera" in response.content.decode()
    restored = get_image_model().objects.get(pk=image.pk)
    assert restored.title == "Sa sajma"
    assert Path(restored.file.path).read_bytes() == image_bytes


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="missing database.dump, media.tar.gz"):
        call_command("restore_site", source=str(tmp_path), interactive=False)


def test_backup_refuses_to_overwrite_a_backup(db, tmp_path):
    call_command("backup_site", to=str(tmp_path))
    with pytest.raises(CommandError, match="already holds a backup"):
        call_command("backup_site", to=str(tmp_path))
