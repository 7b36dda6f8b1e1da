"""Who counts as a translator only (works on target locales) and who may publish past
the workflow, for every mix of groups a user can have."""

from django.contrib.auth.models import AnonymousUser

import pytest

from tests.workflow.conftest import make_user
from workflow.roles import ADMINISTRATORS, EDITORS, PUBLISHERS, REVIEWERS, TRANSLATORS
from workflow.security import in_group, is_translator_only, may_publish_directly


@pytest.mark.parametrize(
    ("groups", "translator_only", "publishes_directly"),
    [
        ((TRANSLATORS,), True, False),
        ((TRANSLATORS, REVIEWERS), True, False),
        ((TRANSLATORS, PUBLISHERS), True, False),
        ((TRANSLATORS, EDITORS), False, False),
        ((TRANSLATORS, ADMINISTRATORS), False, True),
        ((EDITORS,), False, False),
        ((ADMINISTRATORS,), False, True),
        ((PUBLISHERS,), False, False),
        ((), False, False),
    ],
)
def test_groups_decide_the_translator_and_direct_publishing_roles(roles, groups, translator_only, publishes_directly):
    user = make_user("korisnik", *groups)
    assert is_translator_only(user) is translator_only
    assert may_publish_directly(user) is publishes_directly


def test_a_superuser_is_never_translator_only_and_always_publishes(roles, django_user_model):
    user = django_user_model.objects.create_superuser("sef", "sef@example.org", "x")
    user.groups.set(roles[TRANSLATORS].__class__.objects.filter(name=TRANSLATORS))
    assert in_group(user, TRANSLATORS) is True
    assert is_translator_only(user) is False
    assert may_publish_directly(user) is True


def test_an_anonymous_visitor_is_in_no_group(roles):
    visitor = AnonymousUser()
    assert in_group(visitor, TRANSLATORS) is False
    assert is_translator_only(visitor) is False
    assert may_publish_directly(visitor) is False
