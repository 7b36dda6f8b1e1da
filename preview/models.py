"""Per-site settings of the headless preview."""

from django.db import models

from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class HeadlessSettings(BaseSiteSetting):
    preview_url = models.URLField(
        blank=True,
        help_text="The partner front end's preview page; it receives ?token=…&type=…&id=… "
        "and fetches /api/v1/preview/?token=…. Empty: the API preview URL itself.",
    )

    class Meta:
        verbose_name = "Headless settings"
