"""Concrete URLs for URL patterns: every parameter filled with a real object of centre A.

Rows of the matrix use `concrete(route)` unless they need something special; a parameter
this module does not know makes the test fail, so a new kind of URL gets a deliberate value.
"""

import re

from tests.security import (
    matrix_beneficiaries,
    matrix_documents,
    matrix_hours,
    matrix_matches_volunteer,
    matrix_matching,
    matrix_transfer,
    matrix_volunteer_admin,
)

# Route prefix → {parameter: function(world) → value}. The longest matching prefix wins.
PARAMETERS = {
    "admin/pages/": {
        "page_id": lambda w: w.page_a.pk,
        "parent_page_id": lambda w: w.home_a.pk,
        "page_to_move_id": lambda w: w.page_a.pk,
        "destination_id": lambda w: w.draft_a.pk,
        "revision_id": lambda w: w.revision_a.pk,
        "pk": lambda w: w.page_a.pk,
        "revision_id_a": lambda w: "earliest",
        "revision_id_b": lambda w: "latest",
        "content_type_app_name": lambda w: "home",
        "content_type_model_name": lambda w: "standardpage",
        "app_label": lambda w: "home",
        "model_name": lambda w: "standardpage",
        "action_name": lambda w: "approve",
        "task_state_id": lambda w: w.objects.get("task_state_a", 999999),
        "task_id": lambda w: w.objects.get("task_a", 999999),
        "workflow_state_id": lambda w: w.objects.get("workflow_state_a", 999999),
    },
    "admin/api/main/^pages/": {"pk": lambda w: w.page_a.pk, "action_name": lambda w: "copy"},
    "admin/api/main/^images/": {"pk": lambda w: w.image_a.pk},
    "admin/api/main/^documents/": {"pk": lambda w: w.document_a.pk},
    "admin/bulk/": {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "page", "action": lambda w: "delete"},
    "admin/choose-page/": {"parent_page_id": lambda w: w.home_a.pk},
    "admin/tag-autocomplete/": {"app_name": lambda w: "home", "model_name": lambda w: "newspage"},
    "admin/collections/": {"pk": lambda w: w.collection_a.pk, "collection_id": lambda w: w.collection_a.pk},
    "admin/workflows/": {
        "pk": lambda w: w.objects.get("workflow_a", 999999),
        "page_pk": lambda w: w.home_a.pk,
        "workflow_pk": lambda w: w.objects.get("workflow_a", 999999),
        "app_label": lambda w: "wagtailcore",
        "model_name": lambda w: "groupapprovaltask",
        "task_id": lambda w: w.objects.get("task_a", 999999),
    },
    "admin/editing-sessions/": {
        "app_label": lambda w: "wagtailcore",
        "model_name": lambda w: "page",
        "object_id": lambda w: w.page_a.pk,
        "session_id": lambda w: 999999,
    },
    "admin/redirects/": {"redirect_id": lambda w: w.redirect_a.pk},
    "admin/settings/": {"app_name": lambda w: "core", "model_name": lambda w: "centre", "pk": lambda w: w.site_a.pk},
    "admin/documents/": {
        "document_id": lambda w: w.document_a.pk,
        "doc_id": lambda w: w.document_a.pk,
        "uploaded_file_id": lambda w: 999999,
        "pk": lambda w: w.document_a.pk,
    },
    "admin/images/": {
        "image_id": lambda w: w.image_a.pk,
        "uploaded_file_id": lambda w: 999999,
        "filter_spec": lambda w: "fill-100x100",
        "pk": lambda w: w.image_a.pk,
    },
    "admin/sites/": {"pk": lambda w: w.site_a.pk},
    "admin/snippets/": {"pk": lambda w: w.skill.pk},
    "admin/snippets/volunteers/language/": {"pk": lambda w: w.language.pk},
    "admin/snippets/choose/volunteers/language/": {"pk": lambda w: w.language.pk},
    "admin/snippets/volunteers/disabilitykind/": {"pk": lambda w: w.disability_kind.pk},
    "admin/snippets/choose/volunteers/disabilitykind/": {"pk": lambda w: w.disability_kind.pk},
    "admin/team/": {"centre_role_id": lambda w: w.centre_role_a.pk, "user_id": lambda w: w.users["editor@A"].pk},
    "admin/audit/": {"pk": lambda w: w.audit_entry_a.pk},
    "admin/users/": {"pk": lambda w: w.user_a.pk},
    "admin/groups/": {"pk": lambda w: w.objects.get("group_a", w.user_a.groups.first()).pk},
    "admin/password_reset/confirm/": {"uidb64": lambda w: "MQ", "token": lambda w: "nieprawidlowy-token"},
    "konto/": {"key": lambda w: "nieprawidlowy-klucz", "uidb36": lambda w: "1", "path": lambda w: "x"},
}

# Each area's matrix module names the parameters of its own URLs.
for _module in (
    matrix_documents,
    matrix_hours,
    matrix_transfer,
    matrix_volunteer_admin,
    matrix_beneficiaries,
    matrix_matching,
    matrix_matches_volunteer,
):
    for _prefix, _params in _module.PARAMETERS.items():
        PARAMETERS.setdefault(_prefix, {}).update(_params)

_PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def concrete(route, world):
    """Turn "admin/pages/<int:page_id>/edit/" into "/admin/pages/12/edit/"."""
    table = {}
    for prefix in sorted(PARAMETERS, key=len):
        if route.startswith(prefix):
            table = {**table, **PARAMETERS[prefix]}

    def fill(match):
        name = match.group(1) or match.group(2)
        if name not in table:
            raise KeyError(f"no value for parameter {name!r} of {route!r}: add it to tests/security/urls_for.py")
        return str(table[name](world))

    path = _PARAM.sub(fill, route)
    # What remains of regular-expression routes: anchors and escapes.
    path = path.replace("^", "").replace("$", "").replace("\\.", ".").replace("\\d+", "1")
    return "/" + path
