from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Country, FundingProgramme, Organisation, Person, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_order = 100
    list_display = ["name", "slug"]
    list_export = ["name", "slug", "locale"]
    search_fields = ["name"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    menu_order = 110
    list_display = ["name", "iso_code", "slug"]
    list_export = ["name", "iso_code", "slug", "locale"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_order = 120
    list_display = ["name", "short_name", "kind", "country", "website"]
    list_filter = ["kind", "country"]
    list_export = ["name", "short_name", "kind", "city", "website", "locale"]
    search_fields = ["name", "short_name", "description"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_order = 130
    list_display = ["name", "role", "organisation", "email"]
    list_filter = ["organisation"]
    list_export = ["name", "role", "email", "phone", "locale"]
    search_fields = ["name", "role"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "doc-full"
    menu_order = 140
    list_display = ["name", "short_name", "funder"]
    list_export = ["name", "short_name", "website", "locale"]
    search_fields = ["name", "short_name"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("Shared content")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (OrganisationViewSet, PersonViewSet, SectorViewSet, CountryViewSet, FundingProgrammeViewSet)


register_snippet(SharedContentGroup)
