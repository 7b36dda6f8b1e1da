"""Done when: a mirror fed by the sync feed equals the lists through 200+ random edits."""

import random

from wagtail.models import Locale, Page

import pytest

from tests import factories as f
from tests.sync.conftest import differences

pytestmark = pytest.mark.django_db

OPERATIONS = 210
CHECK_EVERY = 10


class Editor:
    """Random editorial operations on the site from tests/api/conftest.py's content."""

    def __init__(self, content: dict, rng: random.Random) -> None:
        self.content, self.rng = content, rng
        self.en = Locale.objects.get(language_code="en")
        self.parents = {
            f.NewsPageFactory: content["news_index"],
            f.EventPageFactory: content["event_index"],
            f.ClusterPageFactory: content["cluster_index"],
            f.ProjectPageFactory: content["project_index"],
            f.GalleryPageFactory: content["gallery_index"],
        }
        for index in self.parents.values():
            f.translate(index, self.en)
        self.serial = 0
        self.done: list[str] = []

    def pages(self, **filters) -> list[Page]:
        parents = [index.pk for index in self.parents.values()]
        children = Page.objects.none()
        for index in Page.objects.filter(pk__in=parents):
            children |= index.get_children()
        return list(children.filter(**filters).specific().order_by("pk"))

    def source_pages(self, **filters) -> list[Page]:
        return [page for page in self.pages(**filters) if page.locale_id != self.en.pk]

    def pick(self, pages: list[Page]) -> Page | None:
        return self.rng.choice(pages) if pages else None

    def create(self) -> None:
        factory = self.rng.choice(list(self.parents))
        self.serial += 1
        factory(parent=self.parents[factory], slug=f"nasumicna-{self.serial}", title=f"Nasumična {self.serial}")

    def edit(self) -> None:
        page = self.pick(self.pages(live=True))
        if page:
            page.title = f"{page.title.split(' #')[0]} #{self.rng.randint(1, 999)}"
            page.save_revision().publish()

    def translate(self) -> None:
        untranslated = [p for p in self.source_pages(live=True) if not p.has_translation(self.en)]
        page = self.pick(untranslated)
        if page:
            f.translate(page, self.en, {page.title: f"EN {page.title}"})

    def unpublish(self) -> None:
        page = self.pick(self.pages(live=True))
        if page:
            page.unpublish()

    def republish(self) -> None:
        page = self.pick(self.pages(live=False))
        if page:
            page.save_revision().publish()

    def restrict(self) -> None:
        page = self.pick([p for p in self.source_pages() if not p.get_view_restrictions().exists()])
        if page:
            f.restrict(page)

    def unrestrict(self) -> None:
        from wagtail.models import PageViewRestriction

        restriction = self.pick(list(PageViewRestriction.objects.order_by("pk")))
        if restriction:
            restriction.delete()

    def delete(self) -> None:
        page = self.pick(self.pages())
        if page:
            page.delete()

    def snippet(self) -> None:
        sector = self.content[self.rng.choice(["textile", "ict"])]
        sector.name = f"Sektor {self.rng.randint(1, 999)}"
        sector.save()

    WEIGHTS = {
        "create": 5,
        "edit": 4,
        "translate": 3,
        "unpublish": 2,
        "republish": 2,
        "restrict": 1,
        "unrestrict": 1,
        "delete": 1,
        "snippet": 1,
    }

    def step(self) -> str:
        name = self.rng.choices(list(self.WEIGHTS), weights=list(self.WEIGHTS.values()))[0]
        getattr(self, name)()
        self.done.append(name)
        return name


def test_mirror_equals_lists_through_random_operations(content, client, mirror, django_capture_on_commit_callbacks):
    rng = random.Random(9)
    with django_capture_on_commit_callbacks(execute=True):
        editor = Editor(content, rng)
    mirror.sync()
    assert differences(mirror, client) == []
    tombstones = []
    for number in range(1, OPERATIONS + 1):
        # Each operation is its own request: its on-commit callbacks run at its end.
        with django_capture_on_commit_callbacks(execute=True):
            editor.step()
        if number % CHECK_EVERY == 0:
            tombstones += mirror.sync(limit=rng.choice([5, 20, 100]))
            assert differences(mirror, client) == [], f"after operation {number}: {editor.done[-CHECK_EVERY:]}"
    tombstones += mirror.sync()
    assert differences(mirror, client) == []
    assert len(editor.done) >= 200
    assert set(editor.done) == set(Editor.WEIGHTS)  # every kind of operation happened
    assert {t["reason"] for t in tombstones} >= {"deleted", "unpublished", "private"}
    assert len(mirror.items) > 20
