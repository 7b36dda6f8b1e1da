"""An editor can open the edit form of every kind of page and snippet."""

from wagtail.admin.admin_url_finder import AdminURLFinder

import pytest

from tests.factories import build_every_page_type

PAGE_NAMES = ["home", "news_index", "event_index", "gallery_index", "cluster_index", "project_index"]
DETAIL_NAMES = ["news", "event", "gallery", "cluster", "project", "standard"]
SNIPPET_NAMES = ["sector", "country", "organisation", "person", "programme"]


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
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


@pytest.mark.parametrize("name", DETAIL_NAMES)
def test_superuser_opens_the_add_form_under_the_right_parent(admin_client, content, name):
    page = content[name]
    parent = page.get_parent()
    meta = page.specific_class._meta
    response = admin_client.get(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/")
    assert response.status_code == 200


def test_english_translation_of_home_opens_too(admin_client, admin_user, site):
    response = admin_client.get(AdminURLFinder(admin_user).get_edit_url(site["home_en"]))
    assert response.status_code == 200
    assert "House of Clusters" in response.content.decode()
