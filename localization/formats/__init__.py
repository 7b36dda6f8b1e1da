"""Date formats for Serbian (FORMAT_MODULE_PATH), in both scripts.

Serbian writes the month of a day in the genitive: "22. aprila 2016.", not
Django's "22. april 2016." (its sr formats use ``F``, the nominative). ``E`` is
Django's "alternative" month name; our catalogues give it as the genitive
(localization/months.py keeps those strings in the catalogues). A month on its
own ("april 2016.") stays in the nominative.
"""
