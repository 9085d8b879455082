"""Signed tokens for the links in campaign mail: a personal invitation link and a
one-click unsubscribe link. Signed with SECRET_KEY, so an id cannot be guessed or
changed; no expiry, because an unsubscribe link must work for as long as the mail is
kept."""

from django.core import signing

INVITATION_SALT = "outreach.invitation"
UNSUBSCRIBE_SALT = "outreach.unsubscribe"


def make_token(pk: int, *, salt: str) -> str:
    return signing.dumps(pk, salt=salt, compress=True)


def read_token(token: str, *, salt: str) -> int | None:
    try:
        value = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None
