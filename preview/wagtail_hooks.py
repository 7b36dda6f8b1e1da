from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem

from api.serializers.registry import serializer_for_model

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [path("headless-preview/<int:page_id>/", views.partner_preview, name="headless_preview")]


class PartnerPreviewMenuItem(ActionMenuItem):
    label = "Preview on partner site"
    name = "action-headless-preview"
    icon_name = "view"

    def is_shown(self, context: dict) -> bool:
        if context["view"] != "edit" or serializer_for_model(type(context["page"].specific_deferred)) is None:
            return False
        return self.get_user_page_permissions_tester(context).can_edit()

    def get_url(self, context: dict) -> str:
        return reverse("headless_preview", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_partner_preview() -> ActionMenuItem:
    return PartnerPreviewMenuItem(order=60)
