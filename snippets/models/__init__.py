from .base import EditorialSnippet, SluggedSnippet
from .organisations import FundingProgramme, Organisation
from .people import Person
from .taxonomy import Country, Sector

__all__ = [
    "Country",
    "EditorialSnippet",
    "FundingProgramme",
    "Organisation",
    "Person",
    "Sector",
    "SluggedSnippet",
]
