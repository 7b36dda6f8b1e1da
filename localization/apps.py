from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = "Localization"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from .signals import on_page_published

        # Sent once per concrete page class; connect without a sender to see them all.
        page_published.connect(on_page_published, dispatch_uid="localization.on_page_published")
