"""Rows for the Wagtail admin (/admin/). Object URLs point at centre A (MOPS Jasło)."""

from tests.security.access import DENIED, LOGIN, NOT_ALLOWED, OK, REDIRECT, Row, expectations

ADMIN_USERS = {"visitor": LOGIN, "unverified": LOGIN}
# Every staff role may enter the admin: dashboard, own account, choosers (scoped inside).
ANY_STAFF = expectations(DENIED, **ADMIN_USERS, staff=OK, superuser=OK)
SUPERUSER = expectations(DENIED, **ADMIN_USERS, superuser=OK)
# Centre A's pages, images and documents: its editors and moderators.
CONTENT_A = expectations(DENIED, **ADMIN_USERS, editor_at_A=OK, moderator_at_A=OK, superuser=OK)
# Centre A's page tree as a list: also its supervisor, who oversees (locks) pages.
TREE_A = expectations(DENIED, **ADMIN_USERS, editor_at_A=OK, moderator_at_A=OK, supervisor_at_A=OK, superuser=OK)
# Another centre's page tree: its staff are sent back to their own tree.
# Grants officers' own tree is the call index, so they are sent there from either home page.
EXPLORE_A = {
    **TREE_A,
    "editor@B": REDIRECT,
    "moderator@B": REDIRECT,
    "supervisor@B": REDIRECT,
    "grants_officer@A": REDIRECT,
    "grants_officer@B": REDIRECT,
}
PUBLISH_A = expectations(DENIED, **ADMIN_USERS, moderator_at_A=OK, superuser=OK)
# Centre A's details (Settings → Centre details): its moderators and supervisor.
CENTRE_SETTINGS_A = expectations(DENIED, **ADMIN_USERS, moderator_at_A=OK, supervisor_at_A=OK, superuser=OK)
# Screens for content editors of any centre; what they list is their own centre's.
CONTENT_ANY = expectations(DENIED, **ADMIN_USERS, editor=OK, moderator=OK, superuser=OK)
PAGE_STAFF_ANY = expectations(
    DENIED, **ADMIN_USERS, editor=OK, moderator=OK, supervisor=OK, grants_officer=OK, superuser=OK
)
# Grants officers write the calls (pages under the call index) with their documents.
CALL_WRITERS_ANY = expectations(DENIED, **ADMIN_USERS, editor=OK, moderator=OK, grants_officer=OK, superuser=OK)
DOCUMENTS_A = expectations(
    DENIED, **ADMIN_USERS, editor_at_A=OK, moderator_at_A=OK, grants_officer_at_A=OK, superuser=OK
)
LOCKERS_ANY = expectations(DENIED, **ADMIN_USERS, moderator=OK, supervisor=OK, superuser=OK)
# The explorer's start sends each person to their own centre's tree.
EXPLORER_ROOT = expectations(
    DENIED,
    **ADMIN_USERS,
    editor=REDIRECT,
    moderator=REDIRECT,
    supervisor=REDIRECT,
    grants_officer=REDIRECT,
    superuser=OK,
)
SETTINGS_INDEX = expectations(DENIED, **ADMIN_USERS, moderator=REDIRECT, supervisor=REDIRECT, superuser=REDIRECT)
NOT_FOUND = expectations(DENIED, **ADMIN_USERS, staff=DENIED, superuser=DENIED)
SHADOWED = expectations(DENIED)  # answered "not found" before Wagtail sees the request
POST_ONLY = expectations(DENIED, **ADMIN_USERS, staff=NOT_ALLOWED, superuser=NOT_ALLOWED)
# The skills vocabulary shared by all centres: coordinators of any centre.
SKILL_EDITORS = expectations(DENIED, **ADMIN_USERS, coordinator=OK, superuser=OK)
# Centre A's team and audit log: its supervisor (and superusers).
SUPERVISOR_A = expectations(DENIED, **ADMIN_USERS, supervisor_at_A=OK, superuser=OK)
SUPERVISORS = expectations(DENIED, **ADMIN_USERS, supervisor=OK, superuser=OK)


def r(route, expect, url=None, **kwargs):
    return Row(route, url, expect, **kwargs)


ROWS = [
    r("admin/", ANY_STAFF),
    r("admin/test404/", SHADOWED),
    r("admin/failwhale/", SHADOWED),
    r("admin/^.*/$", NOT_FOUND, url="/admin/nie-ma-takiej-strony/"),
    r("admin/sprite/", expectations(OK)),
    r("admin/jsi18n/", expectations(OK)),
    r("admin/login/", expectations(DENIED, **ADMIN_USERS), note="sent to allauth's login"),
    r("admin/logout/", POST_ONLY),
    r("admin/password_reset/", SHADOWED),
    r("admin/password_reset/done/", SHADOWED),
    r("admin/password_reset/confirm/<uidb64>/<token>/", SHADOWED),
    r("admin/password_reset/complete/", SHADOWED),
    r("admin/account/", ANY_STAFF),
    r("admin/dismissibles/", ANY_STAFF),
    r("admin/block-preview/", NOT_FOUND, note="needs a block to preview"),
    r("admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/", POST_ONLY),
    r("admin/editing-sessions/release/<int:session_id>/", POST_ONLY),
    # --- Admin API behind the page explorer and choosers ------------------------------------
    r("^admin/api/main/(?:images|documents)/", SHADOWED, url="/admin/api/main/images/"),
    r("admin/api/main/^pages/", ANY_STAFF),
    r("admin/api/main/^pages/<int:pk>/", TREE_A),
    r("admin/api/main/^pages/find/", NOT_FOUND),
    r("admin/api/main/^pages/<int:pk>/action/<str:action_name>/", POST_ONLY),
    r("admin/api/main/^documents/", SHADOWED),
    r("admin/api/main/^documents/<int:pk>/", SHADOWED),
    r("admin/api/main/^documents/find/", SHADOWED),
    r("admin/api/main/^images/", SHADOWED),
    r("admin/api/main/^images/<int:pk>/", SHADOWED),
    r("admin/api/main/^images/find/", SHADOWED),
    # --- Pages ----------------------------------------------------------------------------
    r("admin/pages/", EXPLORER_ROOT),
    r("admin/pages/<int:parent_page_id>/", EXPLORE_A),
    r("admin/pages/<int:parent_page_id>/results/", EXPLORE_A),
    r("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", NOT_FOUND, note="needs ids"),
    r("admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/", CONTENT_A),
    r(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/",
        CONTENT_A,
    ),
    r("admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/", PAGE_STAFF_ANY),
    r("admin/pages/create/<slug:app_label>/<slug:model_name>", ANY_STAFF),
    r("admin/pages/usage/<slug:content_type_app_name>/<slug:content_type_model_name>/results/", PAGE_STAFF_ANY),
    r("admin/pages/<int:page_id>/usage/", CONTENT_A),
    r("admin/pages/<int:page_id>/edit/", CONTENT_A),
    r("admin/pages/<int:page_id>/edit/preview/", CONTENT_A),
    r("admin/pages/<int:page_id>/view_draft/", CONTENT_A),
    r("admin/pages/<int:parent_page_id>/add_subpage/", CONTENT_A),
    r("admin/pages/<int:page_id>/delete/", PUBLISH_A),
    r("admin/pages/<int:page_id>/unpublish/", PUBLISH_A),
    r("admin/pages/<int:page_id>/convert_alias/", NOT_FOUND),
    r("admin/pages/search/", PAGE_STAFF_ANY),
    r("admin/pages/search/results/", PAGE_STAFF_ANY),
    r("admin/pages/<int:page_to_move_id>/move/", PUBLISH_A),
    r("admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/", PUBLISH_A),
    r("admin/pages/<int:page_to_move_id>/set_position/", POST_ONLY),
    r("admin/pages/<int:page_id>/copy/", CONTENT_A),
    r("admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/", NOT_FOUND),
    r("admin/pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/", NOT_FOUND),
    r("admin/pages/workflow/confirm_cancellation/<int:page_id>/", CONTENT_A),
    r("admin/pages/workflow/preview/<int:page_id>/<int:task_id>/", NOT_FOUND),
    r("admin/pages/<int:page_id>/privacy/", PUBLISH_A),
    r("admin/pages/<int:page_id>/lock/", POST_ONLY),
    r("admin/pages/<int:page_id>/unlock/", POST_ONLY),
    r(
        "admin/pages/<int:page_id>/revisions/",
        expectations(REDIRECT, **ADMIN_USERS, residents=DENIED),
        note="redirects to the page history, which checks the permission",
    ),
    r("admin/pages/<int:page_id>/revisions/<int:revision_id>/view/", CONTENT_A),
    r("admin/pages/<int:page_id>/revisions/<int:revision_id>/revert/", CONTENT_A),
    r("admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/", PUBLISH_A),
    r(
        "admin/pages/^(?P<pk>\\d+)/revisions/compare/(?P<revision_id_a>live|earliest|\\d+)\\.\\.\\."
        "(?P<revision_id_b>live|latest|\\d+)/$",
        CONTENT_A,
    ),
    r("admin/pages/<int:page_id>/workflow_history/", CONTENT_A),
    r("admin/pages/<int:page_id>/workflow_history/detail/<int:workflow_state_id>/", NOT_FOUND),
    r("admin/pages/<int:page_id>/history/", CONTENT_A),
    r("admin/pages/<int:page_id>/history/results/", CONTENT_A),
    r("admin/choose-page/", ANY_STAFF),
    r("admin/choose-page/<int:parent_page_id>/", ANY_STAFF),
    r("admin/choose-page/search/", ANY_STAFF),
    r("admin/choose-page/chosen-multiple/", ANY_STAFF),
    r("admin/choose-external-link/", ANY_STAFF),
    r("admin/choose-email-link/", ANY_STAFF),
    r("admin/choose-phone-link/", ANY_STAFF),
    r("admin/choose-anchor-link/", ANY_STAFF),
    r("admin/tag-autocomplete/", ANY_STAFF),
    r("admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/", NOT_FOUND),
    # --- Collections, workflows, reports, settings, redirects: superusers --------------------
    r("admin/collections/", SUPERUSER),
    r("admin/collections/add/", SUPERUSER),
    r("admin/collections/<int:pk>/", SUPERUSER),
    r("admin/collections/<int:pk>/delete/", SUPERUSER),
    r("admin/collections/<int:collection_id>/privacy/", SUPERUSER),
    r("admin/workflows/list/", SUPERUSER),
    r("admin/workflows/list/results/", SUPERUSER),
    r("admin/workflows/add/", SUPERUSER),
    r("admin/workflows/enable/<int:pk>/", POST_ONLY),
    r("admin/workflows/disable/<int:pk>/", SUPERUSER),
    r("admin/workflows/edit/<int:pk>/", SUPERUSER),
    r("admin/workflows/usage/<int:pk>/", SUPERUSER),
    r("admin/workflows/usage/<int:pk>/results/", SUPERUSER),
    r("admin/workflows/remove/<int:page_pk>/", POST_ONLY),
    r("admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/", POST_ONLY),
    r("admin/workflows/tasks/add/<str:app_label>/<str:model_name>/", SUPERUSER),
    r("admin/workflows/tasks/select_type/", expectations(DENIED, **ADMIN_USERS, superuser=REDIRECT)),
    r("admin/workflows/tasks/index/", SUPERUSER),
    r("admin/workflows/tasks/index/results/", SUPERUSER),
    r("admin/workflows/tasks/edit/<int:pk>/", SUPERUSER),
    r("admin/workflows/tasks/disable/<int:pk>/", SUPERUSER),
    r("admin/workflows/tasks/enable/<int:pk>/", POST_ONLY),
    r("admin/workflows/task_chooser/", ANY_STAFF),
    r("admin/workflows/task_chooser/results/", ANY_STAFF),
    r("admin/workflows/task_chooser/create/", ANY_STAFF),
    r("admin/workflows/task_chooser/<int:task_id>/", ANY_STAFF, note="a task's name only"),
    r("admin/reports/locked/", LOCKERS_ANY),
    r("admin/reports/locked/results/", LOCKERS_ANY),
    r("admin/reports/workflow/", CALL_WRITERS_ANY),
    r("admin/reports/workflow/results/", CALL_WRITERS_ANY),
    r("admin/reports/workflow_tasks/", CALL_WRITERS_ANY),
    r("admin/reports/workflow_tasks/results/", CALL_WRITERS_ANY),
    r("admin/reports/site-history/", ANY_STAFF),
    r("admin/reports/site-history/results/", ANY_STAFF),
    r("admin/reports/aging-pages/", CALL_WRITERS_ANY),
    r("admin/reports/aging-pages/results/", CALL_WRITERS_ANY),
    r("admin/reports/page-types-usage/", CALL_WRITERS_ANY),
    r("admin/reports/page-types-usage/results/", CALL_WRITERS_ANY),
    r("admin/redirects/", SUPERUSER),
    r("admin/redirects/results/", SUPERUSER),
    r("admin/redirects/add/", SUPERUSER),
    r("admin/redirects/<int:redirect_id>/", SUPERUSER),
    r("admin/redirects/<int:redirect_id>/delete/", SUPERUSER),
    r("admin/redirects/import/", SUPERUSER),
    r("admin/redirects/import/process/", expectations(DENIED, **ADMIN_USERS, superuser=NOT_ALLOWED)),
    r("admin/settings/<slug:app_name>/<slug:model_name>/", SETTINGS_INDEX),
    r("admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/", CENTRE_SETTINGS_A),
    r("admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/", NOT_FOUND),
    r("admin/snippets/", SKILL_EDITORS),
    # --- The shared skills vocabulary (a snippet): coordinators keep it -------------------
    r("admin/snippets/volunteers/skill/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/results/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/add/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/edit/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/copy/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/history/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/history-results/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/usage/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/skill/delete/<int:pk>/", SUPERUSER),
    r("admin/snippets/choose/volunteers/skill/", ANY_STAFF, note="skill names are public"),
    r("admin/snippets/choose/volunteers/skill/results/", ANY_STAFF, note="skill names are public"),
    r("admin/snippets/choose/volunteers/skill/chosen/<str:pk>/", ANY_STAFF, note="skill names are public"),
    r("admin/snippets/choose/volunteers/skill/chosen-multiple/", ANY_STAFF, note="skill names are public"),
    r("admin/snippets/choose/volunteers/skill/create/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/results/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/add/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/edit/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/copy/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/history/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/history-results/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/usage/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/language/delete/<int:pk>/", SUPERUSER),
    r("admin/snippets/choose/volunteers/language/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/language/results/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/language/chosen/<str:pk>/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/language/chosen-multiple/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/language/create/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/results/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/add/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/edit/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/copy/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/history/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/history-results/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/usage/<int:pk>/", SKILL_EDITORS),
    r("admin/snippets/volunteers/disabilitykind/delete/<int:pk>/", SUPERUSER),
    r("admin/snippets/choose/volunteers/disabilitykind/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/disabilitykind/results/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/disabilitykind/chosen/<str:pk>/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/disabilitykind/chosen-multiple/", ANY_STAFF, note="names are public"),
    r("admin/snippets/choose/volunteers/disabilitykind/create/", SKILL_EDITORS),
    # --- Documents and images of centre A ---------------------------------------------------
    r("admin/documents/", CALL_WRITERS_ANY),
    r("admin/documents/results/", CALL_WRITERS_ANY),
    r("admin/documents/add/", CALL_WRITERS_ANY),
    r("admin/documents/edit/<int:document_id>/", DOCUMENTS_A),
    r("admin/documents/delete/<int:document_id>/", DOCUMENTS_A),
    r("admin/documents/multiple/add/", CALL_WRITERS_ANY),
    r("admin/documents/multiple/<int:doc_id>/", POST_ONLY),
    r("admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/", POST_ONLY),
    r("admin/documents/multiple/<int:doc_id>/delete/", POST_ONLY),
    r("admin/documents/multiple/delete_upload/<int:uploaded_file_id>/", POST_ONLY),
    r("admin/documents/usage/<int:document_id>/", DOCUMENTS_A),
    r("admin/documents/chooser/", ANY_STAFF),
    r("admin/documents/chooser/results/", ANY_STAFF),
    r("admin/documents/chooser/chosen/<str:pk>/", DOCUMENTS_A),
    r("admin/documents/chooser/chosen-multiple/", ANY_STAFF),
    r("admin/documents/chooser/create/", CALL_WRITERS_ANY),
    r("admin/images/", CONTENT_ANY),
    r("admin/images/results/", CONTENT_ANY),
    r("admin/images/<int:image_id>/", CONTENT_A),
    r("admin/images/<int:image_id>/delete/", CONTENT_A),
    r("admin/images/<int:image_id>/generate_url/", NOT_FOUND, note="no dynamic image serve view"),
    r("admin/images/<int:image_id>/generate_url/output/", NOT_FOUND),
    r("admin/images/<int:image_id>/preview/<str:filter_spec>/", CONTENT_A),
    r("admin/images/add/", CONTENT_ANY),
    r("admin/images/usage/<int:image_id>/", CONTENT_A),
    r("admin/images/multiple/add/", CONTENT_ANY),
    r("admin/images/multiple/<int:image_id>/", POST_ONLY),
    r("admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/", POST_ONLY),
    r("admin/images/multiple/<int:image_id>/delete/", POST_ONLY),
    r("admin/images/multiple/delete_upload/<int:uploaded_file_id>/", POST_ONLY),
    r("admin/images/chooser/", ANY_STAFF),
    r("admin/images/chooser/results/", ANY_STAFF),
    r("admin/images/chooser/chosen/<str:pk>/", CONTENT_A),
    r("admin/images/chooser/chosen-multiple/", ANY_STAFF),
    r("admin/images/chooser/create/", CONTENT_ANY),
    r("admin/images/chooser/<int:image_id>/select_format/", CONTENT_A),
    # --- Centre team and audit log (accounts app) ---------------------------------------
    r("admin/team/", SUPERVISORS),
    r("admin/team/<int:centre_role_id>/remove/<int:user_id>/", SUPERVISOR_A),
    r("admin/audit/", SUPERVISORS),
    r("admin/audit/results/", SUPERVISORS),
    r("admin/audit/inspect/<int:pk>/", SUPERVISOR_A),
    # --- Sites, users, groups: superusers (supervisors manage roles on their own screen) ----
    *[
        r(f"admin/{area}/{suffix}", SUPERUSER)
        for area in ("sites", "users", "groups")
        for suffix in (
            "",
            "results/",
            "new/",
            "edit/<int:pk>/",
            "delete/<int:pk>/",
            "history/<int:pk>/",
            "history-results/<int:pk>/",
            "usage/<int:pk>/",
            "copy/<int:pk>/",
        )
        if not (area == "groups" and suffix == "copy/<int:pk>/")
    ],
]
