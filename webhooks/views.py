"""The delivery log (read-only) and its "send again" action."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import delivery as sending
from .models import Delivery

logger = logging.getLogger("webhooks")


def _require(request: HttpRequest, codename: str) -> None:
    if not request.user.has_perm(f"webhooks.{codename}"):
        raise PermissionDenied


def delivery_log(request: HttpRequest) -> HttpResponse:
    _require(request, "view_delivery")
    deliveries = Delivery.objects.select_related("subscription").order_by("-created_at")
    page = Paginator(deliveries, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "webhooks/delivery_log.html",
        {
            "page_obj": page,
            "deliveries": page.object_list,
            "can_resend": request.user.has_perm("webhooks.change_delivery"),
        },
    )


@require_POST
def send_again(request: HttpRequest, pk: str) -> HttpResponse:
    _require(request, "change_delivery")
    delivery = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
    delivery.status = Delivery.Status.PENDING
    delivery.attempts = 0
    delivery.response_code = None
    delivery.last_error = ""
    delivery.save(update_fields=["status", "attempts", "response_code", "last_error"])
    sending.enqueue(delivery)
    logger.info("Webhook delivery %s sent again by %s.", delivery.pk, request.user)
    messages.success(request, _("The delivery will be sent again shortly."))
    return redirect("webhooks_deliveries")
