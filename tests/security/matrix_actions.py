"""Requests the URL-pattern table cannot hold, for every actor: a task page's own subpaths
(routed by the page, not by Django's URL patterns) with GET and POST, for a task of each
centre and a draft, and the bulk decisions of the admin with real ids of both centres.

Each action is prepared afresh with its own objects (an application waiting for a decision,
an entry of hours, a page, an image), and `state` reads what the action would change: for
an actor outside `changes` it must read the same after the request as before, whatever the
status code said. test_access_actions.py runs them.
"""

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, expectations
from tests.security.world import make_user, marker

HOSTS = {"a": "localhost", "b": "pulawy.localhost"}
_serial = itertools.count()


@dataclass
class Prepared:
    url: str
    data: dict
    state: Callable[[], object]


@dataclass
class Action:
    label: str
    prepare: Callable[[object], Prepared]
    expect: dict
    changes: frozenset = frozenset()
    method: str = "post"
    host: str = HOSTS["a"]


def _applicant(world, key, status="submitted"):
    """A new volunteer's application to centre `key`'s task, waiting for a decision."""
    from volunteers.models import Application, VolunteerProfile

    user = make_user(f"kandydat{next(_serial)}.{marker(key)}@example.org", first_name="Kandydat")
    profile = VolunteerProfile.objects.create(user=user, birth_date="1991-04-04", phone="600 100 200")
    return Application.objects.create(
        task=world.objects[f"volunteer_task_{key}"],
        volunteer=profile,
        centre=world.objects[f"centre_{key}"],
        status=status,
    )


def _status(model, pk):
    return lambda: model.objects.filter(pk=pk).values_list("status", flat=True).first()


def accept(key):
    def prepare(world):
        from volunteers.models import Application

        application = _applicant(world, key)
        return Prepared(
            "/admin/zgloszenia/przyjmij/", {"application": application.pk}, _status(Application, application.pk)
        )

    return prepare


def decline(key):
    def prepare(world):
        from volunteers.models import Application

        application = _applicant(world, key)
        data = {"application": application.pk, "step": "confirm", "reason": "Brak miejsc w tym terminie."}
        return Prepared("/admin/zgloszenia/odrzuc/", data, _status(Application, application.pk))

    return prepare


def hours(action, key):
    """Approve or reject (with a reason) a new waiting entry of the centre's volunteer."""

    def prepare(world):
        from volunteers.models import HoursEntry

        application = _applicant(world, key, status="accepted")
        task = application.task
        entry = HoursEntry.objects.create(
            volunteer=application.volunteer,
            task=task,
            task_title=task.title,
            centre=application.centre,
            date=task.start_date,
            hours="2",
        )
        data = {"reason": "Tego dnia zadania nie było."} if action == "reject" else {}
        url = f"/admin/bulk/volunteers/hoursentry/{action}/?id={entry.pk}&next=/admin/godziny/"
        return Prepared(url, data, _status(HoursEntry, entry.pk))

    return prepare


def page_bulk(action):
    def prepare(world):
        from wagtail.models import Page

        from tests.factories import make_standard

        page = make_standard(world.home_a, f"Strona {next(_serial)} {marker('a')}")
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={page.pk}&next=/admin/pages/"
        return Prepared(url, {}, lambda: Page.objects.filter(pk=page.pk, live=True).exists())

    return prepare


def media_bulk(app_label, model_name):
    def prepare(world):
        from django.apps import apps

        source = world.objects[f"{model_name}_a"]
        model = apps.get_model(app_label, model_name)
        copy = model.objects.get(pk=source.pk)
        copy.pk, copy.title = None, f"Kopia {next(_serial)} {marker('a')}"
        copy.save()
        url = f"/admin/bulk/{app_label}/{model_name}/delete/?id={copy.pk}"
        return Prepared(url, {}, lambda: model.objects.filter(pk=copy.pk).exists())

    return prepare


def user_bulk(action):
    def prepare(world):
        from django.contrib.auth import get_user_model

        user = make_user(f"osoba{next(_serial)}@example.org")
        model = get_user_model()
        url = f"/admin/bulk/{model._meta.app_label}/{model._meta.model_name}/{action}/?id={user.pk}"
        return Prepared(url, {}, lambda: list(model.objects.filter(pk=user.pk).values_list("is_active", flat=True)))

    return prepare


def task_subpath(key, subpath, *, draft=False):
    """A task page of centre `key` or its subpath; the state is its applications."""

    def prepare(world):
        from volunteers.models import Application

        task = world.objects[f"volunteer_task_{key}"]
        if draft:
            task = world.objects.get(f"draft_task_{key}") or _draft_task(world, key)
        return Prepared(
            task.url + subpath,
            {"message": f"Zgłaszam się {marker('x')}"} if subpath == "zglos/" else {},
            lambda: sorted(Application.objects.filter(task=task).values_list("volunteer_id", "status")),
        )

    return prepare


def _draft_task(world, key):
    from tests.volunteers import days_from_today, make_task

    task = make_task(
        world.objects[f"task_index_{key}"], f"Szkic zadania {marker(key)}", slug=f"szkic-zadania-{key}",
        start_date=days_from_today(5),
    )  # fmt: skip
    task.unpublish()
    world.objects[f"draft_task_{key}"] = task
    return task


SIGNED_OUT = {"visitor": LOGIN, "unverified": LOGIN}
EVERYONE = expectations(OK)
NOBODY = expectations(DENIED)  # a draft task and all its subpaths: not found, whoever asks
# The apply form: anyone signed in sees it (people without a profile are told what is
# missing); whoever already applied is sent back to the task page. Nobody in the world can
# apply successfully (volunteer2 has given no consents), so POST changes nothing either.
APPLY = {
    key: expectations(OK, **SIGNED_OUT, **{owner: REDIRECT}) for key, owner in (("a", "volunteer"), ("b", "volunteer2"))
}
# Only the application's own volunteer finds anything to withdraw: GET asks them to confirm
# (a page of its own, no JavaScript needed), POST withdraws and returns to the task.
WITHDRAW_GET = {
    key: expectations(DENIED, **SIGNED_OUT, **{owner: OK}) for key, owner in (("a", "volunteer"), ("b", "volunteer2"))
}
WITHDRAW = {
    key: expectations(DENIED, **SIGNED_OUT, **{owner: REDIRECT})
    for key, owner in (("a", "volunteer"), ("b", "volunteer2"))
}
OWNER = {"a": frozenset({"volunteer"}), "b": frozenset({"volunteer2"})}

# Decisions on a centre's applications and hours: its coordinators and supervisor (and
# superusers); everyone else is turned away and nothing changes.
ADMIN = {**SIGNED_OUT}
DECIDERS = {key: frozenset({f"coordinator@{key.upper()}", f"supervisor@{key.upper()}", "superuser"}) for key in "ab"}
DECIDE = {key: expectations(DENIED, **ADMIN, **dict.fromkeys(DECIDERS[key], REDIRECT)) for key in "ab"}
# Wagtail's own bulk actions answer staff with a redirect to the listing whatever they may
# do; what tells is whether the object changed. Residents are turned away.
WAGTAIL_BULK = expectations(REDIRECT, **ADMIN, residents=DENIED)


def _subpath_expect(key, subpath, method):
    if subpath == "zglos/":
        return APPLY[key]
    if subpath == "wycofaj/":
        return WITHDRAW[key] if method == "post" else WITHDRAW_GET[key]
    return EVERYONE


def formal_rejection(world):
    """A new offer of centre A's organisation to a call of A whose deadline has passed; the
    POST rejects it formally, which only A's grants officers (and superusers) may do."""
    from ngo_grants.models import Offer
    from tests.ngo_grants import in_days
    from tests.ngo_grants.review_helpers import review_data
    from tests.ngo_grants.staff_helpers import submitted_offer
    from tests.security.matrix_grants_admin import closed_call_a

    call = closed_call_a(world)
    offer = submitted_offer(call, world.organisation_a, now=in_days(-5))
    data = review_data(offer, action="reject", reason=f"Oferta po terminie {marker('x')}")
    return Prepared(f"/admin/oferty/{offer.pk}/ocena-formalna/", data, _status(Offer, offer.pk))


def annulment(world):
    """A call of centre A whose deadline passed without offers; the POST annuls it."""
    from ngo_grants.models import CallPage
    from tests.ngo_grants import make_call
    from tests.ngo_grants.review_helpers import close_call

    serial = next(_serial)
    call = make_call(world.call_a.get_parent(), f"Konkurs bez ofert {serial}", slug=f"konkurs-bez-ofert-{serial}")
    close_call(call)
    data = {"statement": f"Nie złożono żadnej oferty {marker('x')}"}
    state = lambda: CallPage.objects.filter(pk=call.pk).values_list("progress", flat=True).first()  # noqa: E731
    return Prepared(f"/admin/oferty/konkursy/{call.pk}/uniewaznienie/", data, state)


def _panel_a(world, assign=True):
    """A new closed call of centre A with one offer accepted formally and a committee: A's
    grants officer chairs it, "ngo_other" sits as a nominee; both declared no conflict."""
    from ngo_grants.models import MemberKind
    from ngo_grants.services import committee as service
    from tests.ngo_grants import in_days, make_call
    from tests.ngo_grants.review_helpers import accepted, close_call
    from tests.ngo_grants.scoring_helpers import assign_all
    from tests.ngo_grants.staff_helpers import submitted_offer

    serial = next(_serial)
    officer = world.users["grants_officer@A"]
    call = make_call(world.call_a.get_parent(), f"Konkurs oceniany {serial}", slug=f"konkurs-oceniany-{serial}")
    close_call(call)
    offer = accepted(submitted_offer(call, world.organisation_a, now=in_days(-5)), officer)
    committee = service.committee_of(call)
    service.appoint(committee, user=officer, person=officer, kind=MemberKind.STAFF, chair=True)
    service.appoint(committee, user=officer, person=world.users["ngo_other"], kind=MemberKind.NGO,
                    organisation=world.organisation_other)  # fmt: skip
    for member in committee.members.all():
        service.declare(member, offer, conflict=False)
    if assign:
        assign_all(committee, officer)
    return committee, offer


def _scoring_panel_a(world, assigned):
    """One committee of centre A shared by the scoring actions of an actor's run (each builds
    its own state from it): its assignments present or not, as `assigned` says."""
    from ngo_grants.models import Assignment
    from tests.ngo_grants.scoring_helpers import assign_all

    if "scoring_panel_a" not in world.objects:
        world.objects["scoring_panel_a"] = _panel_a(world, assign=False)
    committee, offer = world.objects["scoring_panel_a"]
    if assigned:
        assign_all(committee, world.users["grants_officer@A"])
    else:
        Assignment.objects.filter(member__committee=committee).delete()
    return committee, offer


def assignment(world):
    """The officer confirms the previewed assignment of the committee's offer."""
    from ngo_grants.models import Assignment
    from ngo_grants.services import scoring

    committee, _offer = _scoring_panel_a(world, assigned=False)
    data = {"seed": "5", "expected": scoring.fingerprint(scoring.plan(committee, 5))}
    state = lambda: Assignment.objects.filter(member__committee=committee).count()  # noqa: E731
    return Prepared(f"/admin/oferty/konkursy/{committee.call_id}/przydzial/", data, state)


def member_score(world):
    """A member submits a score of an offer assigned to them."""
    from ngo_grants.models import Score

    _committee, offer = _scoring_panel_a(world, assigned=True)
    Score.objects.filter(offer=offer).delete()
    data = {"action": "submit", "proposed_amount": str(offer.grant_requested), "cut_reason": "", "remarks": ""}
    for criterion in offer.call.criteria.all():
        data[f"points_{criterion.pk}"] = "7"
        data[f"justification_{criterion.pk}"] = ""
    state = lambda: sorted(Score.objects.filter(offer=offer).values_list("member__user__email", flat=True))  # noqa: E731
    return Prepared(f"/komisja/oferty/{offer.pk}/ocena/", data, state)


def recommendation(world):
    """The chair records the amount the committee recommends."""
    from ngo_grants.models import Recommendation

    committee, offer = _scoring_panel_a(world, assigned=True)
    Recommendation.objects.filter(offer=offer).delete()
    data = {"action": "recommend", f"recommend-amount_{offer.pk}": "5000", f"recommend-note_{offer.pk}": ""}
    state = lambda: list(Recommendation.objects.filter(offer=offer).values_list("amount", flat=True))  # noqa: E731
    return Prepared(f"/komisja/konkursy/{committee.call_id}/ranking/", data, state)


def head_decision(world):
    """The head of centre A decides on a call whose committee adopted its opinion."""
    from ngo_grants.models import CallPage
    from tests.ngo_grants.scoring_helpers import Panel, adopted

    committee, offer = _panel_a(world)
    members = list(committee.members.filter(chair=False))
    adopted(Panel(offer.call, committee, committee.chair(), members, None, [offer]), world.users["grants_officer@A"])
    data = {"reference": f"Zarządzenie {marker('x')}", "decided_on": "2026-12-01",
            f"amount_{offer.pk}": str(offer.grant_requested), f"reason_{offer.pk}": ""}  # fmt: skip
    state = lambda: CallPage.objects.filter(pk=offer.call_id).values_list("progress", flat=True).first()  # noqa: E731
    return Prepared(f"/admin/oferty/konkursy/{offer.call_id}/decyzja/", data, state)


def _agreement_a(world, *, ended):
    """The agreement of centre A's granted offer with no reports: its task ended yesterday (the
    final report can be filed) or as the offer planned it (a partial report can be called for)."""
    from ngo_grants.models import Agreement, Report
    from ngo_grants.services.agreements import period_of
    from tests.ngo_grants.agreement_helpers import ended as end
    from tests.security.matrix_grants_admin import agreement_a

    offer = agreement_a(world)
    Report.objects.filter(agreement__offer=offer).delete()
    if ended:
        return end(offer.agreement)
    starts_on, ends_on = period_of(offer)
    Agreement.objects.filter(offer=offer).update(starts_on=starts_on, ends_on=ends_on, partial_report_on=None)
    return Agreement.objects.get(offer=offer)


# The agreed lines of agreement_a (its accepted update), spent exactly as agreed.
AS_AGREED = (("8000", "8000", "0"), ("1000", "0", "1000"))


def report_filing(world):
    """The writers of A's granted organisation file the final report."""
    from ngo_grants.models import Report

    agreement = _agreement_a(world, ended=True)
    data = {"actions": f"Działania {marker('x')}", "results": "Rezultaty osiągnięte."}
    for index, amounts in enumerate(AS_AGREED):
        keys = (f"line_{index}_total", f"line_{index}_from_grant", f"line_{index}_from_other")
        data.update(dict(zip(keys, amounts, strict=True)))
    state = lambda: Report.objects.filter(agreement=agreement).count()  # noqa: E731
    return Prepared(f"/oferty/{agreement.offer_id}/sprawozdanie-koncowe/", data, state)


def report_decision(world):
    """A's grants officer returns a final report with remarks."""
    from decimal import Decimal

    from ngo_grants.models import Report, ReportKind
    from ngo_grants.services import reports

    agreement = _agreement_a(world, ended=True)
    report = reports.submit_report(
        agreement,
        user=world.users["ngo_admin"],
        kind=ReportKind.FINAL,
        actions="Działania.",
        results="Rezultaty.",
        actual=[tuple(Decimal(value) for value in line) for line in AS_AGREED],
        explanations=["", ""],
    )
    prefix = f"report-{report.pk}"
    data = {"form": "report", "report": report.pk, f"{prefix}-decision": "return", f"{prefix}-remarks": "Uzupełnić."}
    state = lambda: Report.objects.filter(pk=report.pk).values_list("accepted", flat=True).first()  # noqa: E731
    return Prepared(f"/admin/oferty/{agreement.offer_id}/sprawozdania/", data, state)


def partial_call(world):
    """A's grants officer calls for a partial report due in 40 days."""
    import datetime

    from django.utils import timezone

    from ngo_grants.models import Agreement

    agreement = _agreement_a(world, ended=False)
    due = timezone.localdate() + datetime.timedelta(days=40)
    state = lambda: Agreement.objects.filter(pk=agreement.pk).values_list("partial_report_on", flat=True).first()  # noqa: E731
    return Prepared(f"/admin/oferty/{agreement.offer_id}/sprawozdania/", {"form": "partial", "partial-due": due}, state)


def _small_grant_a(world, *, published_days_ago=None):
    """A new small-grant offer of the world's organisation to centre A, filed (and published
    `published_days_ago` days ago, so its 7 days of comments are over)."""
    import datetime

    from django.utils import timezone

    from ngo_grants.services import small_grants

    starts_on = timezone.localdate() + datetime.timedelta(days=20)
    grant = small_grants.file_offer(
        user=world.users["ngo_admin"], organisation=world.organisation_a, centre=world.centre_a,
        title=f"Mały grant {marker('x')}", public_task="pomoc społeczna", description="Opis.", results="Wyniki.",
        starts_on=starts_on, ends_on=starts_on + datetime.timedelta(days=5), lines=[("Koszt", 100, 100, 0)],
    )  # fmt: skip
    if published_days_ago is not None:
        when = timezone.now() - datetime.timedelta(days=published_days_ago)
        grant = small_grants.publish(grant, user=world.users["grants_officer@A"], now=when)
    return grant


def small_grant_publication(world):
    """A's grants officer publishes a small-grant offer for comments."""
    from ngo_grants.models import SmallGrant

    grant = _small_grant_a(world)
    return Prepared(f"/admin/oferty/male-granty/{grant.pk}/", {"form": "publish"}, _status(SmallGrant, grant.pk))


def small_grant_decision(world):
    """A's grants officer refuses a small grant whose comments are over."""
    from ngo_grants.models import SmallGrant

    grant = _small_grant_a(world, published_days_ago=9)
    data = {"form": "decision", "decision-decision": "refuse", "decision-reason": "Brak uzasadnienia celowości."}
    return Prepared(f"/admin/oferty/male-granty/{grant.pk}/", data, _status(SmallGrant, grant.pk))


REVIEWERS_A = frozenset({"grants_officer@A", "superuser"})
HEADS_A = frozenset({"supervisor@A", "superuser"})
MEMBERS_A = frozenset({"grants_officer@A", "ngo_other"})
# The writers of the organisation that holds A's grant agreement.
WRITERS_A = frozenset({"ngo_admin", "ngo_editor"})


ACTIONS = [
    *[
        Action(
            f"{method.upper()} task {key.upper()} /{subpath}",
            task_subpath(key, subpath),
            _subpath_expect(key, subpath, method),
            changes=OWNER[key] if (subpath, method) == ("wycofaj/", "post") else frozenset(),
            method=method,
            host=HOSTS[key],
        )
        for key in "ab"
        for subpath in ("", "zglos/", "wycofaj/", "kalendarz/")
        for method in ("get", "post")
    ],
    *[
        Action(
            f"{method.upper()} draft task A /{subpath}", task_subpath("a", subpath, draft=True), NOBODY, method=method
        )
        for subpath in ("", "zglos/", "wycofaj/", "kalendarz/")
        for method in ("get", "post")
    ],
    *[Action(f"accept application {key.upper()}", accept(key), DECIDE[key], DECIDERS[key]) for key in "ab"],
    *[Action(f"decline application {key.upper()}", decline(key), DECIDE[key], DECIDERS[key]) for key in "ab"],
    *[
        Action(f"{verb} hours {key.upper()}", hours(verb, key), DECIDE[key], DECIDERS[key])
        for verb in ("approve", "reject")
        for key in "ab"
    ],
    *[
        Action(f"bulk {verb} page A", page_bulk(verb), WAGTAIL_BULK, frozenset({"moderator@A", "superuser"}))
        for verb in ("delete", "unpublish")
    ],
    *[
        Action(
            f"bulk delete {name} A",
            media_bulk(app, name),
            WAGTAIL_BULK,
            frozenset({"editor@A", "moderator@A", "superuser", *also}),
        )
        # Grants officers keep the calls' regulations in the centre's documents; Wagtail lets
        # whoever may change a document delete it.
        for app, name, also in (("wagtailimages", "image", ()), ("wagtaildocs", "document", ("grants_officer@A",)))
    ],
    Action(
        "formal rejection of an offer to A",
        formal_rejection,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "annulment of a call of A",
        annulment,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "assignment of a committee's offers in A",
        assignment,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "a member's score of an offer of A",
        member_score,
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, **dict.fromkeys(MEMBERS_A, REDIRECT)),
        MEMBERS_A,
    ),
    Action(
        "the chair's recommended amount in A",
        recommendation,
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, grants_officer_at_A=REDIRECT),
        frozenset({"grants_officer@A"}),
    ),
    Action(
        "the head's decision on a call of A",
        head_decision,
        expectations(DENIED, **ADMIN, **dict.fromkeys(HEADS_A, REDIRECT)),
        HEADS_A,
    ),
    Action(
        "the call for a partial report under an agreement of A",
        partial_call,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "the final report under an agreement of A",
        report_filing,
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN, **dict.fromkeys(WRITERS_A, REDIRECT)),
        WRITERS_A,
    ),
    Action(
        "the decision on a report under an agreement of A",
        report_decision,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "publication of a small grant of A for comments",
        small_grant_publication,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "the decision on a small grant of A",
        small_grant_decision,
        expectations(DENIED, **ADMIN, **dict.fromkeys(REVIEWERS_A, REDIRECT)),
        REVIEWERS_A,
    ),
    Action(
        "bulk delete user",
        user_bulk("delete"),
        expectations(DENIED, **ADMIN, superuser=REDIRECT),
        frozenset({"superuser"}),
    ),
]
