"""Readers see the last approved version while a newer draft is in review."""

from tests.workflow.conftest import as_user, edit_page, reload, workflow_action
from workflow.roles import EDITORS, PUBLISHERS, REVIEWERS

# The JSON API (api/) is being written separately; once it serves events, the same
# check belongs in tests/api against the event detail endpoint.


def test_public_page_shows_the_live_version_until_the_second_approval(
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

    assert public_title() == "live"
    workflow_action(as_user(users[REVIEWERS]), event)
    assert public_title() == "live"
    with django_capture_on_commit_callbacks(execute=True):
        workflow_action(as_user(users[PUBLISHERS]), reload(event))
    assert public_title() == "novi program"
