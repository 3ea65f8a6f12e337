from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet


class Skill(models.Model):
    """One word of the vocabulary shared by volunteers' skills and beneficiaries' needs.

    Staff edit it in the admin (Snippets); it is one list for every centre, so a volunteer
    who helps two centres describes themselves once.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("skill or interest")
        verbose_name_plural = _("skills and interests")
        ordering = ["name"]

    def __str__(self):
        return self.name


class District(models.Model):
    """A part of the town where a centre works: volunteers say where they can help."""

    centre = models.ForeignKey(
        "core.Centre", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="districts"
    )
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["centre", "name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="volunteers_district_unique_name")]

    def __str__(self):
        return f"{self.name} ({self.centre})"


class Language(models.Model):
    """A language a volunteer speaks besides Polish: a short list staff edit (Snippets), so a
    need asking for Ukrainian finds everyone who ticked the same word."""

    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DisabilityKind(models.Model):
    """A kind of disability: volunteers say which they have experience with, needs which
    experience they require. One list for both, edited by staff (Snippets)."""

    name = models.CharField(_("name"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("kind of disability")
        verbose_name_plural = _("kinds of disability")
        ordering = ["name"]

    def __str__(self):
        return self.name


register_snippet(Skill)
register_snippet(Language)
register_snippet(DisabilityKind)
