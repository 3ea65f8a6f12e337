"""The committee that gives its opinion on a call's offers (art. 15 ust. 2a–2d of the Act).

Members are people with accounts: the centre's staff, persons nominated by organisations, and
advisory experts (art. 15 ust. 2d). Before opening an offer each member declares, for that
offer, whether a ground of art. 24 KPA applies to them; a member with a conflict never opens,
scores or reads the scores of that offer.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.scoping import CentreScopedQuerySet, centres_for
from ngo_grants.roles import GRANTS_STAFF


class MemberKind(models.TextChoices):
    STAFF = "staff", _("representative of the centre")
    NGO = "ngo", _("person nominated by an organisation")
    EXPERT = "expert", _("expert with an advisory voice")


class NoNgoException(models.TextChoices):
    """Art. 15 ust. 2da: when the committee may sit without NGO nominees."""

    NONE_NOMINATED = "none_nominated", _("no organisation nominated anyone (art. 15 ust. 2da pkt 1)")
    NOT_APPOINTED = "not_appointed", _("the persons nominated were not appointed (art. 15 ust. 2da pkt 2)")
    ALL_EXCLUDED = "all_excluded", _("every nominee appointed is excluded under ust. 2d (art. 15 ust. 2da pkt 3)")


class ConflictGround(models.TextChoices):
    """Art. 24 KPA, as it applies to a committee member (art. 15 ust. 2d of the Act)."""

    PERSONAL = "personal", _("the offer concerns me personally or my rights (art. 24 § 1 pkt 1 KPA)")
    FAMILY = "family", _("a spouse or relative is involved (art. 24 § 1 pkt 2–3 KPA)")
    REPRESENTATIVE = "representative", _("I represent the organisation or a person involved (art. 24 § 1 pkt 4 KPA)")
    SUBORDINATION = "subordination", _("a superior or subordinate of mine is involved (art. 24 § 1 pkt 7 KPA)")
    DOUBT = "doubt", _("other circumstances that may cast doubt on my impartiality (art. 24 § 3 KPA)")


class CommitteeQuerySet(CentreScopedQuerySet):
    visible_to_roles = GRANTS_STAFF
    centre_field = "centre"


class Committee(models.Model):
    call = models.OneToOneField("ngo_grants.CallPage", on_delete=models.CASCADE, related_name="committee")
    centre = models.ForeignKey("core.Centre", on_delete=models.PROTECT, related_name="+")
    no_ngo_exception = models.CharField(
        _("why no NGO nominee sits on it"), max_length=16, choices=NoNgoException.choices, blank=True
    )
    exception_note = models.TextField(_("note on the exception"), blank=True)
    meeting_on = models.DateField(_("meeting"), null=True, blank=True)
    # Set when the chair adopts the committee's opinion; scores and recommendations are final then.
    opinion_adopted_at = models.DateTimeField(_("opinion adopted"), null=True, blank=True)
    opinion_adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self):
        return str(self.call)

    def chair(self):
        return self.members.filter(chair=True).select_related("user").first()


class CommitteeMemberQuerySet(models.QuerySet):
    def of_user(self, user):
        return self.filter(user=user) if user.is_authenticated else self.none()

    def visible_to(self, user):
        return self.filter(committee__centre__in=centres_for(user, *GRANTS_STAFF))


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.PROTECT, related_name="committee_seats"
    )
    kind = models.CharField(_("seat"), max_length=8, choices=MemberKind.choices)
    organisation = models.ForeignKey(
        "ngo_grants.Organisation",
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    chair = models.BooleanField(_("chair"), default=False)
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    appointed_at = models.DateTimeField(_("appointed"), default=timezone.now)
    # Recorded by the chair when the committee adopts its opinion; unknown (None) before.
    attended = models.BooleanField(_("present at the meeting"), null=True, blank=True)

    objects = CommitteeMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["-chair", "kind", "user__last_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "user"], name="ngo_grants_committeemember_unique"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    @property
    def votes(self):
        """Advisory experts give their opinion but do not score (art. 15 ust. 2d)."""
        return self.kind != MemberKind.EXPERT


class Declaration(models.Model):
    """A member's statement on one offer before opening it; never changed, only followed by a
    later declaration of a conflict that came to light."""

    member = models.ForeignKey(CommitteeMember, on_delete=models.CASCADE, related_name="declarations")
    offer = models.ForeignKey("ngo_grants.Offer", on_delete=models.CASCADE, related_name="declarations")
    conflict = models.BooleanField(_("conflict of interest"))
    ground = models.CharField(_("ground"), max_length=16, choices=ConflictGround.choices, blank=True)
    reason = models.TextField(_("explanation"), blank=True)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("declaration of impartiality")
        verbose_name_plural = _("declarations of impartiality")
        ordering = ["declared_at", "pk"]

    def __str__(self):
        return f"{self.member} – {self.offer}"
