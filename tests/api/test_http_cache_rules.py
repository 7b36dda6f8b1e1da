"""The rules behind the API's validators, one at a time: which If-None-Match values
match, which date labels which body, and when a date may answer 304 (api/http_cache.py).
test_http_caching.py checks the same through HTTP requests."""

import datetime
import re

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.http import http_date

import pytest
import time_machine

from api import cache as response_cache
from api import http_cache

T0 = 1_780_000_000  # a moment in 2026, in whole seconds
DIGEST = "d" * 64


@pytest.fixture
def clock():
    with time_machine.travel(datetime.datetime.fromtimestamp(T0, datetime.UTC), tick=False) as traveller:
        yield traveller


def test_an_entity_tag_is_a_strong_quoted_hash_of_body_and_media_type():
    tag = http_cache.entity_tag(b'{"count": 1}', "application/json")
    assert re.fullmatch(r'"[0-9a-f]{32}"', tag)
    assert http_cache.entity_tag(b'{"count": 1}', "application/json") == tag
    assert http_cache.entity_tag(b'{"count": 2}', "application/json") != tag
    assert http_cache.entity_tag(b'{"count": 1}', "application/json; indent=4") != tag


@pytest.mark.parametrize(
    ("header", "matches"),
    [
        ("*", True),
        ("  *  ", True),
        ('"abc"', True),
        ('W/"abc"', True),  # weak comparison
        ('"x", "abc"', True),
        ('"x",W/"abc"', True),
        ('"abcd"', False),
        ('"ab"', False),
        ("abc", False),  # not a quoted tag
        ("", False),
        ('"x", "y"', False),
    ],
)
def test_if_none_match_uses_the_weak_comparison(header, matches):
    assert http_cache.if_none_match_matches(header, '"abc"') is matches
    assert http_cache.if_none_match_matches(header, 'W/"abc"') is matches


def test_a_first_body_is_labelled_with_the_last_change_and_keeps_it(clock):
    changed = T0 - 100
    assert http_cache.last_modified(DIGEST, '"one"', changed) == changed
    assert response_cache.cache.get(response_cache.label_key(DIGEST, changed)) == '"one"'
    assert response_cache.cache.get(response_cache.latest_label_key(DIGEST)) == (changed, '"one"')
    # Again, and after a change elsewhere that left this body as it was.
    assert http_cache.last_modified(DIGEST, '"one"', changed) == changed
    assert http_cache.last_modified(DIGEST, '"one"', T0 - 10) == changed


def test_another_body_at_the_same_change_gets_the_current_second(clock):
    changed = T0 - 100
    http_cache.last_modified(DIGEST, '"one"', changed)
    # The clock changed the body ("upcoming" moved on) without a content change.
    assert http_cache.last_modified(DIGEST, '"two"', changed) == T0
    assert response_cache.cache.get(response_cache.label_key(DIGEST, T0)) == '"two"'
    assert response_cache.cache.get(response_cache.latest_label_key(DIGEST)) == (T0, '"two"')
    # The date of the first body still labels only the first body.
    assert response_cache.cache.get(response_cache.label_key(DIGEST, changed)) == '"one"'


def test_a_third_body_in_the_same_second_gets_no_label(clock):
    changed = T0 - 100
    http_cache.last_modified(DIGEST, '"one"', changed)
    http_cache.last_modified(DIGEST, '"two"', changed)
    assert http_cache.last_modified(DIGEST, '"three"', changed) == T0
    # Neither date labels it, so If-Modified-Since with either never answers 304 for it.
    assert response_cache.cache.get(response_cache.label_key(DIGEST, T0)) == '"two"'
    assert response_cache.cache.get(response_cache.latest_label_key(DIGEST)) == (T0, '"two"')


def test_a_change_older_than_a_label_lasts_is_not_claimed_again(clock):
    changed = T0 - http_cache.LABEL_SECONDS
    assert http_cache.last_modified(DIGEST, '"one"', changed) == T0
    assert response_cache.cache.get(response_cache.label_key(DIGEST, changed)) is None
    recent = T0 - http_cache.LABEL_SECONDS + 1
    assert http_cache.last_modified("e" * 64, '"one"', recent) == recent


def request(**headers):
    return RequestFactory().get("/api/v1/news/", headers=headers)


def representation(etag='"one"', last_modified=T0 - 100):
    return http_cache.Representation(content=b"{}", headers=[], etag=etag, last_modified=last_modified)


def test_if_modified_since_answers_304_only_for_the_body_its_date_labels(clock):
    held = representation()
    http_cache.last_modified(DIGEST, '"one"', T0 - 100)
    assert http_cache.not_modified(request(if_modified_since=http_date(T0 - 100)), DIGEST, held) is True
    assert http_cache.not_modified(request(if_modified_since=http_date(T0 - 50)), DIGEST, held) is False
    assert http_cache.not_modified(request(if_modified_since=http_date(T0 - 101)), DIGEST, held) is False
    assert http_cache.not_modified(request(if_modified_since="yesterday"), DIGEST, held) is False
    assert http_cache.not_modified(request(), DIGEST, held) is False
    # The same date, but the body changed with the clock: the full answer.
    changed_body = representation(etag='"two"')
    assert http_cache.not_modified(request(if_modified_since=http_date(T0 - 100)), DIGEST, changed_body) is False


def test_if_none_match_decides_alone_when_both_are_sent(clock):
    held = representation()
    http_cache.last_modified(DIGEST, '"one"', T0 - 100)
    both = request(if_none_match='"other"', if_modified_since=http_date(T0 - 100))
    assert http_cache.not_modified(both, DIGEST, held) is False
    both = request(if_none_match='"one"', if_modified_since=http_date(T0 - 1000))
    assert http_cache.not_modified(both, DIGEST, held) is True


@pytest.mark.parametrize(
    ("cache_control", "public"),
    [("", True), ("public, max-age=60", True), ("private", False), ("Private, max-age=0", False), ("no-store", False)],
)
def test_private_and_no_store_responses_are_never_shared(cache_control, public):
    response = HttpResponse()
    if cache_control:
        response["Cache-Control"] = cache_control
    assert http_cache.HttpCacheMixin._is_public(response) is public


def test_public_headers_name_the_validators_and_the_lifetime(settings):
    settings.API_CACHE_SECONDS = 45
    response = http_cache.public_headers(HttpResponse(), representation())
    assert response["ETag"] == '"one"'
    assert response["Last-Modified"] == http_date(T0 - 100)
    assert response["Cache-Control"] == "public, max-age=45"
    assert response["Vary"] == "Accept"
