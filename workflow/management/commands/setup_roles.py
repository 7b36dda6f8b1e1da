from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from wagtail.models import Page

from workflow.roles import ROLES, WORKFLOW_NAME, assign_cluster_manager, setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the editorial roles (groups and their exact permissions) and the "
        f"'{WORKFLOW_NAME}' workflow. Safe to run repeatedly; run it again after adding a locale."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cluster-manager",
            nargs=2,
            metavar=("USERNAME", "PAGE_ID"),
            help="Also let USERNAME edit (only) the cluster profile page PAGE_ID.",
        )

    def handle(self, *args, **options) -> None:
        groups = setup_roles()
        for role in ROLES:
            self.stdout.write(f"Role '{role.name}': {groups[role.name].permissions.count()} model permissions")
        done = f"Workflow '{WORKFLOW_NAME}' covers every locale and the draft snippets."
        self.stdout.write(self.style.SUCCESS(done))
        if options["cluster_manager"]:
            username, page_id = options["cluster_manager"]
            try:
                user = get_user_model().objects.get(username=username)
                page = Page.objects.get(pk=int(page_id)).specific
            except (ValueError, get_user_model().DoesNotExist, Page.DoesNotExist) as exc:
                raise CommandError(f"Unknown user or page: {exc}") from exc
            if page.specific_class.__name__ != "ClusterPage":
                raise CommandError(f"Page {page_id} is not a cluster profile.")
            assign_cluster_manager(user, page)
            self.stdout.write(f"{username} may now edit '{page.title}'.")
