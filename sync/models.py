"""What the sync feed knows: one row per item ever listed, and a few counters."""

from django.db import models


class SyncItem(models.Model):
    """One (type, object id, locale) as the v1 lists serve it.

    ``data`` is the item's list-shape JSON (with a placeholder host, see
    sync.feed) and ``digest`` its hash; ``seq`` is bumped whenever either or
    ``visible`` changes, so a delta is "rows with seq above the cursor's".
    Rows that leave the lists stay as tombstones (visible=False, reason).
    """

    type = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    locale = models.CharField(max_length=20)
    model = models.CharField(max_length=100, help_text="app_label.model_name, for updated_since=")
    seq = models.BigIntegerField(unique=True)
    visible = models.BooleanField(default=True)
    reason = models.CharField(max_length=20, blank=True)
    digest = models.CharField(max_length=64)
    data = models.TextField(blank=True)
    changed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["type", "object_id"], name="sync_item_type_object")]
        indexes = [models.Index(fields=["model", "changed_at"], name="sync_item_model_changed")]

    def __str__(self) -> str:
        return f"{self.type} {self.object_id} ({self.locale}) #{self.seq}"


class SyncState(models.Model):
    """Named counters: ``changes`` (bumped after every content commit),
    ``refreshed_changes``, ``last_seq``, ``epoch`` and ``refreshed_at`` (µs since
    the epoch). Separate rows, so that an editor's bump of ``changes`` never waits
    for the lock a refresh holds on ``last_seq``."""

    name = models.CharField(max_length=40, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
