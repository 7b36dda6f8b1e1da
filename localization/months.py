"""The month names Serbian dates use (the genitive: "22. aprila 2016.").

Django asks for them as the "alt. month" names (date format ``E``, see
localization/formats/). They are Django's own msgids; naming them here keeps them
in our catalogues when ``update_catalogues`` runs makemessages, where
localization/serbian_strings.py gives their Serbian.
"""

from django.utils.translation import pgettext_lazy

GENITIVE_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
