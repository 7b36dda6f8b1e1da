"""Signal handlers: the page tree repair after translation and the Cyrillic offer."""

import logging
from typing import Any

from django.db import transaction

from wagtail.models import Page

logger = logging.getLogger(__name__)


def repair_numchild(page: Page) -> bool:
    """Make ``page.numchild`` match its real number of children; True if it was wrong.

    wagtail-localize issue 773: translating a page "with subtree" publishes the
    translated parent on commit from a revision whose page object was loaded
    before the children were added, so the publish writes numchild=0 back and
    the children vanish from get_children(), menus and routing checks.
    """
    actual = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    if actual == page.numchild:
        return False
    logger.warning("Repairing numchild of page %s: %s -> %s", page.pk, page.numchild, actual)
    Page.objects.filter(pk=page.pk).update(numchild=actual)
    page.numchild = actual
    return True


def on_page_published(sender: type, instance: Page, revision: Any = None, **kwargs: Any) -> None:
    repair_numchild(instance)
    offer_cyrillic(instance, getattr(revision, "user", None))


def offer_cyrillic(page: Page, user: Any = None) -> None:
    from .cyrillic import offer_cyrillic_translation

    try:
        # A savepoint: a failing transliteration must never undo the publish itself.
        with transaction.atomic():
            offer_cyrillic_translation(page, user)
    except Exception:  # logged: the Serbian page stays published regardless
        logger.exception("Could not offer the Cyrillic translation of page %s", page.pk)
