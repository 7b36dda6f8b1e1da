"""Signed, expiring preview tokens bound to one page and one of its revisions."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "preview.headless"


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


@dataclass(frozen=True)
class PreviewClaim:
    page_id: int
    revision_id: int


def max_age() -> int:
    return int(getattr(settings, "HEADLESS_PREVIEW_SECONDS", 3600))


def make_token(page_id: int, revision_id: int) -> str:
    return signing.dumps({"p": page_id, "r": revision_id}, salt=SALT, compress=True)


def read_token(token: str) -> PreviewClaim:
    """The claim of a valid token; TokenExpired or TokenInvalid otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
    try:
        return PreviewClaim(page_id=int(data["p"]), revision_id=int(data["r"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise TokenInvalid from exc
