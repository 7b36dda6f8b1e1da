"""The translation editor's segment saves reach the database (they post form data)."""

from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail_localize.models import StringSegment, StringTranslation

from tests.factories import translate
from tests.translation.conftest import translation_for


def test_saving_a_segment_in_the_editor_stores_the_translation(
    admin_client, content, en, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate(content["news_index"], en, {"Vesti": "News"})
        translate(content["news"], en, publish=False)
    translation = translation_for(content["news"], en)
    segment = StringSegment.objects.get(source=translation.source, string__data="Dan klastera u Nišu")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    body = encode_multipart("BoUnDaRy", {"value": "Cluster Day in Niš"})
    response = admin_client.put(url, body, content_type=MULTIPART_CONTENT.replace("BoUnDaRyStRiNg", "BoUnDaRy"))
    assert response.status_code == 201, response.content
    assert StringTranslation.objects.get(translation_of=segment.string, locale=en).data == "Cluster Day in Niš"
