from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """What may be seen, served and published: the visibility rule, media privacy, guards."""

    name = "security"
    verbose_name = "Security"

    def ready(self) -> None:
        # Installs the rich-text pass that drops links to non-public targets before
        # the first expand_db_html call, even in a process that has not loaded hooks yet.
        from security import richtext  # noqa: F401
