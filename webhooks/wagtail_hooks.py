"""Admin: Settings → Webhooks (subscriptions) and Settings → Webhook deliveries (the log).

Both are gated by Django model permissions (webhooks.*): superusers and the
Administrators role (workflow.roles) hold them; other roles do not.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .forms import SubscriptionForm
from .models import Subscription


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "link-external"
    menu_label = _("Webhooks")
    add_to_settings_menu = True
    list_display = ["name", "url", "events", "active"]
    list_filter = ["active"]
    search_fields = ["name", "url"]

    def get_form_class(self, for_update: bool = False) -> type[SubscriptionForm]:
        return SubscriptionForm


subscription_viewset = SubscriptionViewSet("webhook_subscriptions")


@hooks.register("register_admin_viewset")
def register_subscription_viewset() -> ModelViewSet:
    return subscription_viewset


@hooks.register("register_admin_urls")
def register_delivery_urls() -> list:
    return [
        path("webhooks/deliveries/", views.delivery_log, name="webhooks_deliveries"),
        path("webhooks/deliveries/<uuid:pk>/send-again/", views.send_again, name="webhooks_send_again"),
    ]


class DeliveryLogMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("webhooks.view_delivery")


@hooks.register("register_settings_menu_item")
def register_delivery_menu_item() -> MenuItem:
    return DeliveryLogMenuItem(_("Webhook deliveries"), reverse("webhooks_deliveries"), icon_name="list-ul", order=910)
