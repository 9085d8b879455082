"""Helpers shared by tests (fixtures live in conftest.py)."""

import os

# The gcm data migrations, in order: what a flush removes and the _reference_data fixture
# puts back.
REFERENCE_DATA_MIGRATIONS = ("0002_reference_data", "0004_commission_members")


def use_broker(app, **conf) -> None:
    """Point the Celery app at another broker, dropping connections made to the old one
    (Celery keeps a connection pool per app, created on first use)."""
    if "broker_url" in conf:
        # Celery reads CELERY_BROKER_URL from the environment before its own settings.
        if conf["broker_url"]:
            os.environ["CELERY_BROKER_URL"] = conf["broker_url"]
        else:
            os.environ.pop("CELERY_BROKER_URL", None)
    app.conf.update(**conf)
    # Dropped, not closed: kombu's global registry may hand the same pool out again.
    app._pool = None
    app.amqp._producer_pool = None


def pass_second_factor(client, user) -> None:
    """Mark a test client's session as having passed the second factor, as a staff member
    who signed in with their authenticator app has (see stakeholders/mfa.py)."""
    import time

    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    # allauth keeps the records with the user they belong to.
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def grant_role(user, role):
    """Put a staff account in a role's group (core/roles.py), as a secretariat lead does
    in the admin. Returns the user."""
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=role.group))
    return user
