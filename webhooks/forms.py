from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .events import api_types
from .models import Event, Subscription, generate_secret


class SubscriptionForm(WagtailAdminModelForm):
    url = forms.URLField(
        label=_("URL"), max_length=500, assume_scheme="https", help_text=_("An http:// or https:// address.")
    )
    events = forms.MultipleChoiceField(
        label=_("Events"), choices=Event.choices, widget=forms.CheckboxSelectMultiple, required=True
    )
    secret = forms.CharField(
        label=_("Secret"),
        required=False,
        disabled=True,
        help_text=_("Give this to the receiver to verify signatures (Standard Webhooks). Keep it private."),
    )
    rotate_secret = forms.BooleanField(
        label=_("Generate a new secret"), required=False, help_text=_("The old one stops working at once.")
    )

    class Meta:
        model = Subscription
        fields = ["name", "url", "events", "content_types", "locales", "active"]
        widgets = {
            "content_types": forms.CheckboxSelectMultiple,
            "locales": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the types the API serves (pages and snippets): nothing else is ever announced.
        types = ContentType.objects.get_for_models(*api_types())
        self.fields["content_types"].queryset = ContentType.objects.filter(
            pk__in=[ct.pk for ct in types.values()]
        ).order_by("model")
        if self.instance.pk:
            self.fields["secret"].initial = self.instance.secret
        else:
            # Shown after creation, on the edit view.
            del self.fields["secret"]
            del self.fields["rotate_secret"]

    def save(self, commit: bool = True) -> Subscription:
        if self.cleaned_data.get("rotate_secret"):
            self.instance.secret = generate_secret()
        return super().save(commit=commit)
