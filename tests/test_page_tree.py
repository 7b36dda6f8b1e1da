"""Which page types editors may add where: the admin's "Add child page" choices."""

import re

import pytest

from tests import factories as f

ADD_FORM = re.compile(r"/admin/pages/add/pages/(\w+)/(\d+)/")
# One choice of the add_subpage listing: its form's model name and the label shown.
CHOICE = re.compile(
    r'<a class="w-flex" href="/admin/pages/add/pages/(\w+)/\d+/">\s*<svg.*?</svg>'
    r'\s*<div class="w-ml-2">\s*(.*?)\s*</div>',
    re.S,
)
REFUSED = "Sorry, you do not have permission to access this area."


def offered(client, parent) -> list[str]:
    """The page types "Add child page" offers under ``parent``, by model name. With one
    type Wagtail opens its form straight away; with none it sends the editor back to
    the dashboard."""
    response = client.get(f"/admin/pages/{parent.pk}/add_subpage/")
    if response.status_code == 302:
        if response["Location"] == "/admin/":
            return []
        model, parent_id = ADD_FORM.fullmatch(response["Location"]).groups()
        assert parent_id == str(parent.pk)
        return [model]
    assert response.status_code == 200
    return [model for model, _label in CHOICE.findall(response.content.decode())]


def test_the_tree_root_offers_only_a_home_page(admin_client, site):
    assert offered(admin_client, site["root"]) == ["homepage"]


def test_a_new_language_home_page_offers_the_five_sections_and_standard_pages(admin_client, site):
    # build_site() made the Serbian sections only; the English home page has none yet.
    response = admin_client.get(f"/admin/pages/{site['home_en'].pk}/add_subpage/")
    assert response.status_code == 200
    assert CHOICE.findall(response.content.decode()) == [
        ("clusterindexpage", "Imenik klastera"),
        ("standardpage", "Obična stranica"),
        ("eventindexpage", "Spisak događaja"),
        ("galleryindexpage", "Spisak galerija"),
        ("projectindexpage", "Spisak projekata"),
        ("newsindexpage", "Spisak vesti"),
    ]


def test_a_home_page_with_its_sections_offers_only_standard_pages(admin_client, site):
    # One section of each kind per language site: a second news section is not offered.
    assert offered(admin_client, site["home"]) == ["standardpage"]


@pytest.mark.parametrize(
    ("index", "detail"),
    [
        ("news_index", "newspage"),
        ("event_index", "eventpage"),
        ("gallery_index", "gallerypage"),
        ("cluster_index", "clusterpage"),
        ("project_index", "projectpage"),
    ],
)
def test_each_section_opens_the_form_of_its_own_detail_page(admin_client, site, index, detail):
    assert offered(admin_client, site[index]) == [detail]
    response = admin_client.get(f"/admin/pages/add/pages/{detail}/{site[index].pk}/")
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


@pytest.mark.parametrize(
    ("factory", "index"),
    [
        (f.NewsPageFactory, "news_index"),
        (f.EventPageFactory, "event_index"),
        (f.GalleryPageFactory, "gallery_index"),
        (f.ClusterPageFactory, "cluster_index"),
        (f.ProjectPageFactory, "project_index"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_detail_pages_offer_no_child_pages(admin_client, site, factory, index):
    assert offered(admin_client, factory(parent=site[index])) == []


def test_standard_pages_nest_in_each_other(admin_client, site):
    about = f.StandardPageFactory(parent=site["home"], title="O nama", slug="o-nama")
    assert offered(admin_client, about) == ["standardpage"]


@pytest.mark.parametrize(
    ("parent", "model"),
    [
        ("home", "newspage"),
        ("home", "homepage"),
        ("home", "newsindexpage"),  # a second news section on the Serbian site
        ("news_index", "eventpage"),
        ("event_index", "newspage"),
        ("cluster_index", "projectpage"),
        ("gallery_index", "clusterpage"),
        ("about", "newsindexpage"),
        ("news", "standardpage"),
    ],
)
def test_the_form_of_a_misplaced_page_type_is_refused(admin_client, site, parent, model):
    pages = {
        **site,
        "about": f.StandardPageFactory(parent=site["home"], title="O nama", slug="o-nama"),
        "news": f.NewsPageFactory(parent=site["news_index"]),
    }
    response = admin_client.get(f"/admin/pages/add/pages/{model}/{pages[parent].pk}/", follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert [str(message).strip() for message in response.context["messages"]] == [REFUSED]
