import zoneinfo

from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm

VENUE_TIME_FIELDS = ("start", "end")


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed and shown as wall-clock time at the venue.

    Django would read a typed datetime in the editor's time zone (Belgrade);
    for an event in Sofia that is an hour off. The form shows stored values in
    the venue's zone and reads typed values as the venue's wall-clock time.
    ``end >= start`` is checked by EventPage.clean().
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in VENUE_TIME_FIELDS:
                value = getattr(self.instance, name)
                if value is not None:
                    # The venue's wall-clock time, made aware in the editor's
                    # zone: the field renders it unchanged, and has_changed()
                    # sees no edit when the editor changed nothing (an approval
                    # must not save a new revision).
                    wall_clock = value.astimezone(zone).replace(tzinfo=None)
                    self.initial[name] = timezone.make_aware(wall_clock, timezone.get_current_timezone())

    def clean(self):
        cleaned_data = super().clean()
        zone_name = cleaned_data.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in VENUE_TIME_FIELDS:
                value = cleaned_data.get(name)
                if value is not None:
                    wall_clock = timezone.make_naive(value, timezone.get_current_timezone())
                    cleaned_data[name] = wall_clock.replace(tzinfo=zone)
        return cleaned_data
