"""``manage.py load_demo`` can be run again without duplicating anything."""

import io

from django.apps import apps
from django.core.management import call_command

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

import pytest


def content_counts() -> dict[str, int]:
    counts = {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
    }
    for locale in Locale.objects.all():
        for model in [*apps.get_app_config("pages").get_models(), *apps.get_app_config("snippets").get_models()]:
            if issubclass(model, TranslatableMixin):
                counts[f"{model.__name__} {locale.language_code}"] = model.objects.filter(locale=locale).count()
    return counts


def load_demo(django_capture_on_commit_callbacks) -> str:
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_running_load_demo_twice_gives_the_same_content(django_capture_on_commit_callbacks):
    load_demo(django_capture_on_commit_callbacks)
    first = content_counts()
    assert first["NewsPage sr-latn"] > 0
    assert first["NewsPage en"] > 0
    assert first["ClusterPage sr-latn"] > 0
    assert first["Sector en"] == first["Sector sr-latn"] > 0
    assert first["images"] > 0

    load_demo(django_capture_on_commit_callbacks)
    assert content_counts() == first


@pytest.mark.django_db
def test_demo_site_answers_in_both_languages(client, django_capture_on_commit_callbacks):
    load_demo(django_capture_on_commit_callbacks)
    for path, lang in (("/sr-latn/", "sr-Latn"), ("/en/", "en")):
        response = client.get(path)
        assert response.status_code == 200
        assert f'<html lang="{lang}">' in response.content.decode()
