"""Readers see the last approved version while a newer draft is in review."""

from tests.workflow.conftest import as_user, edit_page, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS


def test_public_page_and_api_show_the_live_version_until_the_second_approval(
    users, site, event, client, django_capture_on_commit_callbacks
):
    url = event.url
    assert (
        edit_page(as_user(users[EDITORS]), event, "action-submit", title="Dani klastera - novi program").status_code
        == 302
    )
    assert reload(event).workflow_in_progress

    def public_title() -> str:
        html = client.get(url).content.decode()
        assert "Dani klastera" in html
        return "novi program" if "novi program" in html else "live"

    def api_title() -> str:
        return client.get(f"/api/v1/events/{event.pk}/").json()["title"]

    assert public_title() == "live"
    assert api_title() == "Dani klastera"
    workflow_action(as_user(users[REVIEWERS]), event)
    assert public_title() == "live"
    assert api_title() == "Dani klastera"
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(users[PUBLISHERS]), reload(event))
    assert public_title() == "novi program"
    assert api_title() == "Dani klastera - novi program"
