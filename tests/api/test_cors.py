"""CORS: GET from any origin, without credentials, only under /api/."""


def test_any_origin_may_read_the_api(client, content):
    response = client.get("/api/v1/news/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_preflight_allows_only_reads(client, content):
    response = client.options(
        "/api/v1/news/", HTTP_ORIGIN="https://partner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_the_site_is_not_cors_enabled(client, content):
    response = client.get("/sr-latn/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response
