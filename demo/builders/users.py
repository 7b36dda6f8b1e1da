"""Demo accounts. Development only: the command calls this when DEBUG is on."""

from django.contrib.auth import get_user_model

DEMO_ADMIN = ("admin", "admin")


def generate_demo_superuser() -> tuple[str, str]:
    """The superuser admin/admin, created or reset; returns the credentials to print."""
    username, password = DEMO_ADMIN
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True}
    )
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    return username, password
