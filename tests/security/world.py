"""Real objects of two centres and one user per actor, for the access matrix.

Centre A is MOPS Jasło (the default site), centre B is MOPS Puławy. Object URLs in the matrix
point at centre A's objects, so "role@B" rows prove that another centre's staff are kept out.
"""

import datetime
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Collection

from accounts.models import AuditEntry, CentreRole
from core.models import Centre
from home.models import StandardPage
from tests.factories import make_centre, make_image, make_news, make_news_index, make_standard
from tests.security.access import STAFF_ROLES
from volunteers.models import DisabilityKind, Language, Skill

PASSWORD = "haslo-testowe-2026"


def marker(key):
    """A token in every title of a centre's objects: finding centre A's token in an admin page
    shown to centre B's staff is a leak, whatever the status code said."""
    return f"znacznik{key.lower()}x7q"


@dataclass
class World:
    site_a: object
    site_b: object
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def make_user(email, *, verified=True, mfa=False, **extra):
    user = get_user_model().objects.create_user(email, PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if mfa:
        TOTP.activate(user, generate_totp_secret())
    return user


def grant_role(user, centre_site, role):
    """Give `user` a staff role in a centre through the project's own role mechanism."""
    from accounts.roles import grant_role as grant

    grant(user, centre_site, role)


def collection_for(site, name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def build_world():
    site_a = make_centre(hostname="localhost", port=80, default=True)
    site_b = make_centre(
        hostname="pulawy.localhost",
        port=80,
        default=False,
        name="Miejski Ośrodek Pomocy Społecznej w Puławach",
        short_name="MOPS Puławy",
    )
    world = World(site_a=site_a, site_b=site_b)
    objects = world.objects
    for key, site in (("a", site_a), ("b", site_b)):
        index = make_news_index(site)
        objects[f"home_{key}"] = site.root_page
        objects[f"news_index_{key}"] = index
        objects[f"news_{key}"] = make_news(index, f"Wiadomość {marker(key)}", date=datetime.date(2026, 3, 1))
        objects[f"page_{key}"] = make_standard(site.root_page, f"Program {marker(key)}")
        draft = StandardPage(title=f"Szkic {marker(key)}", slug=f"szkic-{key}", live=False)
        site.root_page.add_child(instance=draft)
        draft.save_revision()
        objects[f"draft_{key}"] = draft
        collection = collection_for(site, site.site_name)
        objects[f"collection_{key}"] = collection
        image = make_image(f"Zdjęcie {marker(key)}")
        image.collection = collection
        image.save()
        objects[f"image_{key}"] = image
        objects[f"document_{key}"] = get_document_model().objects.create(
            title=f"Dokument {marker(key)}",
            collection=collection,
            file=ContentFile(b"%PDF-1.4 test", name=f"dok-{key}.pdf"),
        )
        objects[f"redirect_{key}"] = Redirect.objects.create(old_path=f"/stary-{key}", site=site, redirect_link="/")
    objects["revision_a"] = objects["page_a"].latest_revision
    objects["skill"] = Skill.objects.create(name="Opieka nad seniorami")
    # Created here, not taken from the seeded lists: a flushed test database has none.
    objects["language"] = Language.objects.create(name="francuski")
    objects["disability_kind"] = DisabilityKind.objects.create(name="afazja")
    workspace = Centre.for_site(site_a).workspace
    objects["workflow_a"] = workspace.workflow.pk
    objects["task_a"] = workspace.workflow.tasks.first().pk
    objects["collection_a"] = workspace.collection

    users = world.users
    users["resident"] = make_user("mieszkanka@example.org")
    users["unverified"] = make_user("niepotwierdzony@example.org", verified=False)
    users["superuser"] = make_user("admin@example.org", mfa=True, is_staff=True, is_superuser=True)
    for role in STAFF_ROLES:
        for key, site in (("A", site_a), ("B", site_b)):
            user = make_user(f"{role}.{marker(key)}@example.org", mfa=True)
            grant_role(user, site, role)
            users[f"{role}@{key}"] = user
    objects["user_a"] = users["editor@A"]
    centre_a = Centre.for_site(site_a)
    objects["centre_role_a"] = CentreRole.objects.get(centre=centre_a, role="editor")
    objects["audit_entry_a"] = AuditEntry.objects.filter(centre=centre_a).first()
    add_volunteering(world)
    add_ngo(world)
    return world


def add_ngo(world):
    """Open calls of both centres and two organisations: "ngo_admin" and "ngo_editor" run the
    one that wrote a draft offer to centre A's call (and that centre A verified); "ngo_other"
    administers another one. Names carry centre A's marker, so a listing that leaks them to
    centre B's staff fails the matrix."""
    from ngo_grants.models import MemberRole, Offer
    from tests.ngo_grants import add_member, complete_draft, make_call, make_call_index, make_organisation

    objects, users = world.objects, world.users
    for key, site in (("a", world.site_a), ("b", world.site_b)):
        index = make_call_index(site)
        objects[f"call_index_{key}"] = index
        call = make_call(index, f"Konkurs {marker(key)}", slug=f"konkurs-{key}")
        objects[f"call_{key}"] = call
        objects[f"public_task_{key}"] = call.tasks.get()
    users["ngo_admin"] = make_user(f"ngo.admin.{marker('a')}@example.org")
    users["ngo_editor"] = make_user(f"ngo.editor.{marker('a')}@example.org")
    users["ngo_other"] = make_user("ngo.inna@example.org")
    organisation = make_organisation(users["ngo_admin"], name=f"Stowarzyszenie {marker('a')}", centres=[world.centre_a])
    add_member(organisation, users["ngo_editor"], MemberRole.EDITOR)
    objects["organisation_a"] = organisation
    objects["organisation_other"] = make_organisation(users["ngo_other"], name="Fundacja Inna", number=1)
    task = world.public_task_a
    objects["offer_a"] = Offer.objects.create(
        call=world.call_a,
        task=task,
        organisation=organisation,
        centre=world.centre_a,
        created_by=users["ngo_editor"],
        title=f"Oferta {marker('a')}",
        draft=complete_draft(task),
    )


def add_volunteering(world):
    """Tasks of both centres and two volunteers: "volunteer" was accepted for centre A's task
    (which lasts over 30 days, so it has an agreement), logged hours there and was checked by
    centre A; "volunteer2" applied to centre B's task only. Titles and names carry the
    centre's marker, so a listing that leaks them to the other centre fails the matrix."""
    from tests.volunteers import days_from_today, make_task, make_task_index
    from volunteers.models import (
        Agreement,
        Application,
        Clearance,
        ClearanceKind,
        ClearanceResult,
        HoursEntry,
        VolunteerProfile,
    )

    objects, users = world.objects, world.users
    for key, site in (("a", world.site_a), ("b", world.site_b)):
        index = make_task_index(site)
        objects[f"task_index_{key}"] = index
        objects[f"volunteer_task_{key}"] = make_task(
            index,
            f"Zadanie {marker(key)}",
            slug=f"zadanie-{key}",
            kind="recurring",
            start_date=days_from_today(-10),
            end_date=days_from_today(60),
            weekdays=[1, 3],
        )
        objects[f"centre_{key}"] = Centre.for_site(site)
    for actor, key, status in (("volunteer", "a", "accepted"), ("volunteer2", "b", "submitted")):
        user = make_user(f"{actor}.{marker(key)}@example.org", first_name="Wiktor", last_name=marker(key))
        users[actor] = user
        profile = VolunteerProfile.objects.create(
            user=user, birth_date=datetime.date(1990, 5, 5), phone="600 100 200", address=f"ul. {marker(key)} 1"
        )
        objects[f"profile_{key}"] = profile
        objects[f"application_{key}"] = Application.objects.create(
            task=objects[f"volunteer_task_{key}"], volunteer=profile, centre=objects[f"centre_{key}"], status=status
        )
    task_a, centre_a, profile_a = world.volunteer_task_a, world.centre_a, world.profile_a
    objects["agreement_a"] = Agreement.objects.create(
        volunteer=profile_a,
        task=task_a,
        centre=centre_a,
        scope=f"Zakres {marker('a')}",
        starts_on=task_a.start_date,
        ends_on=task_a.last_date,
        signed_on=days_from_today(-10),
    )
    objects["hours_a"] = HoursEntry.objects.create(
        volunteer=profile_a,
        task=task_a,
        task_title=task_a.title,
        centre=centre_a,
        date=days_from_today(-3),
        hours="2.5",
        note=f"Notatka {marker('a')}",
    )
    objects["clearance_a"] = Clearance.objects.create(
        profile=profile_a,
        centre=centre_a,
        kind=ClearanceKind.CRIMINAL_RECORD,
        checked_on=days_from_today(-20),
        result=ClearanceResult.CLEAR,
        checked_by=users["coordinator@A"],
        expires_on=days_from_today(345),
    )
