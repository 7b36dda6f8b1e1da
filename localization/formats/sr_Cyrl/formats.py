from django.conf.locale.sr.formats import *  # noqa: F403 (Django's formats, the dates below changed)

# The same date formats in both scripts (the month names come from the catalogue).
from localization.formats.sr_Latn.formats import DATE_FORMAT, DATETIME_FORMAT, MONTH_DAY_FORMAT  # noqa: F401
