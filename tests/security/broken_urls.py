"""Throw-away forms for tests/security/test_hostile_harness.py: one sound, the others each with one defect."""

from datetime import timedelta

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.template import engines
from django.urls import path
from django.utils import translation
from django.utils.safestring import mark_safe

from config import urls as config_urls

PAGE = """<!DOCTYPE html><html lang="pl"><body><main>{{ echo }}
<form method="post" novalidate>
  {% include "includes/form_errors.html" with form=form %}
  {% for field in form %}
  <div class="field{% if field.errors %} has-error{% endif %}">
    <label for="{{ field.id_for_label }}">{{ field.label }}</label>
    {% if forget %}<input type="text" name="{{ field.html_name }}" id="{{ field.id_for_label }}" value="">
    {% else %}{{ field }}{% endif %}
    {% if field.errors and bare_errors %}{{ field.errors }}
    {% elif field.errors %}<p class="field-error" id="{{ field.id_for_label }}_error">{{ field.errors|join:" " }}</p>
    {% endif %}
  </div>
  {% endfor %}
  <button type="submit">Wyślij</button>
</form></main></body></html>"""


class ContactForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    age = forms.IntegerField(min_value=0, max_value=130)
    password = forms.CharField(max_length=100, widget=forms.PasswordInput)


class LeakyContactForm(ContactForm):
    password = forms.CharField(max_length=100, widget=forms.PasswordInput(render_value=True))


def contact(request, defect=None):
    form_class = LeakyContactForm if defect == "leaks_password" else ContactForm
    form = form_class(request.POST or None)
    with translation.override("en" if defect == "english" else "pl"):
        if defect == "crashes" and request.method == "POST":
            int(request.POST.get("age", "0"))
        # Only a combination of two bad fields, with a good name, breaks it: the sweep never sends that.
        errors = set(form.errors) if form.is_bound else set()
        if defect == "chokes_on_two_errors" and {"email", "age"} <= errors and "name" not in errors:
            raise ValueError("two errors at once")
        if request.method == "POST" and form.is_valid():
            return HttpResponseRedirect("/dziekujemy/")
        context = {
            "form": form,
            "forget": defect == "forgets" and form.is_bound,
            "bare_errors": defect == "bare_errors",
            "echo": mark_safe(request.POST.get("name", "")) if defect == "echoes" else "",  # noqa: S308
        }
        return HttpResponse(engines["django"].from_string(PAGE).render(context, request))


class NoteForm(forms.Form):
    message = forms.CharField(max_length=200, required=False, widget=forms.Textarea)


def closed_task(request, defect=None):
    """A one-field form whose every valid answer a "service" refuses, as applying to a task that
    closed while the form was open: the refusal must come back in the form, with what was typed."""
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.add_error(None, "Zgłoszenia do tego zadania są już zamknięte.")
    context = {"form": form, "forget": defect == "forgets_the_message" and form.is_bound}
    page = PAGE
    if defect == "drops_the_form" and form.is_bound and form.errors:
        page = "<!DOCTYPE html><html lang='pl'><body><p>Zgłoszenia są zamknięte.</p></body></html>"
    return HttpResponse(engines["django"].from_string(page).render(context, request))


class DistrictForm(forms.Form):
    name = forms.CharField(max_length=100)
    district = forms.ChoiceField(choices=[("1", "Śródmieście"), ("2", "Ulaszowice")])


def district(request, defect=None):
    """A form with a select; with the defect the raw choice is used as a number of days before
    the form checks it, and a 400-digit "choice" overflows."""
    form = DistrictForm(request.POST or None)
    raw = request.POST.get("district", "")
    if defect == "looks_up_the_raw_id" and raw.isdigit():
        timedelta(days=int(raw))
    if request.method == "POST" and form.is_valid():
        return HttpResponseRedirect("/dziekujemy/")
    return HttpResponse(engines["django"].from_string(PAGE).render({"form": form}, request))


def open_redirect(request):
    # Printable characters only, so the header is valid and the flaw left is where it points.
    response = HttpResponse(status=302)
    response["Location"] = "".join(char for char in request.GET.get("next", "/") if char.isprintable())
    return response


# The project's own URLs stay mounted: its middleware and templates reverse them.
urlpatterns = [
    path("sound/", contact),
    *[path(f"{defect}/", contact, {"defect": defect}) for defect in
      ("crashes", "echoes", "forgets", "english", "bare_errors", "leaks_password", "chokes_on_two_errors")],
    path("closed/", closed_task),
    *[path(f"closed/{defect}/", closed_task, {"defect": defect})
      for defect in ("drops_the_form", "forgets_the_message")],
    path("district/", district),
    path("district/looks_up_the_raw_id/", district, {"defect": "looks_up_the_raw_id"}),
    path("redirect/", open_redirect),
    *config_urls.urlpatterns,
]  # fmt: skip
