from django.conf.locale.sr.formats import *  # noqa: F403 (Django's formats, the dates below changed)

DATE_FORMAT = "j. E Y."
DATETIME_FORMAT = "j. E Y. H:i"
MONTH_DAY_FORMAT = "j. E"
