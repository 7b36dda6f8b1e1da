"""Translating a section "with subtree" leaves a valid page tree (wagtail-localize
issue 773): the translated section knows its children and they resolve."""

from django.urls import reverse

from wagtail.models import Page

import pytest

from tests.factories import NewsPageFactory


@pytest.mark.parametrize("publish_on_translate", [True, False], ids=["published-on-translate", "saved-as-draft"])
def test_child_pages_of_a_translated_section_resolve(
    admin_client, site, en, settings, django_capture_on_commit_callbacks, publish_on_translate
):
    # True is wagtail-localize's default and the case that broke numchild; this
    # project saves drafts (False) and publishes them through the workflow.
    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = publish_on_translate
    index = site["news_index"]
    first = NewsPageFactory(parent=index, title="Prva vest", slug="prva")
    second = NewsPageFactory(parent=index, title="Druga vest", slug="druga")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[index.pk]),
            {"locales": [en.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302

    index_en = index.get_translation(en)
    children = [first.get_translation(en), second.get_translation(en)]
    if not publish_on_translate:
        with django_capture_on_commit_callbacks(execute=True):
            for page in [index_en, *children]:
                page.get_latest_revision().publish()
    index_en = Page.objects.get(pk=index_en.pk)
    assert index_en.numchild == 2
    assert {page.pk for page in index_en.get_children()} == {page.pk for page in children}
    assert Page.find_problems() == ([], [], [], [], [])

    for page in children:
        page.refresh_from_db()
        assert page.url == f"/en/vesti/{page.slug}/"
        response = admin_client.get(page.url)
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
    response = admin_client.get(index_en.url)
    assert {item.pk for item in response.context["listing"]} == {page.pk for page in children}
