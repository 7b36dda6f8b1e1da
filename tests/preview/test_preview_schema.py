"""The preview endpoint is documented like every other operation, and its answers match the schema."""

import pytest
from openapi_schema_validator import OAS30ReadValidator
from rest_framework.test import APIClient

from preview.tokens import make_token
from tests import factories as f

PATH = "/api/v1/preview/"


@pytest.fixture
def spec(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def news(site):
    page = f.NewsPageFactory(parent=site["news_index"], title="Objavljeno", slug="objavljeno")
    page.save_revision().publish()
    page.title = "Nacrt"
    return page, page.save_revision()


def assert_conforms(spec, response):
    documented = spec["paths"][PATH]["get"]["responses"].get(str(response.status_code))
    assert documented is not None, f"status {response.status_code} is not documented"
    media_type = response["Content-Type"].split(";")[0]
    assert media_type in documented["content"], (media_type, list(documented["content"]))
    schema = {**documented["content"][media_type]["schema"], "components": spec["components"]}
    errors = sorted(OAS30ReadValidator(schema).iter_errors(response.json()), key=str)
    assert not errors, f"{response.status_code}: {errors[0].message} at {list(errors[0].absolute_path)}"
    return response.json()


def test_operation_documents_the_token_the_detail_item_and_problem_errors(spec):
    operation = spec["paths"][PATH]["get"]
    assert [(p["name"], p["in"], p.get("required")) for p in operation["parameters"]] == [("token", "query", True)]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/ResolvedItem"}
    resolved = spec["components"]["schemas"]["ResolvedItem"]
    assert resolved["discriminator"]["propertyName"] == "type"
    assert resolved["discriminator"]["mapping"]["news"].endswith("/NewsDetail")
    for status in ("400", "401", "403", "404", "405", "406", "429", "500"):
        assert list(operation["responses"][status]["content"]) == ["application/problem+json"], status


def test_answers_conform_to_the_schema(spec, site, news):
    page, revision = news
    api = APIClient()
    body = assert_conforms(spec, api.get(PATH, {"token": make_token(page.pk, revision.pk)}))
    assert (body["type"], body["title"]) == ("news", "Nacrt")
    assert assert_conforms(spec, api.get(PATH, {"token": "garbage"}))["status"] == 401
    other = f.NewsPageFactory(parent=site["news_index"], slug="druga")
    assert assert_conforms(spec, api.get(PATH, {"token": make_token(other.pk, revision.pk)}))["status"] == 403
    assert assert_conforms(spec, api.get(PATH))["status"] == 400
    assert assert_conforms(spec, api.post(PATH, {}))["status"] == 405
