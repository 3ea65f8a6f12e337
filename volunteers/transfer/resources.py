"""Spreadsheets a centre takes out of Pomost: its volunteers, applications and hours.

The resources are django-import-export `Resource`s; `export(kind, user, centre, fmt)` picks
one, limits it to what the user may see in that centre and returns the file's bytes.

Headers are fixed Polish words, whatever language the admin is shown in: the files go to
other offices and come back as imports (`volunteers.transfer.importing` reads the same headers), so
they are a file format, not interface text. Words inside cells (statuses) are written in the
site's language for the same reason.

No cell can act as a formula when the file is opened: the formats come from
core.spreadsheets, which escapes every cell (see there).
"""

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, DecimalField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.fields import Field

from core.spreadsheets import FORMATS, CentreResource
from volunteers.models import (
    Application,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    District,
    HoursEntry,
    HoursStatus,
    VolunteerProfile,
)
from volunteers.permissions import profiles_of_centre


def _person(profile):
    return profile.user.get_full_name() if profile else _("(volunteer's data erased)")


class VolunteerResource(CentreResource):
    first_name = Field(column_name="imię")
    last_name = Field(column_name="nazwisko")
    email = Field(column_name="e-mail")
    phone = Field(column_name="telefon")
    birth_date = Field(column_name="data urodzenia")
    address = Field(column_name="adres")
    skills = Field(column_name="umiejętności")
    districts = Field(column_name="dzielnice")
    languages = Field(column_name="języki")
    driving_licence = Field(column_name="prawo jazdy")
    has_car = Field(column_name="samochód")
    disability_experience = Field(column_name="doświadczenie z niepełnosprawnościami")
    matching_note = Field(column_name="inne języki i doświadczenie")
    gender = Field(column_name="płeć")
    regular_help = Field(column_name="stała pomoc")
    max_concurrent = Field(column_name="ile osób naraz")
    clearances = Field(column_name="weryfikacja (ochrona dzieci)")
    applications = Field(column_name="liczba zgłoszeń")
    approved_hours = Field(column_name="zatwierdzone godziny")

    @staticmethod
    def queryset(user, centre):
        applications = (
            Application.objects.filter(volunteer=OuterRef("pk"), centre=centre)
            .values("volunteer")
            .annotate(n=Count("pk"))
            .values("n")
        )
        hours = (
            HoursEntry.objects.filter(volunteer=OuterRef("pk"), centre=centre, status=HoursStatus.APPROVED)
            .values("volunteer")
            .annotate(total=Sum("hours"))
            .values("total")
        )
        return (
            profiles_of_centre(user, centre)
            .select_related("user")
            .annotate(
                application_count=Coalesce(Subquery(applications, output_field=IntegerField()), Value(0)),
                approved_hours=Coalesce(
                    Subquery(hours, output_field=DecimalField()), Value(Decimal("0")), output_field=DecimalField()
                ),
            )
            .order_by("user__last_name", "user__first_name", "pk")
        )

    def before_export(self, queryset, **kwargs):
        """Skills, districts and checks of all exported volunteers, each in one query."""
        ids = queryset.values("pk")
        self.skill_names = defaultdict(list)
        through = VolunteerProfile.skills.through.objects.filter(volunteerprofile__in=ids)
        for profile_id, name in through.values_list("volunteerprofile_id", "skill__name").order_by("skill__name"):
            self.skill_names[profile_id].append(name)
        self.language_names = self._names(VolunteerProfile.languages.through, ids, "language")
        self.experience_names = self._names(VolunteerProfile.disability_experience.through, ids, "disabilitykind")
        # Only this centre's districts: where someone helps another centre is not its business.
        self.district_names = defaultdict(list)
        through = VolunteerProfile.districts.through.objects.filter(
            volunteerprofile__in=ids, district__in=District.objects.filter(centre=self.centre)
        )
        for profile_id, name in through.values_list("volunteerprofile_id", "district__name").order_by("district__name"):
            self.district_names[profile_id].append(name)
        self.latest_checks = defaultdict(dict)
        checks = Clearance.objects.filter(profile__in=ids, centre=self.centre).order_by("-checked_on", "-pk")
        for check in checks:
            self.latest_checks[check.profile_id].setdefault(check.kind, check)

    @staticmethod
    def _names(through, ids, target):
        names = defaultdict(list)
        rows = through.objects.filter(volunteerprofile__in=ids).values_list("volunteerprofile_id", f"{target}__name")
        for profile_id, name in rows.order_by(f"{target}__name"):
            names[profile_id].append(name)
        return names

    def dehydrate_first_name(self, profile):
        return profile.user.first_name

    def dehydrate_last_name(self, profile):
        return profile.user.last_name

    def dehydrate_email(self, profile):
        return profile.user.email

    def dehydrate_phone(self, profile):
        return profile.phone

    def dehydrate_birth_date(self, profile):
        return self.day(profile.birth_date)

    def dehydrate_address(self, profile):
        return profile.address

    def dehydrate_skills(self, profile):
        return "; ".join(self.skill_names[profile.pk])

    def dehydrate_districts(self, profile):
        return "; ".join(self.district_names[profile.pk])

    def dehydrate_languages(self, profile):
        return "; ".join(self.language_names[profile.pk])

    def dehydrate_disability_experience(self, profile):
        return "; ".join(self.experience_names[profile.pk])

    def dehydrate_matching_note(self, profile):
        return profile.matching_note

    def dehydrate_gender(self, profile):
        return profile.get_gender_display() if profile.gender else ""

    def dehydrate_regular_help(self, profile):
        return self.yes_no(profile.regular_help)

    def dehydrate_driving_licence(self, profile):
        return self.yes_no(profile.driving_licence)

    def dehydrate_has_car(self, profile):
        return self.yes_no(profile.has_car)

    def dehydrate_max_concurrent(self, profile):
        return profile.max_concurrent

    def dehydrate_clearances(self, profile):
        return clearance_summary(self.latest_checks[profile.pk], timezone.localdate())

    def dehydrate_applications(self, profile):
        return profile.application_count

    def dehydrate_approved_hours(self, profile):
        return self.number(profile.approved_hours)


def clearance_summary(latest, today):
    """One cell on the four child-protection checks, from the latest check of each kind,
    by the same rules as `services.profile.clearance_state`."""
    if not latest:
        return _("not checked yet")
    missing, expired, unclear, valid_until = [], [], [], []
    for kind in ClearanceKind:
        check = latest.get(kind.value)
        if check is None:
            missing.append(kind.label)
        elif check.result == ClearanceResult.ENTRY_FOUND:
            unclear.append(kind.label)
        elif check.is_valid_on(today):
            valid_until.append(check.expires_on)
        else:
            expired.append(kind.label)
    if not (missing or expired or unclear):
        return _("all valid until %(date)s") % {"date": min(valid_until).isoformat()}
    groups = (
        (_("missing: %(checks)s"), missing),
        (_("expired: %(checks)s"), expired),
        (_("needs clarifying: %(checks)s"), unclear),
    )
    parts = [message % {"checks": ", ".join(str(kind) for kind in kinds)} for message, kinds in groups if kinds]
    return "; ".join(parts)


class ApplicationResource(CentreResource):
    task = Field(column_name="zadanie")
    volunteer = Field(column_name="wolontariusz")
    email = Field(column_name="e-mail")
    status = Field(column_name="status")
    submitted = Field(column_name="zgłoszono")
    decided = Field(column_name="decyzja")
    decline_reason = Field(column_name="powód odmowy")

    @staticmethod
    def queryset(user, centre):
        return (
            Application.objects.visible_to(user)
            .filter(centre=centre)
            .select_related("task", "volunteer__user")
            .order_by("task__title", "created_at", "pk")
        )

    def dehydrate_task(self, application):
        return application.task.title

    def dehydrate_volunteer(self, application):
        return _person(application.volunteer)

    def dehydrate_email(self, application):
        return application.volunteer.user.email

    def dehydrate_status(self, application):
        return application.get_status_display()

    def dehydrate_submitted(self, application):
        return self.moment(application.created_at)

    def dehydrate_decided(self, application):
        return self.moment(application.decided_at)

    def dehydrate_decline_reason(self, application):
        return application.decline_reason


class HoursResource(CentreResource):
    date = Field(column_name="data")
    volunteer = Field(column_name="wolontariusz")
    task = Field(column_name="zadanie")
    hours = Field(column_name="godziny")
    status = Field(column_name="status")
    note = Field(column_name="notatka")

    @staticmethod
    def queryset(user, centre):
        return (
            HoursEntry.objects.visible_to(user)
            .filter(centre=centre)
            .select_related("volunteer__user")
            .order_by("date", "pk")
        )

    def dehydrate_date(self, entry):
        return self.day(entry.date)

    def dehydrate_volunteer(self, entry):
        return _person(entry.volunteer)

    def dehydrate_task(self, entry):
        return entry.task_title

    def dehydrate_hours(self, entry):
        return self.number(entry.hours)

    def dehydrate_status(self, entry):
        return entry.get_status_display()

    def dehydrate_note(self, entry):
        return entry.note


# URL slug (also the file name's start) → (resource, the model permission it needs)
KINDS = {
    "wolontariusze": (VolunteerResource, "volunteers.view_volunteerprofile"),
    "zgloszenia": (ApplicationResource, "volunteers.view_application"),
    "godziny": (HoursResource, "volunteers.view_hoursentry"),
}


def export(kind, user, centre, fmt):
    """The bytes of the `kind` spreadsheet of `centre` as `user` may see it, in format `fmt`."""
    resource_class, _permission = KINDS[kind]
    file_format = FORMATS[fmt]()
    with translation.override(settings.LANGUAGE_CODE):
        resource = resource_class(centre, native=fmt == "xlsx")
        dataset = resource.export(resource_class.queryset(user, centre))
        dataset.title = kind  # the sheet's name in XLSX
        data = file_format.export_data(dataset)
    return data.encode("utf-8") if isinstance(data, str) else data
