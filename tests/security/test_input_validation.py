"""No query input brings a 500 (issue 8, finding 9).

Ids, years, dates and numbers are checked to ASCII digits and to the range the
database can store; search text is quoted for the full-text backend. On the API
every bad value is a 400 naming the parameter (v1: problem+json; v2: Wagtail's
``{"message"}`` naming it), a bad id in a path is a 404; on the site a bad filter
value is a form error and the filter is ignored. Valid values keep working, so
each test can fail both ways.

Run on SQLite (default) and on PostgreSQL (DATABASE_URL): the full-text syntax
of the two differs.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories as f
from tests.api.conftest import content  # noqa: F401 (fixture)

BIG = "99999999999999999999"  # beyond any integer column
OVER_INT64 = "9223372036854775808"  # beyond BigAutoField (snippets)
OVER_INT32 = "2147483648"  # beyond AutoField (pages, images, documents)
UNICODE_DIGITS = ["１", "¹", "٣", "1١"]  # fullwidth, superscript, Arabic-Indic, mixed
NUL = "a\x00b"

BAD_INTEGERS = [BIG, OVER_INT64, *UNICODE_DIGITS, "1\x00", "1.0", "1e3"]
BAD_PAGE_REFS = [BIG, OVER_INT64, OVER_INT32, *UNICODE_DIGITS, NUL]
BAD_SNIPPET_REFS = [BIG, OVER_INT64, *UNICODE_DIGITS, NUL]
BAD_YEARS = ["0", "-1", "10000", "99999", BIG, "２０２６", "²⁰²⁴", "2024.5", "1e3", NUL]
BAD_DAYS = ["２０２６-01-01", "2026-13-01", "10000-01-01", "0000-01-01", "-2026-01-01", NUL]
# Valid calendar days whose local midnight cannot be converted to UTC (and back).
OVERFLOWING_DAYS = ["0001-01-01", "9999-12-31"]
# Full-text syntax of SQLite FTS5 and PostgreSQL tsquery: all plain text to us.
SEARCH_SYNTAX = ['"', 'kuca"', '"kuca', "'", "\\", "*", "(", ")", "NEAR(kuca)", "kuca AND", "OR", "NOT", "-"]
SEARCH_SYNTAX += ["^kuca", "kuca:", "{kuca}", "&", "!", "|", "<->", ":*", "kuca' OR '1", "kuca:*", "a & !b"]

V1_PARAMETERS = [
    ("/api/v1/news/", "year", BAD_YEARS),
    *[("/api/v1/news/", name, BAD_DAYS) for name in ("date_from", "date_to")],
    ("/api/v1/news/", "sector", BAD_SNIPPET_REFS),
    ("/api/v1/news/", "organisation", BAD_SNIPPET_REFS),
    ("/api/v1/news/", "cluster", BAD_PAGE_REFS),
    ("/api/v1/news/", "tag", [NUL]),
    *[("/api/v1/news/", name, BAD_INTEGERS) for name in ("limit", "offset")],
    *[("/api/v1/events/", name, BAD_DAYS + OVERFLOWING_DAYS) for name in ("start_from", "start_to")],
    ("/api/v1/events/", "country", BAD_SNIPPET_REFS),
    ("/api/v1/events/", "project", BAD_PAGE_REFS),
    ("/api/v1/events/", "city", [NUL]),
    ("/api/v1/clusters/", "network", BAD_SNIPPET_REFS),
    ("/api/v1/clusters/", "label_valid_on", BAD_DAYS),
    ("/api/v1/galleries/", "event", BAD_PAGE_REFS),
    ("/api/v1/projects/", "programme", BAD_SNIPPET_REFS),
    ("/api/v1/projects/", "active_on", BAD_DAYS),
    *[(f"/api/v1/{name}/", "q", [NUL]) for name in ("news", "events", "clusters", "galleries", "projects")],
    ("/api/v1/sectors/", "q", [NUL]),
    ("/api/v1/countries/", "iso_code", [NUL]),
    ("/api/v1/organisations/", "kind", [NUL]),
    *[("/api/v1/sectors/", name, BAD_INTEGERS) for name in ("limit", "offset")],
    ("/api/v1/search/", "q", ["\x00", "kuca\x00"]),
    *[("/api/v1/search/", name, BAD_INTEGERS) for name in ("limit", "offset")],
    *[("/api/v1/locales/", name, BAD_INTEGERS) for name in ("limit", "offset")],
    ("/api/v1/pages/resolve/", "path", ["/sr-latn/\x00/"]),
    ("/api/v1/news/", "locale", [NUL]),
]


def problem_parameters(response) -> list[str]:
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


@pytest.mark.parametrize(("url", "parameter", "values"), V1_PARAMETERS)
def test_v1_bad_value_is_a_400_naming_the_parameter(client, content, subtests, url, parameter, values):  # noqa: F811
    for value in values:
        with subtests.test(value=value):
            params = {parameter: value}
            if url == "/api/v1/search/" and parameter != "q":
                params["q"] = "kuca"
            assert problem_parameters(client.get(url, params)) == [parameter]


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("/api/v1/news/", {"sector": "textile"}, "news"),
        ("/api/v1/news/", {"date_from": "2000-01-01", "date_to": "2099-12-31"}, "news"),
        ("/api/v1/events/", {"start_from": "0001-01-02", "start_to": "9999-12-30"}, "event"),
        ("/api/v1/events/", {"country": "bulgaria"}, "event"),
        ("/api/v1/clusters/", {"network": "tci"}, "cluster"),
        ("/api/v1/galleries/", {"event": "dan-klastera"}, "gallery"),
        ("/api/v1/projects/", {"programme": "ipa-bg-rs", "active_on": "2026-01-01"}, "project"),
        ("/api/v1/search/", {"q": 'kuca"'}, "news"),
        ("/api/v1/search/", {"q": '"kuća klastera"'}, "news"),
        ("/api/v1/news/", {"q": "kuca'"}, "news"),
    ],
)
def test_v1_valid_values_still_select_the_item(client, content, url, params, expected):  # noqa: F811
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    assert [item["id"] for item in response.json()["results"]] == [content[expected].pk]


@pytest.mark.parametrize(
    ("url", "parameter", "target"),
    [
        ("/api/v1/news/", "sector", "textile"),
        ("/api/v1/events/", "project", "project"),
        ("/api/v1/events/", "country", "bulgaria"),
        ("/api/v1/clusters/", "network", "network"),
    ],
)
def test_v1_ref_ids_are_ascii_digits_only(client, content, url, parameter, target):  # noqa: F811
    """The id of a real item written in Unicode digits is not an alias of it."""
    pk = str(content[target].pk)
    assert len(client.get(url, {parameter: pk}).json()["results"]) == 1
    fullwidth = pk.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert problem_parameters(client.get(url, {parameter: fullwidth})) == [parameter]


def test_v1_year_filters_by_ascii_year(client, content):  # noqa: F811
    year = content["news"].date.year
    assert [item["id"] for item in client.get("/api/v1/news/", {"year": year}).json()["results"]] == [
        content["news"].pk
    ]
    assert client.get("/api/v1/news/", {"year": year - 1}).json()["results"] == []


def test_v1_largest_offset_is_an_empty_page(client, content):  # noqa: F811
    response = client.get("/api/v1/news/", {"offset": str(2**63 - 1)})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("url", ["/api/v1/search/", "/api/v1/news/", "/api/v1/events/", "/api/v1/sectors/"])
def test_v1_search_syntax_is_plain_text(client, content, subtests, url):  # noqa: F811
    for query in SEARCH_SYNTAX:
        with subtests.test(query=query):
            response = client.get(url, {"q": query})
            assert response.status_code == 200, response.content[:300]


def detail_urls(content) -> dict[str, str]:  # noqa: F811
    image, document = f.ImageFactory(), f.DocumentFactory()
    return {
        "news": f"/api/v1/news/{{}}/#{content['news'].pk}",
        "events": f"/api/v1/events/{{}}/#{content['event'].pk}",
        "sectors": f"/api/v1/sectors/{{}}/#{content['textile'].pk}",
        "countries": f"/api/v1/countries/{{}}/#{content['serbia'].pk}",
        "images": f"/api/v1/images/{{}}/#{image.pk}",
        "documents": f"/api/v1/documents/{{}}/#{document.pk}",
        "v2-pages": f"/api/v2/pages/{{}}/#{content['news'].pk}",
        "v2-images": f"/api/v2/images/{{}}/#{image.pk}",
        "v2-documents": f"/api/v2/documents/{{}}/#{document.pk}",
    }


@pytest.mark.parametrize(
    "endpoint",
    ["news", "events", "sectors", "countries", "images", "documents", "v2-pages", "v2-images", "v2-documents"],
)
def test_bad_path_id_is_a_404(client, content, endpoint):  # noqa: F811
    template, pk = detail_urls(content)[endpoint].split("#")
    assert client.get(template.format(pk)).status_code == 200
    fullwidth = pk.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    for value in [BIG, OVER_INT64, fullwidth, "¹", "٣", quote(NUL), "-1"]:
        response = client.get(template.format(value))
        assert response.status_code == 404, (value, response.status_code, response.content[:300])


@pytest.mark.parametrize("endpoint", ["news", "sectors"])
def test_bad_slug_is_a_404(client, content, endpoint):  # noqa: F811
    slug = {"news": "kuca-klastera", "sectors": "textile"}[endpoint]
    assert client.get(f"/api/v1/{endpoint}/by-slug/{slug}/").status_code == 200
    for value in [quote(slug + "\x00"), quote("kuća"), "%EF%BC%91", quote('"'), "a%20b"]:
        response = client.get(f"/api/v1/{endpoint}/{value}/")
        assert response.status_code == 404, (value, response.status_code, response.content[:300])


# --- Wagtail's API v2 ---

V2_INTEGERS = {
    "/api/v2/pages/": ["id", "child_of", "descendant_of", "ancestor_of", "translation_of", "offset", "limit"],
    "/api/v2/images/": ["id", "width", "height", "offset", "limit"],
    "/api/v2/documents/": ["id", "offset", "limit"],
}
V2_PARAMETERS = [
    *[(url, name, BAD_INTEGERS) for url, names in V2_INTEGERS.items() for name in names],
    *[("/api/v2/pages/", name, [OVER_INT32]) for name in ("id", "child_of", "descendant_of", "translation_of")],
    *[(url, "search", ["\x00", "kuca\x00"]) for url in V2_INTEGERS],
    *[(url, "search_operator", ["xor"]) for url in V2_INTEGERS],
    ("/api/v2/pages/", "locale", [NUL]),
    ("/api/v2/pages/", "title", [NUL]),
    ("/api/v2/pages/", "first_published_at", ["yesterday", "0001-01-01T00:00:00", "9999-12-31T23:59:59-05:00"]),
    ("/api/v2/pages/", "show_in_menus", ["maybe"]),
    ("/api/v2/pages/?type=pages.NewsPage&", "date", ["2026-13-01", "２０２６-01-01"]),
    ("/api/v2/pages/?type=pages.EventPage&", "start", ["0001-01-01T00:00:00"]),
    ("/api/v2/pages/find/", "id", [BIG, "１"]),
    ("/api/v2/pages/find/", "html_path", ["/sr-latn/\x00/"]),
]


@pytest.mark.parametrize(("url", "parameter", "values"), V2_PARAMETERS)
def test_v2_bad_value_is_a_400_naming_the_parameter(client, content, subtests, url, parameter, values):  # noqa: F811
    url, _, extra = url.partition("?")
    for value in values:
        with subtests.test(value=value):
            params = dict(pair.split("=") for pair in extra.strip("&").split("&") if pair)
            params[parameter] = value
            if parameter == "search_operator":
                params["search"] = "kuca"
            response = client.get(url, params)
            assert response.status_code == 400, (response.status_code, response.content[:300])
            assert parameter in response.json()["message"]


@pytest.mark.parametrize("url", list(V2_INTEGERS))
def test_v2_search_syntax_is_plain_text(client, content, subtests, url):  # noqa: F811
    for query in SEARCH_SYNTAX:
        with subtests.test(query=query):
            response = client.get(url, {"search": query})
            assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"id": "{news}"}, ["news"]),
        ({"child_of": "{news_index}", "type": "pages.NewsPage"}, ["news"]),
        ({"search": 'klastera"', "type": "pages.NewsPage"}, ["news"]),
        ({"search": "klastera", "search_operator": "and", "type": "pages.NewsPage"}, ["news"]),
        ({"type": "pages.NewsPage", "date": "{news_date}"}, ["news"]),
    ],
)
def test_v2_valid_values_still_select_the_item(client, content, params, expected):  # noqa: F811
    values = {name: content[name].pk for name in ("news", "news_index")} | {"news_date": content["news"].date}
    params = {name: value.format(**values) for name, value in params.items()}
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content[:300]
    assert [item["id"] for item in response.json()["items"]] == [content[name].pk for name in expected]


def test_v2_find_by_id_in_unicode_digits_is_not_an_alias(client, content):  # noqa: F811
    pk = content["news"].pk
    assert client.get("/api/v2/pages/find/", {"id": str(pk)}).status_code == 302
    fullwidth = str(pk).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert client.get("/api/v2/pages/find/", {"id": fullwidth}).status_code == 400


V2_FUZZ_NAMES = [
    "id", "child_of", "descendant_of", "ancestor_of", "translation_of", "offset", "limit", "search",
    "search_operator", "order", "fields", "type", "locale", "title", "slug", "first_published_at",
    "show_in_menus", "seo_title", "html_path",
]  # fmt: skip
V2_FUZZ_VALUES = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from([*BAD_INTEGERS, *BAD_DAYS, *OVERFLOWING_DAYS, *SEARCH_SYNTAX, "root", "true", "*", "-id"]),
)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    url=st.sampled_from(["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/pages/find/"]),
    params=st.dictionaries(st.sampled_from(V2_FUZZ_NAMES), V2_FUZZ_VALUES, max_size=3),
)
def test_v2_query_fuzz_never_a_server_error(client, content, url, params):  # noqa: F811
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.content[:300])


# --- The site's listings ---

SITE_YEARS = ["0", "-1", "10000", "99999", BIG, "２０２６", "²⁰²⁶", NUL]


def test_site_bad_year_is_ignored_and_reported(client, content, subtests):  # noqa: F811
    index = content["news_index"]
    for year in SITE_YEARS:
        with subtests.test(year=year):
            response = client.get(index.url, {"year": year})
            assert response.status_code == 200
            assert "year" in response.context["filterset"].errors
            assert [page.pk for page in response.context["listing"]] == [content["news"].pk]


def test_site_valid_year_still_filters(client, content):  # noqa: F811
    index = content["news_index"]
    year = content["news"].date.year
    assert [page.pk for page in client.get(index.url, {"year": year}).context["listing"]] == [content["news"].pk]
    assert list(client.get(index.url, {"year": year - 1}).context["listing"]) == []


@pytest.mark.parametrize(
    ("index", "names"),
    [("news_index", ["sector", "tag", "page"]), ("event_index", ["country", "sector", "when"])]
    + [("cluster_index", ["country", "sector", "label"])],
)
def test_site_bad_filter_value_is_not_a_server_error(client, content, subtests, index, names):  # noqa: F811
    for name in names:
        for value in [BIG, "１", NUL, "'", '"']:
            with subtests.test(name=name, value=value):
                response = client.get(content[index].url, {name: value})
                assert response.status_code == 200
                assert content[index].title in response.content.decode()
