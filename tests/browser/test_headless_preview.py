"""An editor previews a draft on the partner front end; without the token the draft never shows.

The partner front end is a tiny server in this test: its preview page reads
``token`` from its query string, fetches ``/api/v1/preview/?token=…`` from the
live server and renders the item's title and body, or the API's error.
"""

import html
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import HTTPError
from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.rich_text import RichText

import pytest

from preview.models import HeadlessSettings
from preview.tokens import make_token
from tests import factories as f
from tests.browser import admin
from workflow.roles import EDITORS, setup_roles

# The live server needs committed data, hence a transactional database;
# build_site() recreates the tree roots that the flush between tests removes.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "browser-test-password"
LIVE_TITLE = "Klasteri na sajmu"
LIVE_TEXT = "Objavljeni tekst vesti."
DRAFT_TITLE = "Nacrt: klasteri na sajmu u Nišu"
DRAFT_TEXT = "Nacrt teksta, još neobjavljen."


def render(status: int, data: dict) -> str:
    """The partner's preview page: the item, or the API's problem details."""
    if status != 200:
        return (
            "<!doctype html><title>Preview unavailable</title>"
            f'<h1>Preview unavailable</h1><p id="error">{status} {html.escape(data.get("code", ""))}: '
            f"{html.escape(data.get('detail', ''))}</p>"
        )
    paragraphs = "".join(block["value"] for block in data.get("body", []) if block["type"] == "paragraph")
    return (
        f"<!doctype html><title>{html.escape(data['title'])}</title>"
        f'<article data-type="{html.escape(data["type"])}"><h1 id="title">{html.escape(data["title"])}</h1>'
        f'<p class="lead">{html.escape(data.get("lead", ""))}</p><div id="body">{paragraphs}</div></article>'
    )


@pytest.fixture
def partner(live_server) -> Iterator[str]:
    """The partner front end on a free loopback port; yields its preview page's URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/preview":
                self.send_error(404)
                return
            token = parse_qs(url.query).get("token", [""])[0]
            api = f"{live_server.url}/api/v1/preview/?{urlencode({'token': token})}"
            request = urllib.request.Request(api, headers={"Accept": "application/json"})  # noqa: S310
            try:
                with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
                    status, data = response.status, json.load(response)
            except HTTPError as error:
                status, data = error.code, json.load(error)
            page = render(status, data).encode()
            self.send_response(200 if status == 200 else status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/preview"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def newsroom(live_server, partner):
    site = f.build_site()
    setup_roles()
    editor = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    settings_row = HeadlessSettings.for_site(site["home"].get_site())
    settings_row.preview_url = partner
    settings_row.save()
    news = f.NewsPageFactory(parent=site["news_index"], title=LIVE_TITLE, slug="klasteri-na-sajmu")
    news.body = [("paragraph", RichText(f"<p>{LIVE_TEXT}</p>"))]
    news.save_revision().publish()
    news.refresh_from_db()
    # The editor's unpublished change: the latest revision is a draft.
    news.title = DRAFT_TITLE
    news.body = [("paragraph", RichText(f"<p>{DRAFT_TEXT}</p>"))]
    draft = news.save_revision(user=editor)
    return {"site": site, "news": news, "draft": draft, "url": live_server.url, "partner": partner}


def open_more_actions(page) -> None:
    # The footer's split button: the default action plus a dropdown of the others.
    page.locator("footer [data-w-dropdown-target='toggle'], footer button[aria-label='More actions']").first.click()


def public_detail(base: str, news_id: int) -> dict:
    with urllib.request.urlopen(f"{base}/api/v1/news/{news_id}/", timeout=15) as response:  # noqa: S310
        return json.load(response)


def test_editor_previews_the_draft_on_the_partner_site(newsroom, new_page):
    base, news, partner = newsroom["url"], newsroom["news"], newsroom["partner"]
    editor = new_page()
    admin.log_in(editor, base, "editor", PASSWORD)
    editor.goto(f"{base}/admin/pages/{news.pk}/edit/")
    assert editor.locator("#id_title").input_value() == DRAFT_TITLE
    open_more_actions(editor)
    with editor.expect_navigation(url=re.compile(rf"^{re.escape(partner)}\?token=")):
        editor.get_by_role("link", name="Preview on partner site").click()

    query = parse_qs(urlsplit(editor.url).query)
    assert query["type"] == ["news"] and query["id"] == [str(news.pk)]
    assert editor.locator("#title").inner_text() == DRAFT_TITLE
    assert DRAFT_TEXT in editor.locator("#body").inner_text()
    shown = editor.content()
    assert LIVE_TITLE not in shown and LIVE_TEXT not in shown

    # Without the token the draft never shows: not to the public, nor to the logged-in editor.
    published = public_detail(base, news.pk)
    assert published["title"] == LIVE_TITLE
    assert DRAFT_TITLE not in json.dumps(published, ensure_ascii=False)
    as_editor = editor.request.get(f"{base}/api/v1/news/{news.pk}/")  # with the editor's session cookie
    assert as_editor.ok and as_editor.json()["title"] == LIVE_TITLE

    token = query["token"][0]
    tampered = token[:-2] + ("aa" if token[-2:] != "aa" else "bb")
    response = editor.goto(f"{partner}?{urlencode({'token': tampered, 'type': 'news', 'id': news.pk})}")
    assert response.status == 401
    assert editor.locator("#error").inner_text().startswith("401 invalid_token")
    assert DRAFT_TITLE not in editor.content()


def test_token_of_another_page_shows_the_403(newsroom, new_page):
    base, site, partner = newsroom["url"], newsroom["site"], newsroom["partner"]
    other = f.NewsPageFactory(parent=site["news_index"], title="Druga vest", slug="druga-vest")
    reader = new_page()
    response = reader.goto(f"{partner}?{urlencode({'token': make_token(other.pk, newsroom['draft'].pk)})}")
    assert response.status == 403
    assert reader.locator("#error").inner_text().startswith("403 permission_denied")
    assert DRAFT_TITLE not in reader.content()
    assert public_detail(base, newsroom["news"].pk)["title"] == LIVE_TITLE
