from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, Workflow

from tests.factories import EventPageFactory, OrganisationFactory, PersonFactory
from workflow.models import FourEyesApprovalTask
from workflow.roles import PUBLICATION_TASK_NAME, REVIEW_TASK_NAME, ROLE_NAMES, WORKFLOW_NAME


def snapshot() -> dict:
    """Everything setup_roles controls, in a comparable form."""
    return {
        "groups": {
            group.name: (
                sorted(group.permissions.values_list("codename", flat=True)),
                sorted(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename")),
                sorted(group.collection_permissions.values_list("collection_id", "permission__codename")),
            )
            for group in Group.objects.order_by("name")
        },
        "tasks": sorted(FourEyesApprovalTask.objects.values_list("name", "groups__name")),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
    }


def test_setup_roles_creates_every_role_and_is_idempotent(site):
    call_command("setup_roles")
    first = snapshot()
    call_command("setup_roles")
    assert snapshot() == first
    assert set(ROLE_NAMES) <= set(first["groups"])
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert [task.name for task in workflow.tasks] == [REVIEW_TASK_NAME, PUBLICATION_TASK_NAME]


def test_setup_roles_repairs_permissions_changed_by_hand(site):
    call_command("setup_roles")
    editors = Group.objects.get(name="Editors")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(group=editors, page=Page.get_first_root_node(), permission=publish)
    call_command("setup_roles")
    assert not GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").exists()


def test_no_content_role_but_administrators_holds_page_publish_outside_the_workflow(roles):
    publishing_groups = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list("group__name", flat=True)
    )
    # Publishers need "publish" for unpublishing; their direct publishing is refused by the hooks.
    assert publishing_groups - {"Moderators"} == {"Publishers", "Administrators"}
    for name in ("Editors", "Reviewers", "Translators", "Cluster managers"):
        assert not Group.objects.get(name=name).permissions.filter(codename__startswith="publish_").exists()


def test_the_workflow_covers_serbian_and_english_pages_and_draft_snippets(roles, site):
    event_sr = EventPageFactory(parent=site["event_index"])
    event_en = event_sr.copy_for_translation(site["home_en"].locale, copy_parents=True)
    assert event_en.locale.language_code == "en"
    for page in (event_sr, event_en, site["home_en"], site["home"]):
        assert page.get_workflow().name == WORKFLOW_NAME, page
    for snippet in (OrganisationFactory(), PersonFactory()):
        assert snippet.get_workflow().name == WORKFLOW_NAME
