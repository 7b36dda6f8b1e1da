"""Event times are entered and shown in the venue's time zone, stored in UTC."""

import datetime
import re

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from pages.models import EventPage

UTC = datetime.UTC


def event_form_data(**fields) -> dict[str, str]:
    data = {
        "title": "Konferencija klastera",
        "slug": "konferencija-klastera",
        "start": "2016-04-22 11:00",
        "end": "2016-04-22 17:00",
        "time_zone": "Europe/Sofia",
        "status": EventPage.Status.SCHEDULED,
        "venue": "Hotel Marinela",
        "city": "Sofija",
        "body": streamfield([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_event(admin_client, parent, **fields):
    url = reverse("wagtailadmin_pages:add", args=("pages", "eventpage", parent.pk))
    return admin_client.post(url, event_form_data(**fields))


def edit_form_value(response, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', response.content.decode())
    assert match, f"no input named {name}"
    value = re.search(r'value="([^"]*)"', match.group(0))
    return value.group(1) if value else ""


def test_event_entered_in_sofia_time_is_stored_in_utc(admin_client, site):
    response = add_event(admin_client, site["event_index"])
    assert response.status_code == 302
    event = EventPage.objects.get(slug="konferencija-klastera")
    assert event.live
    # Sofia is on summer time (EEST, UTC+3) in April.
    assert event.start == datetime.datetime(2016, 4, 22, 8, 0, tzinfo=UTC)
    assert event.end == datetime.datetime(2016, 4, 22, 14, 0, tzinfo=UTC)
    assert event.local_start.strftime("%H:%M %Z") == "11:00 EEST"


def test_winter_time_uses_the_standard_offset(admin_client, site):
    add_event(admin_client, site["event_index"], start="2016-01-15 11:00", end="2016-01-15 12:30")
    event = EventPage.objects.get(slug="konferencija-klastera")
    assert event.start == datetime.datetime(2016, 1, 15, 9, 0, tzinfo=UTC)  # EET, UTC+2
    assert event.end == datetime.datetime(2016, 1, 15, 10, 30, tzinfo=UTC)


def test_edit_form_shows_the_venue_time_again(admin_client, site):
    add_event(admin_client, site["event_index"])
    event = EventPage.objects.get(slug="konferencija-klastera")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
    assert response.status_code == 200
    assert edit_form_value(response, "start") == "2016-04-22 11:00"
    assert edit_form_value(response, "end") == "2016-04-22 17:00"


def test_saving_the_edit_form_unchanged_does_not_shift_the_time(admin_client, site):
    add_event(admin_client, site["event_index"])
    event = EventPage.objects.get(slug="konferencija-klastera")
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))
    response = admin_client.get(url)
    data = event_form_data(
        start=edit_form_value(response, "start"), end=edit_form_value(response, "end"), title="Konferencija 2016"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Konferencija 2016"
    assert event.start == datetime.datetime(2016, 4, 22, 8, 0, tzinfo=UTC)


def test_event_page_shows_the_venue_time(admin_client, client, site):
    add_event(admin_client, site["event_index"], start="2026-04-22 11:00", end="2026-04-22 17:00")
    event = EventPage.objects.get(slug="konferencija-klastera")
    response = client.get(event.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "11:00" in content
    assert "EEST" in content
    # Not converted to Belgrade time (10:00 CEST).
    assert "10:00" not in content


@pytest.mark.parametrize(
    ("accept_language", "message"),
    [
        # The admin speaks Serbian by default, English to editors who ask for it.
        ("", "Događaj ne može da se završi pre nego što počne."),
        ("en", "The event cannot end before it starts."),
    ],
)
def test_event_ending_before_it_starts_is_refused(admin_client, site, accept_language, message):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = accept_language
    response = add_event(admin_client, site["event_index"], start="2016-04-22 11:00", end="2016-04-22 10:59")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["form"].errors["end"] == [message]
    assert not EventPage.objects.exists()


def test_event_may_end_when_it_starts(admin_client, site):
    response = add_event(admin_client, site["event_index"], end="2016-04-22 11:00")
    assert response.status_code == 302
    assert EventPage.objects.get().start == EventPage.objects.get().end
