"""The OpenAPI schema validates, lists only /api/v1/, and matches the responses."""

import pytest
from openapi_spec_validator import validate

from api.serializers.registry import PAGE_SERIALIZERS


@pytest.fixture
def schema(client, db):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oai.openapi+json"
    return response.json()


def test_schema_validates_and_lists_only_v1(schema):
    validate(schema)
    assert schema["paths"]
    assert all(path.startswith("/api/v1/") for path in schema["paths"])


def test_every_operation_documents_errors_and_parameters(schema):
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert {"200", "400", "404", "405", "429", "500"} <= set(operation["responses"]), path
            for status in ("400", "404", "405", "429", "500"):
                assert list(operation["responses"][status]["content"]) == ["application/problem+json"], (path, status)
    news = schema["paths"]["/api/v1/news/"]["get"]
    names = {parameter["name"] for parameter in news["parameters"]}
    expected = {"sector", "tag", "cluster", "organisation", "date_from", "date_to", "year", "q", "limit", "offset"}
    assert expected | {"ordering", "fields", "locale", "fallback"} <= names
    status = next(p for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"] if p["name"] == "status")
    assert status["schema"]["enum"] == ["cancelled", "postponed", "scheduled"]


def resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        return resolve(schema, node["allOf"][0])
    # "X or null" (api.schema.nullable_refs): a value that is not null is an X.
    others = [branch for branch in node.get("oneOf", []) if branch.get("enum") != [None]]
    if len(others) == 1 and len(node["oneOf"]) == 2:
        return resolve(schema, others[0])
    return node


def response_schema(schema, path, method="get"):
    content = schema["paths"][path][method]["responses"]["200"]["content"]
    return resolve(schema, content["application/json"]["schema"])


def assert_keys_match(schema, node, data, where):
    node = resolve(schema, node)
    if isinstance(data, dict) and "properties" in node:
        assert set(data) == set(node["properties"]), where
        for key, value in data.items():
            if value is not None:
                assert_keys_match(schema, node["properties"][key], value, f"{where}.{key}")
    elif isinstance(data, list) and "items" in node:
        for item in data[:3]:
            assert_keys_match(schema, node["items"], item, f"{where}[]")


def test_response_keys_match_the_schema(client, schema, content):
    image = __import__("tests.factories", fromlist=["ImageFactory"]).ImageFactory()
    content["news"].hero_image = image
    content["news"].save_revision().publish()
    urls = {
        "/api/v1/sectors/": "/api/v1/sectors/",
        "/api/v1/countries/": "/api/v1/countries/",
        "/api/v1/organisations/": "/api/v1/organisations/",
        "/api/v1/people/": "/api/v1/people/",
        "/api/v1/locales/": "/api/v1/locales/",
        f"/api/v1/images/{image.pk}/": "/api/v1/images/{id}/",
    }
    for serializer in PAGE_SERIALIZERS:
        name = serializer.type_name
        urls[f"/api/v1/{name}/"] = f"/api/v1/{name}/"
        item_id = client.get(f"/api/v1/{name}/").json()["results"][0]["id"]
        urls[f"/api/v1/{name}/{item_id}/"] = f"/api/v1/{name}/{{id}}/"
    for url, path in urls.items():
        data = client.get(url).json()
        node = response_schema(schema, path)
        assert_keys_match(schema, node, data, url)


def test_docs_are_served_from_local_static_files(client, db):
    html = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html.lower()
