"""Storage for each project's append-only log.

Entry rows are never updated or deleted (database triggers refuse it, see the migrations);
erasable content lives in EntryContent so erasure never touches an entry row.
TreeNode stores every perfect subtree's hash so appends and proofs read O(log n) rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Log(models.Model):
    """One per project; its row is locked to serialise appends."""

    project = models.OneToOneField("projects.Project", on_delete=models.PROTECT, related_name="log")
    origin = models.CharField(max_length=255, unique=True)
    size = models.BigIntegerField(default=0)
    root = models.BinaryField(max_length=32)
    # Hashes of the perfect subtrees on the right edge (the compact range), largest first.
    frontier = models.BinaryField(default=b"")

    def __str__(self) -> str:
        return f"{self.origin} ({self.size} entries)"


class Entry(models.Model):
    # No index of its own: the unique (log, seq) index serves every lookup by log, and one
    # index fewer is one B-tree write fewer per append (bench/README.md, Ledger).
    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="entries", db_index=False)
    seq = models.BigIntegerField()
    type = models.CharField(max_length=60)
    leaf = models.BinaryField()
    leaf_hash = models.BinaryField(max_length=32)
    recorded_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sealed = models.BooleanField(default=False)
    # Which row the event is mainly about, for linking from the Record page.
    subject_type = models.CharField(max_length=60, blank=True)
    subject_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["log_id", "seq"]
        constraints = [models.UniqueConstraint(fields=["log", "seq"], name="entry_seq_unique")]

    def __str__(self) -> str:
        return f"{self.log.origin} #{self.seq} {self.type}"


class EntryContent(models.Model):
    """What an entry says, with the salt of its commitment. Erasure blanks both.

    ``content`` is the part the leaf commits to (the public part, for a public type). A
    public entry with personal data keeps each piece of it in ``members_content`` with its
    own salt (events/content.py). Erasure blanks both parts."""

    entry = models.OneToOneField(
        Entry, on_delete=models.PROTECT, related_name="body", primary_key=True
    )
    content = models.JSONField(null=True)
    salt = models.BinaryField(null=True, max_length=32)
    # The member part: {reference: {"salt": base64, "value": JSON}}, each piece committed
    # on its own by the public content (events/content.py).
    members_content = models.JSONField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    erased_reason = models.TextField(blank=True)
    erasure_seq = models.BigIntegerField(null=True, blank=True)
    # True when a site administrator erased it on a data-protection request, not its author.
    erased_on_request = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"content of entry {self.entry_id}"

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class SealedPending(models.Model):
    """A sealed entry waiting for the daily batch that appends it to its log
    (docs/decisions/sealed-entries.md). It keeps the day only, never the time it was made,
    and the content exactly as it will be committed. Rows are deleted once appended."""

    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="sealed_pending")
    day = models.DateField()
    content = models.JSONField()
    # [[model label, row id], ...]: the rows whose latest event this will be.
    subjects = models.JSONField(default=list)

    class Meta:
        ordering = ["log_id", "id"]

    def __str__(self) -> str:
        return f"sealed entry of {self.day} waiting for log {self.log_id}"


class TreeNode(models.Model):
    """Hash of the perfect subtree covering leaves [index·2^level, (index+1)·2^level)."""

    # Served by the unique (log, level, index) index (see Entry.log).
    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="nodes", db_index=False)
    level = models.SmallIntegerField()
    index = models.BigIntegerField()
    hash = models.BinaryField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "level", "index"], name="tree_node_unique")
        ]

    def __str__(self) -> str:
        return f"node ({self.level}, {self.index}) of log {self.log_id}"


class Checkpoint(models.Model):
    # Served by the unique (log, size) index (see Entry.log).
    log = models.ForeignKey(
        Log, on_delete=models.PROTECT, related_name="checkpoints", db_index=False
    )
    size = models.BigIntegerField()
    root = models.BinaryField(max_length=32)
    note = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["log_id", "size"]
        constraints = [
            models.UniqueConstraint(fields=["log", "size"], name="checkpoint_size_unique")
        ]

    def __str__(self) -> str:
        return f"{self.log.origin} checkpoint at {self.size}"


class WitnessedCheckpoint(models.Model):
    """A checkpoint a funder reviewer's view has seen, kept to check every newer one against."""

    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="witnessed")
    witness = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    size = models.BigIntegerField()
    root = models.BinaryField(max_length=32)
    note = models.TextField()
    seen_at = models.DateTimeField(default=timezone.now)
    consistent = models.BooleanField(default=True)
    alarm = models.TextField(blank=True)
    # The consistency proof checked against the previously kept checkpoint (base64 hashes,
    # one per line), kept so the funder can see what was checked, and when.
    previous_size = models.BigIntegerField(null=True, blank=True)
    proof = models.TextField(blank=True)

    class Meta:
        ordering = ["log_id", "witness_id", "size"]

    def __str__(self) -> str:
        return f"checkpoint {self.size} seen by {self.witness_id}"


class Cosignature(models.Model):
    """A witness's C2SP tlog-cosignature on one checkpoint: the signature line, added to the
    checkpoint's note wherever it is served (the log API and the export). The witness's
    private key never reaches the database; only its public key and what it signed."""

    checkpoint = models.ForeignKey(
        Checkpoint, on_delete=models.PROTECT, related_name="cosignatures"
    )
    witness_key = models.CharField(max_length=300)  # the witness's verifier key
    line = models.TextField()  # "— name base64(...)\n"
    timestamp = models.BigIntegerField()  # seconds since 1970, as signed
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["checkpoint_id", "witness_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkpoint", "witness_key"], name="one_cosignature_per_witness"
            )
        ]

    def __str__(self) -> str:
        return f"cosignature on checkpoint {self.checkpoint_id}"


class ErasedRow(models.Model):
    """A domain row whose personal words were blanked by an erasure, so pages, the API and
    exports show a tombstone ("Erased on <day> at the author's request") in their place."""

    log = models.ForeignKey(Log, on_delete=models.PROTECT, related_name="erased_rows")
    label = models.CharField(max_length=60)  # the row's snapshot label, e.g. record.item
    row_id = models.BigIntegerField()
    erased_at = models.DateTimeField()
    on_request = models.BooleanField(default=False)
    erasure_seq = models.BigIntegerField()

    class Meta:
        ordering = ["log_id", "erasure_seq"]
        indexes = [models.Index(fields=["label", "row_id"], name="erased_row_lookup")]

    def __str__(self) -> str:
        return f"{self.label} {self.row_id} erased by entry {self.erasure_seq}"


class HiddenEntry(models.Model):
    """An entry the lead hid from the public view, with a reason. The entry and its content
    stay; members still read it, marked hidden. Showing it again sets shown_at."""

    class Category(models.TextChoices):
        PERSONAL = "personal", _("It names or describes someone who did not agree to be public")
        HARMFUL = "harmful", _("It could cause harm or distress if read by the public")
        CONFIDENTIAL = "confidential", _("It contains confidential research information")
        OTHER = "other", _("Another reason")

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="hidings")
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.TextField(max_length=1000, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    hidden_at = models.DateTimeField()
    hide_seq = models.BigIntegerField()
    shown_at = models.DateTimeField(null=True, blank=True)
    show_seq = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["entry_id", "-hidden_at"]

    def __str__(self) -> str:
        return f"entry {self.entry_id} hidden by entry {self.hide_seq}"

    @property
    def is_active(self) -> bool:
        return self.shown_at is None
