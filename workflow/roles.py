"""Editorial roles, the "Review and publish" workflow and demo users.

Everything here is idempotent: ``setup_roles()`` may run on every deploy (and after
adding a locale) and always leaves exactly the permissions listed below.

Nobody but Administrators holds a publish permission they can use to bypass the
workflow: Publishers need ``publish`` on pages and snippets because Wagtail ties
*unpublish* to it, and the hooks in workflow/wagtail_hooks.py refuse their direct
publishing, so for them publication happens only by approving the second step.
"""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from snippets.models import Country, FundingProgramme, Organisation, Person, Sector
from workflow.models import FourEyesApprovalTask

EDITORS = "Editors"
REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
TRANSLATORS = "Translators"
CLUSTER_MANAGERS = "Cluster managers"
ADMINISTRATORS = "Administrators"
ROLE_NAMES = (EDITORS, REVIEWERS, PUBLISHERS, TRANSLATORS, CLUSTER_MANAGERS, ADMINISTRATORS)

WORKFLOW_NAME = "Review and publish"
REVIEW_TASK_NAME = "Content review"
PUBLICATION_TASK_NAME = "Publication approval"

# Snippets with drafts go through the workflow; Sector and Country have no draft
# state (a save is live at once), so only Publishers and Administrators change them.
WORKFLOW_SNIPPETS: tuple[type[Model], ...] = (Organisation, Person, FundingProgramme)
VOCABULARY_SNIPPETS: tuple[type[Model], ...] = (Sector, Country)


@dataclass(frozen=True)
class Role:
    name: str
    # Page permission actions on the root page (every locale's tree).
    pages_everywhere: tuple[str, ...] = ()
    # Page permission actions on every non-default locale's home page.
    pages_target_locales: tuple[str, ...] = ()
    workflow_snippets: tuple[str, ...] = ()
    vocabulary_snippets: tuple[str, ...] = ()
    # Actions on images and documents in the root collection (and below).
    media: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    # Other model permissions as "app_label.codename".
    extra: tuple[str, ...] = field(default=("wagtailadmin.access_admin",))


ROLES: tuple[Role, ...] = (
    Role(
        EDITORS,
        pages_everywhere=("add", "change", "lock"),
        workflow_snippets=("add", "change", "lock", "view"),
        vocabulary_snippets=("view",),
        media=("add", "choose"),
        extra=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
    ),
    Role(
        REVIEWERS,
        # "change" lets reviewers correct facts and language during their step;
        # an edit becomes a new revision that needs approval again.
        pages_everywhere=("change", "lock"),
        workflow_snippets=("change", "lock", "view"),
        vocabulary_snippets=("view",),
        media=("add", "choose"),
    ),
    Role(
        PUBLISHERS,
        pages_everywhere=("publish",),
        workflow_snippets=("publish", "view"),
        vocabulary_snippets=("add", "change", "view"),
        media=("add", "change", "choose"),
    ),
    Role(
        TRANSLATORS,
        pages_target_locales=("add", "change", "lock"),
        workflow_snippets=("change", "view"),
        vocabulary_snippets=("view",),
        media=("add", "choose"),
    ),
    Role(
        CLUSTER_MANAGERS,
        # Page rights come from a per-cluster group, see assign_cluster_manager().
        workflow_snippets=("view",),
        vocabulary_snippets=("view",),
        media=("add", "choose"),
    ),
    Role(
        ADMINISTRATORS,
        pages_everywhere=("add", "change", "publish", "bulk_delete", "lock", "unlock"),
        workflow_snippets=("add", "change", "delete", "publish", "lock", "unlock", "view"),
        vocabulary_snippets=("add", "change", "delete", "view"),
        media=("add", "change", "choose", "delete"),
        collections=("add", "change", "delete"),
        extra=(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.view_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "auth.view_group",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.delete_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "wagtailcore.delete_task",
            "wagtailcore.add_locale",
            "wagtailcore.change_locale",
            "wagtailcore.delete_locale",
            "wagtailcore.add_site",
            "wagtailcore.change_site",
            "wagtailcore.delete_site",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            # Webhook subscriptions and their delivery log (webhooks/).
            "webhooks.add_subscription",
            "webhooks.change_subscription",
            "webhooks.delete_subscription",
            "webhooks.view_subscription",
            "webhooks.view_delivery",
            "webhooks.change_delivery",
        ),
    ),
)


def _perm(app_label: str, codename: str) -> Permission:
    if (app_label, codename) == ("wagtail_localize", "submit_translation"):
        # Created by a wagtail-localize data migration, not from a model, so a
        # database flush (transactional tests) loses it; recreate it the same way.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model="translation")
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": "Can submit translations"}
        )[0]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_perms(models: tuple[type[Model], ...], actions: tuple[str, ...]) -> list[Permission]:
    perms = []
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            perms.append(
                Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")
            )
    return perms


def _page_perm(action: str) -> Permission:
    return _perm("wagtailcore", f"{action}_page")


def target_locale_homes() -> list[Page]:
    """The top page of every locale other than the default (source) one."""
    root = Page.get_first_root_node()
    default = Locale.get_default()
    return list(root.get_children().exclude(locale=default))


def _set_page_perms(group: Group, grants: list[tuple[Page, str]]) -> None:
    wanted = {(page.pk, _page_perm(action).pk) for page, action in grants}
    existing = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    for page_id, perm_id in existing - wanted:
        GroupPagePermission.objects.filter(group=group, page_id=page_id, permission_id=perm_id).delete()
    for page_id, perm_id in wanted - existing:
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=perm_id)


def _set_collection_perms(group: Group, perms: list[Permission]) -> None:
    root = Collection.get_first_root_node()
    wanted = {perm.pk for perm in perms}
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=root, permission_id__in=wanted).delete()
    for perm in perms:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)


def _apply_role(role: Role) -> Group:
    group, _ = Group.objects.get_or_create(name=role.name)
    root = Page.get_first_root_node()
    grants = [(root, action) for action in role.pages_everywhere]
    grants += [(home, action) for home in target_locale_homes() for action in role.pages_target_locales]
    _set_page_perms(group, grants)

    media = [_perm("wagtailimages", f"{action}_image") for action in role.media]
    media += [_perm("wagtaildocs", f"{action}_document") for action in role.media]
    media += [_perm("wagtailcore", f"{action}_collection") for action in role.collections]
    _set_collection_perms(group, media)

    model_perms = _model_perms(WORKFLOW_SNIPPETS, role.workflow_snippets)
    model_perms += _model_perms(VOCABULARY_SNIPPETS, role.vocabulary_snippets)
    model_perms += [_perm(*name.split(".", 1)) for name in role.extra]
    group.permissions.set(model_perms)
    return group


def _task(name: str, groups: list[Group]) -> FourEyesApprovalTask:
    task = FourEyesApprovalTask.objects.filter(name=name).first() or FourEyesApprovalTask.objects.create(name=name)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set(groups)
    return task


def _setup_workflow(groups: dict[str, Group]) -> Workflow:
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow.objects.create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    tasks = [
        _task(REVIEW_TASK_NAME, [groups[REVIEWERS], groups[ADMINISTRATORS]]),
        _task(PUBLICATION_TASK_NAME, [groups[PUBLISHERS], groups[ADMINISTRATORS]]),
    ]
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=tasks).delete()
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    # The root page covers every locale's tree; each top-level (home) page gets it
    # as well, so that a later assignment on the root cannot silently drop a locale.
    root = Page.get_first_root_node()
    for page in [root, *root.get_children()]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    for model in WORKFLOW_SNIPPETS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            defaults={"workflow": workflow},
        )
    return workflow


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    """Create or update the role groups and the "Review and publish" workflow."""
    groups = {role.name: _apply_role(role) for role in ROLES}
    _setup_workflow(groups)
    return groups


def cluster_page_group_name(cluster_page: Page) -> str:
    return f"Cluster manager: page {cluster_page.pk}"


@transaction.atomic
def assign_cluster_manager(user: Model, cluster_page: Page) -> Group:
    """Let ``user`` edit (and submit) only ``cluster_page``: a per-page group, because
    Wagtail grants page permissions to groups, not to single users."""
    base = Group.objects.get_or_create(name=CLUSTER_MANAGERS)[0]
    group = Group.objects.get_or_create(name=cluster_page_group_name(cluster_page))[0]
    _set_page_perms(group, [(cluster_page, "change"), (cluster_page, "lock")])
    user.groups.add(base, group)
    return group


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str


# Development only; create_demo_users() refuses to run with DEBUG off.
DEMO_PASSWORD = "demo-password"  # noqa: S105


def create_demo_users(password: str = DEMO_PASSWORD, stdout: Any = None) -> list[DemoUser]:
    """One user per role for development (``load_demo``); refuses to run when DEBUG
    is off so that known passwords never reach production."""
    if not settings.DEBUG:
        raise RuntimeError("Demo users are for development only (DEBUG is off).")
    groups = setup_roles()
    User = get_user_model()
    created = []
    for role in ROLE_NAMES:
        username = role.lower().replace(" ", "-").rstrip("s")
        user, _ = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org", "first_name": role.rstrip("s")}
        )
        user.set_password(password)
        user.is_active = True
        user.save()
        user.groups.set([groups[role]])
        created.append(DemoUser(username, password, role))
    cluster = Page.objects.type(_cluster_page_model()).filter(locale=Locale.get_default()).order_by("path").first()
    if cluster is not None:
        assign_cluster_manager(User.objects.get(username="cluster-manager"), cluster)
    if stdout is not None:
        stdout.write("Demo users (development only):")
        for demo in created:
            stdout.write(f"  {demo.username:<16} {demo.password}  ({demo.role})")
        if cluster is not None:
            stdout.write(f"  cluster-manager may edit: {cluster.title}")
    return created


def _cluster_page_model() -> type[Page]:
    from pages.models import ClusterPage

    return ClusterPage
