"""The volunteer's own profile: an overview and four short steps.

Each step is saved on its own, so nothing typed is lost if the person stops half-way; steps
2–4 open only once step 1 is settled (age, and for a minor the guardian's consent).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from volunteers import match_views, services
from volunteers.consents import CONSENT_TEXTS
from volunteers.documents import views as document_views
from volunteers.forms import AboutForm, ApplicationForm, AvailabilityForm, ConsentsForm, InterestsForm, slot_value
from volunteers.hours import views as hours_views
from volunteers.models import Application, ApplicationStatus, VolunteerProfile

PROFILE_STEPS = [
    ("about", _("About you"), "volunteers:profile_about"),
    ("interests", _("What you like to do"), "volunteers:profile_interests"),
    ("availability", _("When you can help"), "volunteers:profile_availability"),
    ("consents", _("Consents"), "volunteers:profile_consents"),
]


def step_context(current, profile):
    open_steps = profile is not None and not services.profile.guardian_consent_missing(profile)
    steps = [
        {"key": key, "title": title, "url": reverse(url_name), "current": key == current, "open": open_steps or i == 0}
        for i, (key, title, url_name) in enumerate(PROFILE_STEPS)
    ]
    number = next(i for i, step in enumerate(steps) if step["current"])
    return {
        "steps": steps,
        "step": steps[number],
        "step_number": number + 1,
        "step_count": len(steps),
        "previous": steps[number - 1] if number else None,
    }


def after_save(request, profile, current):
    """Next step while the profile is being filled in; back to the overview once it is complete."""
    if services.profile.is_profile_complete(profile):
        messages.success(request, _("Saved."))
        return redirect("volunteers:profile")
    keys = [key for key, _title, _url in PROFILE_STEPS]
    following = keys.index(current) + 1
    if following < len(keys):
        return redirect(PROFILE_STEPS[following][2])
    return redirect("volunteers:profile")


def render_step(request, current, form, profile, **extra):
    context = {"form": form, "profile": profile, **step_context(current, profile), **extra}
    return render(request, f"volunteers/profile/step_{current}.html", context)


def ready_profile(request):
    """The profile with step 1 settled, or None (the caller then sends the person to step 1)."""
    profile = services.profile.own_profile(request.user)
    if profile is None or services.profile.guardian_consent_missing(profile):
        return None
    return profile


@login_required
def profile_overview(request):
    profile = services.profile.own_profile(request.user)
    context = {"profile": profile, "steps": step_context("about", profile)["steps"]}
    if profile is not None:
        context.update(
            complete=services.profile.is_profile_complete(profile),
            guardian_consent_missing=services.profile.guardian_consent_missing(profile),
            consents=[
                {"kind": consent.get_kind_display(), "consent": consent, "text": CONSENT_TEXTS.get(consent.kind)}
                for consent in profile.consents.order_by("given_at", "pk")
            ],
            slots=list(profile.availability.all()),
            clearances=services.profile.clearances_by_centre(profile),
        )
    return render(request, "volunteers/profile/overview.html", context)


@login_required
def profile_about(request):
    profile = services.profile.own_profile(request.user) or VolunteerProfile(user=request.user)
    min_age, centre = services.profile.minimum_age(request)
    form = AboutForm(
        request.POST if request.method == "POST" else None,
        instance=profile,
        min_age=min_age,
        centre_name=centre.display_name if centre else "",
    )
    if request.method == "POST" and form.is_valid():
        profile = services.profile.save_profile(form, request.user)
        return after_save(request, profile, "about")
    return render_step(request, "about", form, profile if profile.pk else None, min_age=min_age)


@login_required
def profile_interests(request):
    profile = ready_profile(request)
    if profile is None:
        return redirect("volunteers:profile_about")
    form = InterestsForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = services.profile.save_profile(form, request.user)
        return after_save(request, profile, "interests")
    return render_step(request, "interests", form, profile)


@login_required
def profile_availability(request):
    profile = ready_profile(request)
    if profile is None:
        return redirect("volunteers:profile_about")
    initial = {"availability": [slot_value(slot.weekday, slot.part) for slot in profile.availability.all()]}
    form = AvailabilityForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        slots = [value.split("-", 1) for value in form.cleaned_data["availability"]]
        services.profile.save_availability(profile, [(int(day), part) for day, part in slots])
        return after_save(request, profile, "availability")
    return render_step(request, "availability", form, profile)


@login_required
def profile_consents(request):
    profile = ready_profile(request)
    if profile is None:
        return redirect("volunteers:profile_about")
    form = ConsentsForm(request.POST if request.method == "POST" else None, initial=ConsentsForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        was_complete = services.profile.is_profile_complete(profile)
        services.profile.record_consents(profile, form.given())
        services.profile.acknowledge_standards(profile)
        if not was_complete:
            messages.success(request, _("Thank you! Your volunteer profile is complete."))
            return redirect("volunteers:profile")
        return after_save(request, profile, "consents")
    return render_step(request, "consents", form, profile)


# --- Applications ------------------------------------------------------------------------
# The task page's routes (`zglos/`, `wycofaj/`) call these; they live under Wagtail's pages.


def application_context(request, task):
    """What the task page shows the visitor about applying."""
    if not request.user.is_authenticated:
        return {}
    profile = services.profile.own_profile(request.user)
    application = profile and Application.objects.filter(task=task, volunteer=profile).first()
    return {
        "application": application,
        "can_withdraw": application and application.status in services.applications.ACTIVE_STATES,
        "can_apply_again": application and application.status == ApplicationStatus.WITHDRAWN,
    }


def apply_to_task(request, task):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    profile = services.profile.own_profile(request.user)
    if profile is not None and current_application(task, profile) is not None:
        # The task page shows the application's state and the withdraw button.
        messages.info(request, _("You have already applied to this task."))
        return redirect(task.get_url(request))
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.applications.apply(profile, task, form.cleaned_data["message"])
        except services.applications.ApplicationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Thank you! Your application has been sent."))
            return redirect(task.get_url(request))
    context = {
        "page": task,
        "form": form,
        "missing": services.applications.missing_for_application(profile, task),
        "verification_pending": services.applications.verification_pending(profile, task),
    }
    return render(request, "volunteers/apply.html", context)


def current_application(task, profile):
    """The volunteer's application to `task` that is still in play; a withdrawn one is not."""
    return Application.objects.filter(task=task, volunteer=profile).exclude(status=ApplicationStatus.WITHDRAWN).first()


def withdraw_from_task(request, task):
    """GET asks "are you sure?" on a page of its own (no JavaScript needed); POST withdraws."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    profile = services.profile.own_profile(request.user)
    application = get_object_or_404(Application, task=task, volunteer__user=request.user)
    if application.status not in services.applications.ACTIVE_STATES:
        messages.info(request, _("This application has already been closed."))
        return redirect(task.get_url(request))
    if request.method == "GET":
        return render(request, "volunteers/withdraw.html", {"page": task, "application": application})
    try:
        services.applications.withdraw(application, profile)
    except services.applications.ApplicationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Your application has been withdrawn. You can apply again while the task is open."))
    return redirect(task.get_url(request))


@login_required
def dashboard(request):
    profile = services.profile.own_profile(request.user)
    applications = []
    if profile is not None:
        applications = list(
            Application.objects.filter(volunteer=profile).select_related("task", "centre").order_by("-created_at")
        )
        services.applications.mark_verification(applications)
    today = timezone.localdate()
    upcoming = sorted(
        (
            application.task
            for application in applications
            if application.status == ApplicationStatus.ACCEPTED and application.task.last_date >= today
        ),
        key=lambda task: (task.start_date, task.start_time),
    )
    context = {
        "profile": profile,
        "applications": applications,
        "upcoming": upcoming,
        **hours_views.dashboard_context(profile),
        **document_views.dashboard_context(profile),
        **match_views.dashboard_context(profile),
    }
    return render(request, "volunteers/dashboard.html", context)
