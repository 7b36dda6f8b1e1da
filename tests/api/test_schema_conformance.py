"""The schema is the contract: real responses of every endpoint validate against it.

Every path template of /api/v1/schema/, in every locale, with and without a
sparse ``fields=``, and its errors (400, 404, 405, 406): the body validates
against the documented schema of its status and media type (as a generated
client would parse it), and the Content-Type is the documented one.
"""

from typing import Any
from urllib.parse import urlsplit

import pytest
from openapi_schema_validator import OAS30ReadValidator

from api.locales import locale_codes
from tests import factories as f


@pytest.fixture
def spec(client, db) -> dict[str, Any]:
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def assert_conforms(spec: dict[str, Any], template: str, response: Any, method: str = "get") -> Any:
    """Validate ``response`` against the documented response of ``template``; return its body."""
    operation = spec["paths"][template][method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, f"{template}: status {response.status_code} is not documented"
    media_type = response["Content-Type"].split(";")[0]
    assert media_type in documented["content"], f"{template}: {media_type} not in {list(documented['content'])}"
    body = response.json()
    schema = {**documented["content"][media_type]["schema"], "components": spec["components"]}
    errors = sorted(OAS30ReadValidator(schema).iter_errors(body), key=str)
    assert not errors, f"{template} {response.status_code}: {errors[0].message} at {list(errors[0].absolute_path)}"
    return body


@pytest.fixture
def urls(content) -> dict[str, str]:
    """A concrete address for each path template of the schema."""
    image = f.ImageFactory()
    document = f.DocumentFactory()
    items = {
        "news": content["news"],
        "events": content["event"],
        "galleries": content["gallery"],
        "clusters": content["cluster"],
        "projects": content["project"],
        "sectors": content["textile"],
        "countries": content["bulgaria"],
        "organisations": content["network"],
        "people": f.PersonFactory(name="Ana", slug="ana"),
    }
    result = {"/api/v1/images/{id}/": f"/api/v1/images/{image.pk}/"}
    result["/api/v1/documents/{id}/"] = f"/api/v1/documents/{document.pk}/"
    result["/api/v1/pages/resolve/"] = "/api/v1/pages/resolve/?path=/sr-latn/"
    result["/api/v1/search/"] = "/api/v1/search/?q=klaster"
    result["/api/v1/locales/"] = "/api/v1/locales/"
    for prefix, item in items.items():
        result[f"/api/v1/{prefix}/"] = f"/api/v1/{prefix}/"
        if item is not None:
            result[f"/api/v1/{prefix}/{{id}}/"] = f"/api/v1/{prefix}/{item.pk}/"
            result[f"/api/v1/{prefix}/by-slug/{{slug}}/"] = f"/api/v1/{prefix}/by-slug/{item.slug}/"
    return result


def with_query(url: str, **params: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return f"{url}{'&' if '?' in url else '?'}{query}"


# Null relations ({allOf: [X], nullable: true}, which OAS 3.0 validators reject for null)
# are rewritten to "X or null" by api.schema.nullable_refs (test_null_relations_conform_and_other_objects_do_not).


def test_every_endpoint_in_every_locale_conforms(client, spec, urls):
    templates = [template for template in spec["paths"] if template in urls]
    # Every documented template but the feeds of other helpers has an address here.
    assert {"/api/v1/news/{id}/", "/api/v1/events/by-slug/{slug}/", "/api/v1/pages/resolve/"} <= set(templates)
    for template in templates:
        for locale in locale_codes():
            for fallback in ("false", "true"):
                response = client.get(with_query(urls[template], locale=locale, fallback=fallback))
                assert_conforms(spec, template, response)


def test_sparse_fieldsets_conform_and_keep_id_and_type(client, spec, urls):
    checked = 0
    for template, url in urls.items():
        names = {p["name"] for p in spec["paths"][template]["get"].get("parameters", [])}
        if "fields" not in names:
            continue
        response = client.get(with_query(url, fields="slug"))
        body = assert_conforms(spec, template, response)
        items = body.get("results", [body])
        for item in items:
            assert set(item) == {"id", "type", "slug"}, template
        checked += 1
    assert checked >= 18  # list, by id and by slug of the 9 types (people may have none)


def test_resolve_is_the_typed_detail_item(client, spec, content):
    event = content["event"]
    url = client.get(f"/api/v1/events/{event.pk}/").json()["url"]
    response = client.get("/api/v1/pages/resolve/", {"path": urlsplit(url).path})
    body = assert_conforms(spec, "/api/v1/pages/resolve/", response)
    assert (body["type"], body["id"]) == ("events", event.pk)
    resolved = spec["components"]["schemas"]["ResolvedItem"]
    assert resolved["discriminator"]["propertyName"] == "type"
    assert resolved["discriminator"]["mapping"]["events"].endswith("/EventDetail")


def test_null_relations_conform_and_other_objects_do_not(client, spec, content):
    """A null relation validates as null; any other value still has to be the referenced component."""
    event, cluster = content["event"], content["cluster"]
    event_body = assert_conforms(spec, "/api/v1/events/{id}/", client.get(f"/api/v1/events/{event.pk}/"))
    assert (event_body["contact_person"], event_body["hero_image"]) == (None, None)
    assert event_body["project"]["id"] == content["project"].pk  # a set relation validates too
    cluster_body = assert_conforms(spec, "/api/v1/clusters/{id}/", client.get(f"/api/v1/clusters/{cluster.pk}/"))
    assert (cluster_body["current_label"], cluster_body["cluster_manager"], cluster_body["logo"]) == (None,) * 3

    operation = spec["paths"]["/api/v1/events/{id}/"]["get"]["responses"]["200"]["content"]["application/json"]
    validator = OAS30ReadValidator({**operation["schema"], "components": spec["components"]})
    for value in ({}, {"id": "x"}, "nobody", 7):
        errors = list(validator.iter_errors({**event_body, "contact_person": value}))
        assert errors and list(errors[0].absolute_path) == ["contact_person"], value


@pytest.mark.parametrize(
    ("template", "url", "status"),
    [
        ("/api/v1/news/", "/api/v1/news/?nonsense=1", 400),
        ("/api/v1/news/", "/api/v1/news/?locale=xx", 400),
        ("/api/v1/news/", "/api/v1/news/?sector=no-such-sector", 400),
        ("/api/v1/events/", "/api/v1/events/?upcoming=maybe", 400),
        ("/api/v1/events/{id}/", "/api/v1/events/999999/", 404),
        ("/api/v1/sectors/by-slug/{slug}/", "/api/v1/sectors/by-slug/none-such/", 404),
        ("/api/v1/pages/resolve/", "/api/v1/pages/resolve/", 400),
        ("/api/v1/search/", "/api/v1/search/?q=x&type=nope", 400),
        ("/api/v1/locales/", "/api/v1/locales/?limit=0", 400),
    ],
)
def test_errors_conform_as_problem_json(client, spec, content, template, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = assert_conforms(spec, template, response)
    assert body["status"] == status


def test_method_not_allowed_and_not_acceptable_conform(client, spec, content):
    response = client.post("/api/v1/news/", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert assert_conforms(spec, "/api/v1/news/", response)["status"] == 405
    response = client.get("/api/v1/news/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"
    assert assert_conforms(spec, "/api/v1/news/", response)["status"] == 406
