from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Short words like "sent" or "to" mean other things elsewhere in Wagtail's and allauth's
# catalogues; a context ("outgoing e-mail", written out so makemessages can read it) keeps
# our translation of them to this model.


class MailStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("outgoing e-mail", "waiting to be sent")
    SENT = "sent", pgettext_lazy("outgoing e-mail", "sent")
    FAILED = "failed", pgettext_lazy("outgoing e-mail", "failed")


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Mails waiting whose next attempt has come."""
        return self.filter(status=MailStatus.PENDING, next_attempt_at__lte=now or timezone.now())

    def undelivered(self):
        return self.exclude(status=MailStatus.SENT)


class OutgoingMail(models.Model):
    """One e-mail on its way out (the outbox, see core.mail).

    The row is written in the same transaction as the action that caused the mail, so the
    mail is kept exactly when the action is; delivery happens after commit and is retried
    until the mail server takes it. `site` says which centre's site the mail speaks for, so
    each centre's staff see only their own mails; it points at Wagtail's Site, not at any
    app of the project, so this app stays below all of them.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=pgettext_lazy("outgoing e-mail", "site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sender = models.CharField(pgettext_lazy("outgoing e-mail", "from"), max_length=320)
    to = models.EmailField(pgettext_lazy("outgoing e-mail", "to"), max_length=254)
    subject = models.CharField(pgettext_lazy("outgoing e-mail", "subject"), max_length=998)
    text = models.TextField(pgettext_lazy("outgoing e-mail", "text"))
    html = models.TextField(_("HTML version"), blank=True)
    status = models.CharField(
        pgettext_lazy("outgoing e-mail", "status"), max_length=8, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(pgettext_lazy("outgoing e-mail", "attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="core_mail_due")]

    def __str__(self):
        return f"{self.to}: {self.subject}"

    @property
    def is_pending(self):
        return self.status == MailStatus.PENDING
