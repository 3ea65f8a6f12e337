"""Demo open calls: each centre's call index, Jasło's current call and last year's (closed),
and a smaller current call in Puławy, each with its regulations as a PDF document.

Dates count from the day of the first load, so a fresh demo always has a call accepting offers
(opened a few days ago, closing in about three weeks at 15:30 Polish time) and one long closed.
A call that exists is left as it is, whatever an editor did to it since.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from core.models import Centre
from ngo_grants.demo import call_texts as texts
from ngo_grants.demo.documents import amount, render_document, wagtail_document
from ngo_grants.models import (
    CallDocument,
    CallIndexPage,
    CallPage,
    Criterion,
    FormalCheck,
    PublicTask,
    RequiredAttachment,
    TaskForm,
)

INDEX_SLUG = "konkursy"
FORMS = {TaskForm.SUPPORT: "wspieranie", TaskForm.ENTRUSTMENT: "powierzenie"}
# Results are announced this many days after the deadline.
RESULTS_AFTER_DAYS = 30


@dataclass(frozen=True)
class CallSpec:
    """A call relative to today: it opens `opens` days from today (negative: ago) and closes
    `closes` days from today at `closes_time`; its tasks are for `year_offset` years ahead."""

    centre: str
    year_offset: int
    opens: int
    closes: int
    tasks: list
    intro: str
    closes_time: tuple = (15, 30)
    criteria: int = len(texts.CRITERIA)  # the first ones of texts.CRITERIA
    attachments: int = len(texts.ATTACHMENTS)
    previous_spending: bool = True

    @property
    def year(self):
        return timezone.localdate().year + self.year_offset

    @property
    def opens_at(self):
        return moment(self.opens, (8, 0))

    @property
    def closes_at(self):
        return moment(self.closes, self.closes_time)

    @property
    def slug(self):
        return call_slug(self.year)


# Keys used by the offers: organisations.OFFERS names the call they answer.
CURRENT, LAST_YEAR, PULAWY = "jaslo-current", "jaslo-last-year", "pulawy-current"

CALLS = {
    CURRENT: CallSpec("jaslo", 1, opens=-4, closes=21, tasks=texts.JASLO_TASKS, intro=texts.JASLO_INTRO),
    # The same tasks a year earlier: announced, closed and (in Step 7) decided long ago.
    LAST_YEAR: CallSpec(
        "jaslo", 0, opens=-369, closes=-344, tasks=texts.JASLO_TASKS, intro=texts.JASLO_INTRO, previous_spending=False
    ),
    PULAWY: CallSpec(
        "pulawy",
        1,
        opens=-2,
        closes=22,
        tasks=texts.PULAWY_TASKS,
        intro=texts.PULAWY_INTRO,
        closes_time=(15, 0),
        criteria=3,
        attachments=3,
    ),
}


def moment(days, hour_minute):
    """An aware moment `days` from today at hour:minute, Polish time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def call_slug(year):
    return f"konkurs-{year}"


def call_index(site):
    return CallIndexPage.objects.child_of(site.root_page).first()


def find_call(builder, key):
    """The demo call `key` as the offers find it, or None when an editor removed it."""
    spec = CALLS[key]
    index = call_index(builder.sites[spec.centre])
    if index is None:
        return None
    return CallPage.objects.child_of(index).filter(slug=spec.slug).first()


def build(builder):
    for key in ("jaslo", "pulawy"):
        site = builder.sites[key]
        builder.page(
            site.root_page,
            CallIndexPage,
            title="Otwarte konkursy ofert",
            slug=INDEX_SLUG,
            show_in_menus=True,
            intro=texts.INDEX_INTRO,
        )
    # The calls are children of the indexes, which must exist in the tree first.
    for spec in CALLS.values():
        index = call_index(builder.sites[spec.centre])
        if index is not None and not index.get_children().filter(slug=spec.slug).exists():
            _add_call(builder, index, spec)


def _add_call(builder, index, spec):
    site = builder.sites[spec.centre]
    centre = Centre.for_site(site)
    year = spec.year
    title = f"Otwarty konkurs ofert na zadania z pomocy społecznej i wspierania rodziny w {year} r."
    if len(spec.tasks) < len(texts.JASLO_TASKS):
        title = f"Otwarty konkurs ofert na zadania z pomocy społecznej w {year} r."
    call = CallPage(
        year=year,
        opens_at=spec.opens_at,
        closes_at=spec.closes_at,
        results_on=spec.closes_at.date() + datetime.timedelta(days=RESULTS_AFTER_DAYS),
    )
    tasks = [_task(spec, number, fields) for number, fields in enumerate(spec.tasks)]
    criteria = [
        Criterion(name=name, description=description, max_points=points, sort_order=number)
        for number, (name, description, points) in enumerate(texts.CRITERIA[: spec.criteria])
    ]
    attachments = [
        RequiredAttachment(name=name, description=description, mandatory=mandatory, sort_order=number)
        for number, (name, description, mandatory) in enumerate(texts.ATTACHMENTS[: spec.attachments])
    ]
    regulations = render_document(
        issuer=centre.name,
        title=f"Regulamin otwartego konkursu ofert na {year} r.",
        subtitle=title,
        sections=_regulations(call, tasks, criteria, attachments),
    )
    document = wagtail_document(
        builder,
        _collection(builder, centre),
        title=f"Regulamin konkursu ofert {year} – {centre}",
        filename=f"regulamin-konkursu-{year}.pdf",
        data=regulations,
    )
    builder.page(
        index,
        CallPage,
        title=title,
        slug=spec.slug,
        year=year,
        legal_basis=texts.LEGAL_BASIS.format(year=year),
        intro=spec.intro.format(year=year),
        opens_at=call.opens_at,
        closes_at=call.closes_at,
        results_on=call.results_on,
        conditions=texts.CONDITIONS,
        evaluation_rules=texts.EVALUATION_RULES,
        # Announced on the day offers open; the 21-day rule counts from then.
        first_published_at=call.opens_at,
        tasks=tasks,
        criteria=criteria,
        required_attachments=attachments,
        formal_checks=[
            FormalCheck(question=question, description=description, sort_order=number)
            for number, (question, description) in enumerate(texts.FORMAL_CHECKS)
        ],
        correction_days=texts.CORRECTION_DAYS,
        documents=[CallDocument(document=document, title="Regulamin konkursu (PDF)", sort_order=0)],
    )


def _task(spec, number, fields):
    year = spec.year
    return PublicTask(
        sort_order=number,
        title=fields["title"],
        description=fields["description"],
        # Last year's call offered what was then granted; this year's says so.
        funds=fields["funds"] if spec.previous_spending else fields["last_year"] or fields["funds"],
        form=fields["form"],
        min_own_contribution=fields["min_own_contribution"],
        starts_on=datetime.date(year, *fields["start"]),
        ends_on=datetime.date(year, *fields["end"]),
        last_year_spending=fields["last_year"] if spec.previous_spending else None,
    )


def _collection(builder, centre):
    """The centre's own collection (set up with its roles), else the one the demo made for it."""
    workspace = getattr(centre, "workspace", None)
    if workspace is not None and workspace.collection_id:
        return workspace.collection
    return builder.collection(str(centre))


def _when(value):
    return f"{timezone.localtime(value):%d.%m.%Y, godz. %H:%M}"


def _regulations(call, tasks, criteria, attachments):
    subject = [
        f"Zadanie {number}: {task.title}. {task.description} Środki: {amount(task.funds)} zł; forma: "
        f"{FORMS[task.form]}; minimalny wkład własny: {task.min_own_contribution}%; realizacja od "
        f"{task.starts_on:%d.%m.%Y} do {task.ends_on:%d.%m.%Y}."
        for number, task in enumerate(tasks, start=1)
    ]
    return [
        ("§ 1. Przedmiot konkursu", subject),
        (
            "§ 2. Termin i sposób składania ofert",
            [
                f"Oferty przyjmujemy od {_when(call.opens_at)} do {_when(call.closes_at)} czasu polskiego, "
                "wyłącznie przez serwis internetowy ośrodka. Oferta złożona po terminie nie zostanie przyjęta.",
                "Ofertę składa się według wzoru z rozporządzenia w sprawie wzorów ofert i ramowych wzorów umów "
                "dotyczących realizacji zadań publicznych (Dz.U. 2018 poz. 2057).",
            ],
        ),
        (
            "§ 3. Kryteria oceny ofert",
            [f"{criterion.name} – do {criterion.max_points} pkt." for criterion in criteria],
        ),
        (
            "§ 4. Załączniki do oferty",
            [
                f"{attachment.name}{'' if attachment.mandatory else ' (jeżeli dotyczy)'}. {attachment.description}"
                for attachment in attachments
            ],
        ),
        (
            "§ 5. Ocena formalna",
            [
                "Po terminie składania ofert ośrodek sprawdza w każdej ofercie: "
                + "; ".join(question.lower() for question, _description in texts.FORMAL_CHECKS)
                + ".",
                f"Gdy oferta ma braki, ośrodek wzywa do ich usunięcia w ciągu {texts.CORRECTION_DAYS} dni, "
                "otwierając w serwisie tylko części oferty, które trzeba poprawić. Oferta niepoprawiona "
                "w terminie zostaje odrzucona z przyczyn formalnych.",
            ],
        ),
        (
            "§ 6. Rozstrzygnięcie konkursu",
            [f"Wyniki konkursu zostaną ogłoszone do {call.results_on:%d.%m.%Y}."],
        ),
    ]
