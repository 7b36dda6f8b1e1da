from django.urls import path

from wagtail import hooks

from .po_upload import upload_pofile
from .update_translations import SyncWithNewSnippetsView


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    # Same paths as wagtail-localize's upload and sync views, registered first (this app comes
    # before wagtail_localize in INSTALLED_APPS), so the translation editor's
    # forms reach these views.
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            upload_pofile,
            name="localization_upload_pofile",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithNewSnippetsView.as_view(),
            name="localization_update_translations",
        ),
    ]
