"""An editor can open the edit form of every kind of page and snippet."""

import html
import re

from wagtail.admin.admin_url_finder import AdminURLFinder

import pytest

from tests.factories import build_every_page_type

PAGE_NAMES = ["home", "news_index", "event_index", "gallery_index", "cluster_index", "project_index"]
DETAIL_NAMES = ["news", "event", "gallery", "cluster", "project", "standard"]
SNIPPET_NAMES = ["sector", "country", "organisation", "person", "programme"]
# The fields of each add form's content tab, in the order editors see them (inline
# panels show the fields of one row: a document's "document" and "title", a gallery
# image's four fields once for the first row and once for the row template).
CONTENT_FIELDS = {
    "news": [
        "title", "date", "lead", "hero_image", "body", "document", "title", "tags", "sectors", "related_clusters",
        "related_organisations", "project",
    ],
    "event": [
        "title", "start", "end", "time_zone", "status", "venue", "street_address", "city", "country", "latitude",
        "longitude", "intro", "hero_image", "body", "document", "title", "organisers", "contact_person",
        "registration_url", "project", "sectors",
    ],
    "gallery": [
        "title", "date", "event", "intro", "image", "caption", "alt_text", "credit", "image", "caption", "alt_text",
        "credit",
    ],
    "cluster": [
        "title", "intro", "sectors", "country", "city", "region", "founded_year", "latitude", "longitude",
        "cluster_manager", "website", "email", "phone", "logo", "level", "awarded_on", "valid_until",
        "member_organisations", "network_memberships", "body",
    ],
    "project": [
        "title", "acronym", "intro", "hero_image", "programme", "reference_number", "start_date", "end_date",
        "budget_eur", "lead_partner", "partners", "website", "body",
    ],
    "standard": ["title", "intro", "hero_image", "body"],
}  # fmt: skip
# The page type's name in the admin (it speaks Serbian by default).
TYPE_LABELS = {
    "home": "Početna stranica",
    "news_index": "Spisak vesti",
    "event_index": "Spisak događaja",
    "gallery_index": "Spisak galerija",
    "cluster_index": "Imenik klastera",
    "project_index": "Spisak projekata",
    "news": "Vest",
    "event": "Događaj",
    "gallery": "Galerija",
    "cluster": "Profil klastera",
    "project": "Projekat",
    "standard": "Obična stranica",
}
PROMOTE_FIELDS = ["slug", "seo_title", "search_description", "show_in_menus", "go_live_at", "expire_at"]


def title_of(content: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", content, re.S).group(1).strip())


def input_value(content: str, name: str) -> str:
    """The value of the form's input ``name`` ("" when it has none)."""
    tag = re.search(rf'<input[^>]*\sname="{name}"[^>]*>', content).group(0)
    value = re.search(r'\svalue="([^"]*)"', tag)
    return html.unescape(value.group(1)) if value else ""


@pytest.fixture
def content(site):
    return {**site, **build_every_page_type(site)}


@pytest.mark.parametrize("name", PAGE_NAMES + DETAIL_NAMES + SNIPPET_NAMES)
def test_superuser_opens_the_edit_form(admin_client, admin_user, content, name):
    obj = content[name]
    url = AdminURLFinder(admin_user).get_edit_url(obj)
    assert url, f"no edit view for {name}"
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in content
    # The form is this item's, filled in with what was saved.
    if name in SNIPPET_NAMES:
        assert title_of(content) == f"Izmene: {obj.name} - Wagtail"
        assert input_value(content, "name") == obj.name
    else:
        assert title_of(content) == f"Editing {TYPE_LABELS[name]}: {obj.title} - Wagtail"
        assert input_value(content, "title") == obj.title
        assert input_value(content, "slug") == obj.slug


@pytest.mark.parametrize("name", DETAIL_NAMES)
def test_superuser_opens_the_add_form_under_the_right_parent(admin_client, content, name):
    page = content[name]
    parent = page.get_parent()
    meta = page.specific_class._meta
    response = admin_client.get(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert title_of(content) == f"New: {TYPE_LABELS[name]} - Wagtail"
    assert re.findall(r'data-contentpath="([^"]+)"', content) == CONTENT_FIELDS[name] + PROMOTE_FIELDS
    assert input_value(content, "title") == ""


def test_english_translation_of_home_opens_too(admin_client, admin_user, site):
    response = admin_client.get(AdminURLFinder(admin_user).get_edit_url(site["home_en"]))
    assert response.status_code == 200
    content = response.content.decode()
    assert title_of(content) == "Editing Početna stranica: House of Clusters - Wagtail"
    assert input_value(content, "title") == "House of Clusters"
