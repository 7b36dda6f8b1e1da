"""The page leak matrix (issue 8): every page state across every page surface.

One test per page state builds a small site with a news article in that state
(with its English translation and Cyrillic edition where the state allows one)
and a public control article, then walks every surface in every locale:
API v1 (list, detail, by slug, resolve, search), API v2 (list, search, detail),
the site (detail in sr-latn/en/sr-cyrl, the English fallback route, the news
listing, the home page), sitemap.xml and the RSS/Atom feeds.

The article's unpublished or private text carries MARKER (and its Cyrillic
transliteration); no response may contain it. Details answer 404, or Wagtail's
password form / login redirect for restricted pages; a page with a newer draft
or a revision in moderation shows its live text. The control article must be
present wherever the article must be absent, so an empty response cannot pass.
Rich-text embeds and media URLs have their own tests (tests/security/, other modules).
"""

import datetime
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

import pytest
from rest_framework.test import APIClient

from localization.cyrillic import build_cyrillic_edition
from localization.transliteration import latin_to_cyrillic
from tests.factories import NewsPageFactory, restrict, translate

MARKER = "TAJNIMARKER"
MARKERS = (MARKER, latin_to_cyrillic(MARKER))
SEARCH_WORD = "zajednicka"  # in the article's and the control's titles, in every locale
LIVE_TEXT = "Javni naslov zajednicka"
CONTROL_TITLE = "Kontrolna vest zajednicka"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
LOGIN_REDIRECT = re.compile(r"^/[a-z-]+/_util/login/\?next=")

# How the site answers a visitor at the article's URL.
NOT_FOUND, PASSWORD_FORM, LOGIN, LIVE_ONLY = "404", "password form", "login redirect", "live text only"

STATES = {
    "draft": NOT_FOUND,
    "unpublished": NOT_FOUND,
    "scheduled": NOT_FOUND,
    "live-before-go-live": NOT_FOUND,
    "expired-not-yet-processed": NOT_FOUND,
    "password": PASSWORD_FORM,
    "login": LOGIN,
    "group": LOGIN,
    "private-ancestor": LOGIN,
    "newer-draft-revision": LIVE_ONLY,
    "in-moderation": LIVE_ONLY,
}
# States in which the translations exist and are live rows: their restriction or
# time window comes from (or is shared with) the Serbian source page.
TRANSLATED = {
    "unpublished",
    "live-before-go-live",
    "expired-not-yet-processed",
    "password",
    "login",
    "group",
    "private-ancestor",
    "newer-draft-revision",
    "in-moderation",
}


@dataclass
class Built:
    article: dict[str, Page]  # locale code -> the article in that locale
    control: dict[str, Page]
    answer: str
    control_visible: bool = True
    urls: dict[str, str] = field(default_factory=dict)  # locale code -> the article's URL


def has_marker(response) -> bool:
    content = response.content.decode()
    return any(marker in content for marker in MARKERS)


def submit_for_moderation(page: Page) -> None:
    from wagtail.models import Workflow

    user = get_user_model().objects.create_superuser("urednik", "urednik@example.org", "x")
    page.save_revision(user=user)
    workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
    workflow.start(page, user)
    assert page.__class__.objects.get(pk=page.pk).workflow_in_progress


def build(state: str, site: dict[str, Page]) -> Built:
    en = Locale.objects.get(language_code="en")
    index = site["news_index"]
    translate(index, en, {"Vesti": "News"})
    control = NewsPageFactory(parent=index, title=CONTROL_TITLE, slug="kontrola", lead="Kontrolni uvod.")
    translate(control, en)

    hidden_text = {"title": f"{MARKER} {state} {SEARCH_WORD}", "lead": f"{MARKER} uvod"}
    live_text = {"title": LIVE_TEXT, "lead": "Javni uvod."} if STATES[state] == LIVE_ONLY else hidden_text
    traits = {"draft": {"draft": True}, "scheduled": {"scheduled": True}}.get(state, {})
    article = NewsPageFactory(parent=index, slug="clanak", **live_text, **traits)
    if state in TRANSLATED:
        translate(article, en)
    cyrl = build_cyrillic_edition(publish=True)
    editions = {"sr-latn": article}
    if state in TRANSLATED:
        editions |= {"en": article.get_translation(en), "sr-cyrl": article.get_translation(cyrl)}
    controls = {"sr-latn": control, "en": control.get_translation(en), "sr-cyrl": control.get_translation(cyrl)}
    pks = [page.pk for page in editions.values()]

    built = Built(article=editions, control=controls, answer=STATES[state])
    if state == "unpublished":
        for page in editions.values():
            page.unpublish()
    elif state == "live-before-go-live":
        Page.objects.filter(pk__in=pks).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    elif state == "expired-not-yet-processed":
        # expire_at passed; the scheduler has not run, so the rows are live and not marked expired.
        Page.objects.filter(pk__in=pks).update(expire_at=timezone.now() - datetime.timedelta(minutes=5))
    elif state == "password":
        restrict(article, PageViewRestriction.PASSWORD, password="tajna")
    elif state == "login":
        restrict(article, PageViewRestriction.LOGIN)
    elif state == "group":
        restrict(article, PageViewRestriction.GROUPS, groups=[Group.objects.create(name="Upravni odbor")])
    elif state == "private-ancestor":
        restrict(index, PageViewRestriction.LOGIN)
        built.control_visible = False
    elif state == "newer-draft-revision":
        for page in editions.values():
            page.title, page.lead = hidden_text["title"], hidden_text["lead"]
            page.save_revision()
    elif state == "in-moderation":
        article.title, article.lead = hidden_text["title"], hidden_text["lead"]
        submit_for_moderation(article)
    built.urls = {code: f"/{code}/vesti/clanak/" for code in ("sr-latn", "en", "sr-cyrl")}
    for code, page in editions.items():
        page.refresh_from_db()
        if code != "sr-latn":
            assert page.url == built.urls[code]
    return built


def sitemap_locations(response) -> set[str]:
    tree = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {loc.text for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)}


def list_surfaces(code: str) -> dict[str, str]:
    """Lists and searches that must not show the article but must show the control."""
    word = latin_to_cyrillic(SEARCH_WORD) if code == "sr-cyrl" else SEARCH_WORD
    surfaces = {
        "v1 list": f"/api/v1/news/?limit=100&locale={code}",
        "v1 search": f"/api/v1/search/?q={word}&locale={code}",
        "v2 list": f"/api/v2/pages/?type=pages.NewsPage&fields=*&limit=100&locale={code}",
        "v2 search": f"/api/v2/pages/?search={word}&locale={code}",
        "site listing": f"/{code}/vesti/",
        "site home": f"/{code}/",
        "rss feed": f"/feeds/news/{code}/",
        "atom feed": f"/feeds/news/{code}/atom/",
    }
    if code != "sr-latn":
        surfaces["v1 list with fallback"] = f"/api/v1/news/?limit=100&locale={code}&fallback=true"
    return surfaces


def detail_surfaces(code: str, page: Page, url: str) -> dict[str, str]:
    """Single-page answers: 404 for a hidden page, the live text for a page with a newer draft."""
    return {
        "v1 detail": f"/api/v1/news/{page.pk}/?locale={code}",
        "v1 detail with fallback": f"/api/v1/news/{page.pk}/?locale={code}&fallback=true",
        "v1 by slug": f"/api/v1/news/by-slug/{page.slug}/?locale={code}",
        "v1 resolve": f"/api/v1/pages/resolve/?path={url}",
        "v2 detail": f"/api/v2/pages/{page.pk}/",
    }


@pytest.mark.parametrize("state", list(STATES))
def test_no_surface_shows_a_page_that_is_not_public(state, site):
    built = build(state, site)
    client = APIClient()
    failures: list[str] = []

    def check(label: str, ok: bool) -> None:
        if not ok:
            failures.append(label)

    live_only = built.answer == LIVE_ONLY
    for code in ("sr-latn", "en", "sr-cyrl"):
        for name, url in list_surfaces(code).items():
            response = client.get(url)
            # A private index refuses its listing to visitors; every other list answers.
            expected = 302 if (name == "site listing" and not built.control_visible) else 200
            check(f"{name} {url}: status {response.status_code}", response.status_code == expected)
            check(f"{name} {url}: shows the article's hidden text", not has_marker(response))
            content = response.content.decode()
            if built.control_visible:
                control = built.control[code].title
                check(f"{name} {url}: the control is missing", response.status_code == 200 and control in content)
                if live_only and name not in ("site home",):
                    live = built.article[code].title
                    check(f"{name} {url}: the live version is missing", live in content)

        page = built.article.get(code)
        url = built.urls[code]
        if page is not None:
            for name, api_url in detail_surfaces(code, page, url).items():
                response = client.get(api_url)
                expected = 200 if live_only else 404
                check(f"{name} {api_url}: status {response.status_code}", response.status_code == expected)
                check(f"{name} {api_url}: shows the article's hidden text", not has_marker(response))

        # The site: the article's own URL in this locale (the English fallback route
        # for the Serbian-only states), answered as a visitor should be.
        response = client.get(url)
        answer = built.answer if (page is not None or code == "en") else NOT_FOUND
        label = f"fallback route {url}" if code == "en" and page is None else f"site detail {url}"
        check(f"{label}: shows the article's hidden text", not has_marker(response))
        if answer == NOT_FOUND:
            check(f"{label}: status {response.status_code}, not 404", response.status_code == 404)
        elif answer == PASSWORD_FORM:
            check(f"{label}: no password form", b"authenticate_with_password" in response.content)
        elif answer == LOGIN:
            location = response.get("Location", "")
            check(f"{label}: no login redirect ({response.status_code})", bool(LOGIN_REDIRECT.match(location)))
        else:
            check(f"{label}: the live text is missing", built.article[code].title in response.content.decode())

    locations = sitemap_locations(client.get("/sitemap.xml"))
    hidden = {f"http://localhost{url}" for url in built.urls.values()}
    if not live_only:
        check(f"sitemap lists {sorted(hidden & locations)}", not hidden & locations)
    else:
        check("sitemap misses the live article", hidden <= locations)
    if built.control_visible:
        check("sitemap misses the control", "http://localhost/sr-latn/vesti/kontrola/" in locations)

    assert not failures, "\n".join(failures)


def test_the_fallback_route_obeys_the_rule_for_a_serbian_only_page(site):
    """/en/vesti/<serbian slug>/ serves an untranslated Serbian page; each hidden state is 404 there."""
    en = Locale.objects.get(language_code="en")
    index = site["news_index"]
    translate(index, en, {"Vesti": "News"})
    public = NewsPageFactory(parent=index, title="Samo srpski", slug="samo-srpski")
    NewsPageFactory(parent=index, title=MARKER, slug="istekla", expired=True)
    early = NewsPageFactory(parent=index, title=MARKER, slug="rana")
    Page.objects.filter(pk=early.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    restrict(NewsPageFactory(parent=index, title=MARKER, slug="prijava"), PageViewRestriction.LOGIN)
    client = APIClient()
    assert client.get(f"/en/vesti/{public.slug}/").status_code == 200
    answers = {slug: client.get(f"/en/vesti/{slug}/") for slug in ("istekla", "rana", "prijava")}
    assert {slug: response.status_code for slug, response in answers.items()} == {
        "istekla": 404,
        "rana": 404,
        "prijava": 302,
    }
    assert not any(has_marker(response) for response in answers.values())
