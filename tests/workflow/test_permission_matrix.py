"""Each role x action through the admin views, judged by what happened to the content.

A cell is "allow" when the action took effect (a draft exists, a step is approved,
the page went live ...), "deny" when nothing changed, whatever the status code.
"""

from collections.abc import Callable
from typing import Any

from django.urls import reverse

from wagtail.models import Page, Revision, TaskState

from pages.models import EventPage
from tests.factories import EventPageFactory
from tests.workflow.conftest import approve, as_user, create_event, edit_page, reload, submit, unique_title
from workflow.roles import ADMINISTRATORS, CLUSTER_MANAGERS, EDITORS, PUBLISHERS, REVIEWERS, TRANSLATORS

ROLES = (EDITORS, REVIEWERS, PUBLISHERS, TRANSLATORS, CLUSTER_MANAGERS, ADMINISTRATORS)
Y, N = "allow", "deny"

EXPECTED = {
    #                          Editors Reviewers Publishers Translators Cluster-m. Admins
    "create draft": (Y, N, N, N, N, Y),
    "edit (Serbian source page)": (Y, Y, N, N, N, Y),
    "edit English translation": (Y, Y, N, Y, N, Y),
    "submit": (Y, Y, N, N, N, Y),
    "approve step 1": (N, Y, N, N, N, Y),
    "approve step 2": (N, N, Y, N, N, Y),
    "publish directly": (N, N, N, N, N, Y),
    "unpublish": (N, N, Y, N, N, Y),
    "delete": (N, N, N, N, N, Y),
    "edit and submit own cluster profile": (Y, Y, N, N, Y, Y),
    "edit another cluster's profile": (Y, Y, N, N, N, Y),
    "approve one's own submission": (N, N, N, N, N, N),
}


def _has_new_revision(page: Page, user: Any, before: int) -> bool:
    return Revision.page_revisions.filter(object_id=str(page.pk), user=user, id__gt=before).exists()


def _last_revision_id() -> int:
    return Revision.objects.order_by("-id").values_list("id", flat=True).first() or 0


class Scenarios:
    def __init__(self, site: dict, users: dict) -> None:
        self.site, self.users = site, users

    def live_event(self) -> EventPage:
        return EventPageFactory(parent=self.site["event_index"], title=unique_title())

    def in_review(self, author_key: str = "author") -> EventPage:
        page = self.live_event()
        submit(page, self.users[author_key])
        return reload(page)

    def create_draft(self, user: Any) -> bool:
        title = unique_title()
        create_event(as_user(user), self.site["event_index"], title=title)
        return EventPage.objects.filter(title=title).exists()

    def edit_source(self, user: Any) -> bool:
        page, before = self.live_event(), _last_revision_id()
        edit_page(as_user(user), page, title=unique_title())
        return _has_new_revision(page, user, before)

    def edit_translation(self, user: Any) -> bool:
        source = self.live_event()
        page = source.copy_for_translation(self.site["home_en"].locale, copy_parents=True)
        page.save_revision()
        before = _last_revision_id()
        edit_page(as_user(user), page, title=unique_title("Event"))
        return _has_new_revision(page, user, before)

    def submit(self, user: Any) -> bool:
        page = self.live_event()
        edit_page(as_user(user), page, "action-submit", title=unique_title())
        page = reload(page)
        return page.workflow_in_progress and page.current_workflow_state.requested_by == user

    def _approve_via_dialog(self, user: Any, page: Page) -> bool:
        task_state = page.current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
        as_user(user).post(url, {"comment": ""})
        return TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED

    def approve_step_1(self, user: Any) -> bool:
        return self._approve_via_dialog(user, self.in_review())

    def approve_step_2(self, user: Any) -> bool:
        page = self.in_review()
        approve(page, self.users["reviewer2"])
        return self._approve_via_dialog(user, reload(page))

    def publish_directly(self, user: Any) -> bool:
        page = self.live_event()
        title = unique_title()
        edit_page(as_user(user), page, "action-publish", title=title)
        return reload(page).title == title

    def unpublish(self, user: Any) -> bool:
        page = self.live_event()
        as_user(user).post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
        return not reload(page).live

    def delete(self, user: Any) -> bool:
        page = self.live_event()
        as_user(user).post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        return not Page.objects.filter(pk=page.pk).exists()

    def _edit_and_submit_cluster(self, user: Any, page: Page) -> bool:
        edit_page(as_user(user), page, "action-submit", intro=unique_title("Profil"))
        page = reload(page)
        return page.workflow_in_progress and page.current_workflow_state.requested_by == user

    def own_cluster(self, user: Any) -> bool:
        ok = self._edit_and_submit_cluster(user, self.users["cluster_a"])
        page = reload(self.users["cluster_a"])
        if page.workflow_in_progress:  # leave the page free for the next row
            page.current_workflow_state.cancel(user=None)
        return ok

    def other_cluster(self, user: Any) -> bool:
        ok = self._edit_and_submit_cluster(user, self.users["cluster_b"])
        page = reload(self.users["cluster_b"])
        if page.workflow_in_progress:
            page.current_workflow_state.cancel(user=None)
        return ok

    def approve_own(self, user: Any) -> bool:
        page = self.live_event()
        submit(page, user)
        if self._approve_via_dialog(user, reload(page)):
            return True
        approve(reload(page), self.users["reviewer2"])
        return self._approve_via_dialog(user, reload(page))


def test_permission_matrix_through_the_admin(site, users, django_capture_on_commit_callbacks):
    scenarios = Scenarios(site, users)
    actions: dict[str, Callable[[Any], bool]] = {
        "create draft": scenarios.create_draft,
        "edit (Serbian source page)": scenarios.edit_source,
        "edit English translation": scenarios.edit_translation,
        "submit": scenarios.submit,
        "approve step 1": scenarios.approve_step_1,
        "approve step 2": scenarios.approve_step_2,
        "publish directly": scenarios.publish_directly,
        "unpublish": scenarios.unpublish,
        "delete": scenarios.delete,
        "edit and submit own cluster profile": scenarios.own_cluster,
        "edit another cluster's profile": scenarios.other_cluster,
        "approve one's own submission": scenarios.approve_own,
    }
    actual = {}
    with django_capture_on_commit_callbacks(execute=True):
        for action, run in actions.items():
            actual[action] = tuple(Y if run(users[role]) else N for role in ROLES)

    assert actual == EXPECTED, format_matrix(actual)


def format_matrix(actual: dict[str, tuple[str, ...]]) -> str:
    """The whole matrix as a table; (!) marks a cell that differs from EXPECTED."""
    width = max(map(len, actual))
    lines = [
        "Permission matrix, (!) = differs from expected:",
        " " * width + " | " + " | ".join(f"{r[:11]:<11}" for r in ROLES),
    ]
    for action, row in actual.items():
        cells = [
            f"{got:<11}" if got == want else f"{got + '(!)':<11}"
            for got, want in zip(row, EXPECTED[action], strict=True)
        ]
        lines.append(f"{action:<{width}} | " + " | ".join(cells))
    return "\n".join(lines)
