"""``manage.py setup_roles --cluster-manager USERNAME PAGE_ID``: a cluster's own
manager may edit (and submit) that one profile page, nothing else, and running
the command again changes nothing."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from tests.factories import ClusterPageFactory
from tests.workflow.conftest import as_user, make_user
from workflow.roles import CLUSTER_MANAGERS


@pytest.fixture
def clusters(site):
    return (
        ClusterPageFactory(parent=site["cluster_index"], title="Klaster A", slug="klaster-a"),
        ClusterPageFactory(parent=site["cluster_index"], title="Klaster B", slug="klaster-b"),
    )


def run(*args: str) -> str:
    out = StringIO()
    call_command("setup_roles", *args, stdout=out)
    return out.getvalue()


def grants(user) -> set[tuple[str, int, str]]:
    """Every page permission ``user`` holds through a group: (group, page id, action)."""
    return set(
        GroupPagePermission.objects.filter(group__user=user).values_list(
            "group__name", "page_id", "permission__codename"
        )
    )


def test_cluster_manager_option_lets_the_user_edit_only_their_cluster(clusters):
    cluster_a, cluster_b = clusters
    manager = make_user("manager")

    output = run("--cluster-manager", "manager", str(cluster_a.pk))

    assert "manager may now edit 'Klaster A'." in output
    page_group = f"Cluster manager: page {cluster_a.pk}"
    assert set(manager.groups.values_list("name", flat=True)) == {CLUSTER_MANAGERS, page_group}
    assert grants(manager) == {
        (page_group, cluster_a.pk, "change_page"),
        (page_group, cluster_a.pk, "lock_page"),
    }

    # What the manager notices in the admin: their cluster opens in the editor,
    # another cluster does not, and nothing can be published directly.
    client = as_user(manager)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[cluster_a.pk])).status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[cluster_b.pk]))
    assert other.status_code == 302
    assert other["Location"] == reverse("wagtailadmin_home")
    assert cluster_a.permissions_for_user(manager).can_edit()
    assert not cluster_a.permissions_for_user(manager).can_publish()
    assert not cluster_b.permissions_for_user(manager).can_edit()
    assert not cluster_a.get_parent().permissions_for_user(manager).can_add_subpage()


def test_running_it_again_changes_nothing(clusters):
    cluster_a, _ = clusters
    manager = make_user("manager")
    run("--cluster-manager", "manager", str(cluster_a.pk))
    groups_before = sorted(Group.objects.values_list("name", flat=True))
    grants_before = grants(manager)
    page_perms_before = GroupPagePermission.objects.count()

    output = run("--cluster-manager", "manager", str(cluster_a.pk))

    assert "manager may now edit 'Klaster A'." in output
    assert sorted(Group.objects.values_list("name", flat=True)) == groups_before
    assert grants(manager) == grants_before
    assert GroupPagePermission.objects.count() == page_perms_before
    assert manager.groups.count() == 2


def test_a_second_cluster_is_added_beside_the_first(clusters):
    cluster_a, cluster_b = clusters
    manager = make_user("manager")
    run("--cluster-manager", "manager", str(cluster_a.pk))
    run("--cluster-manager", "manager", str(cluster_b.pk))
    assert {(page_id, action) for _group, page_id, action in grants(manager)} == {
        (cluster_a.pk, "change_page"),
        (cluster_a.pk, "lock_page"),
        (cluster_b.pk, "change_page"),
        (cluster_b.pk, "lock_page"),
    }


@pytest.mark.parametrize(
    ("username", "page", "message"),
    [
        ("nobody", "cluster", "Unknown user or page"),
        ("manager", "999999", "Unknown user or page"),
        ("manager", "seven", "Unknown user or page"),
        ("manager", "index", "is not a cluster profile"),
    ],
)
def test_a_wrong_user_or_page_is_refused_and_grants_nothing(clusters, site, username, page, message):
    manager = make_user("manager")
    page_id = {"cluster": str(clusters[0].pk), "index": str(site["cluster_index"].pk)}.get(page, page)
    with pytest.raises(CommandError, match=message):
        run("--cluster-manager", username, page_id)
    assert grants(manager) == set()
    assert not manager.groups.exists()
    assert not Group.objects.filter(name__startswith="Cluster manager: page").exists()
