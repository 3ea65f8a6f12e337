"""The accessibility statement every demo centre publishes, as Polish public bodies must."""

import datetime

from home.models import AccessibilityStatementPage
from home.models.accessibility import AssessmentMethod, ComplianceStatus

INACCESSIBLE_CONTENT = (
    "<ul>"
    "<li>Część dokumentów PDF opublikowanych przed 2020 r. to skany bez warstwy tekstowej. Na prośbę "
    "przygotujemy ich treść w dostępnej formie.</li>"
    "<li>Grafiki w galerii są ilustracjami demonstracyjnymi: opisujemy, co przedstawiają, ale nie "
    "pokazują prawdziwych wydarzeń.</li>"
    "</ul>"
)

KEYBOARD = (
    "<p>Serwis można obsługiwać w całości z klawiatury. Pierwsze naciśnięcie klawisza Tab pokazuje łącze, "
    "które pozwala pominąć menu i przejść od razu do treści strony. Element, na którym jest kursor, jest "
    "wyraźnie obramowany.</p>"
    "<p>Strona nie wprowadza własnych skrótów klawiszowych, więc nie koliduje ze skrótami czytników ekranu.</p>"
)


def statement(builder, home, *, contact_person, contact_email, contact_phone, building):
    return builder.page(
        home,
        AccessibilityStatementPage,
        title="Deklaracja dostępności",
        slug="deklaracja-dostepnosci",
        show_in_menus=False,
        site_published_on=datetime.date(2026, 9, 1),
        site_updated_on=datetime.date(2026, 11, 2),
        compliance_status=ComplianceStatus.PARTIAL,
        inaccessible_content=INACCESSIBLE_CONTENT,
        prepared_on=datetime.date(2026, 9, 1),
        reviewed_on=datetime.date(2026, 11, 16),
        assessment_method=AssessmentMethod.SELF,
        contact_person=contact_person,
        contact_email=contact_email,
        contact_phone=contact_phone,
        keyboard_shortcuts=KEYBOARD,
        architectural_accessibility=building,
        search_description="Jak ośrodek spełnia wymagania ustawy o dostępności cyfrowej i jak zgłosić problem.",
    )
