"""Forget the cached session page snapshot (selectors.session_detail) when what it
shows changes: the session, its review and region, speakers, links, contacts and
documents. Every write goes through a model save or delete (no bulk update touches them),
so these receivers see each change."""

from django.db.models.signals import post_delete, post_save, pre_save

from consultations.models import (
    RegionalReview,
    Session,
    SessionContact,
    SessionDocument,
    SessionLink,
    Speaker,
)
from consultations.selectors import session_detail_forget
from gcm.models import Region


def _session_saved(sender, instance: Session, **kwargs):
    session_detail_forget(instance.slug, getattr(instance, "_slug_before", ""))


def _session_slug_before(sender, instance: Session, raw=False, **kwargs):
    # A changed slug leaves the snapshot under the old one to be forgotten too.
    if instance.pk and not raw:
        instance._slug_before = (
            Session.objects.filter(pk=instance.pk).values_list("slug", flat=True).first() or ""
        )


def _part_changed(sender, instance, **kwargs):
    slug = Session.objects.filter(pk=instance.session_id).values_list("slug", flat=True).first()
    session_detail_forget(slug or "")


def _review_changed(sender, instance: RegionalReview, **kwargs):
    session_detail_forget(*Session.objects.filter(review=instance).values_list("slug", flat=True))


def _region_changed(sender, instance: Region, **kwargs):
    session_detail_forget(
        *Session.objects.filter(review__region=instance).values_list("slug", flat=True)
    )


def connect() -> None:
    uid = "consultations.session_detail"
    pre_save.connect(_session_slug_before, sender=Session, dispatch_uid=f"{uid}.slug")
    post_save.connect(_session_saved, sender=Session, dispatch_uid=f"{uid}.session.save")
    post_delete.connect(_session_saved, sender=Session, dispatch_uid=f"{uid}.session.delete")
    for model in (Speaker, SessionLink, SessionContact, SessionDocument):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.s")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"{uid}.{model.__name__}.d")
    post_save.connect(_review_changed, sender=RegionalReview, dispatch_uid=f"{uid}.review")
    post_save.connect(_region_changed, sender=Region, dispatch_uid=f"{uid}.region")
