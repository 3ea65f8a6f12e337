"""The access matrix: one row per URL pattern of the project, with the expected outcome for
every actor (see access.ACTORS). A new URL pattern without a row fails
test_every_url_pattern_has_a_row, so every step adds its rows here.

Object URLs use centre A's objects (MOPS Jasło); "…@B" actors are the same roles in MOPS
Puławy and must be kept out of them.
"""

from tests.security.access import DENIED, LOGIN, OK, REDIRECT, Row, expectations
from tests.security.matrix_accounts import ROWS as ACCOUNT_ROWS
from tests.security.matrix_admin import ROWS as ADMIN_ROWS
from tests.security.matrix_attachments import ROWS as ATTACHMENT_ROWS
from tests.security.matrix_beneficiaries import ROWS as BENEFICIARY_ROWS
from tests.security.matrix_calls import ROWS as CALL_ROWS
from tests.security.matrix_core import ROWS as CORE_ROWS
from tests.security.matrix_documents import ROWS as DOCUMENT_ROWS
from tests.security.matrix_grants_admin import ROWS as GRANTS_ADMIN_ROWS
from tests.security.matrix_hours import ROWS as HOURS_ROWS
from tests.security.matrix_matches_volunteer import ROWS as MATCH_VOLUNTEER_ROWS
from tests.security.matrix_matching import ROWS as MATCHING_ROWS
from tests.security.matrix_offers import ROWS as OFFER_ROWS
from tests.security.matrix_organisations import ROWS as ORGANISATION_ROWS
from tests.security.matrix_transfer import ROWS as TRANSFER_ROWS
from tests.security.matrix_volunteer_admin import ROWS as VOLUNTEER_ADMIN_ROWS
from tests.security.matrix_volunteers import ROWS as VOLUNTEER_ROWS

EVERYONE = expectations(OK)


PUBLIC_ROWS = [
    # --- Public site ---------------------------------------------------------------------
    Row("^((?:[\\w\\-]+/)*)$", "/", EVERYONE, note="Wagtail serves every page of the tree"),
    Row("szukaj/", "/szukaj/?q=program", EVERYONE),
    Row("kanal/rss/", "/kanal/rss/", EVERYONE),
    Row("kanal/atom/", "/kanal/atom/", EVERYONE),
    Row("sitemap.xml", "/sitemap.xml", EVERYONE),
    Row("robots.txt", "/robots.txt", EVERYONE),
    Row("healthz", "/healthz", EVERYONE),
    Row("favicon.ico", "/favicon.ico", expectations(REDIRECT), note="to the static icon"),
    Row("wyglad/", "/wyglad/?contrast=high", expectations(REDIRECT)),
    Row("^media/(?P<path>.*)$", lambda w: w.image_a.file.url, EVERYONE, note="served by Django only in dev/test"),
    Row("documents/^(\\d+)/(.*)$", lambda w: w.document_a.url, EVERYONE),
    Row(
        "documents/authenticate_with_password/<int:restriction_id>/",
        "/documents/authenticate_with_password/999999/",
        expectations(DENIED),
    ),
    Row(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        lambda w: f"/_util/authenticate_with_password/999999/{w.page_a.pk}/",
        expectations(DENIED),
    ),
    Row(
        "_util/login/",
        "/_util/login/",
        expectations(DENIED, visitor=LOGIN, unverified=LOGIN),
        note="private pages log in through allauth; signed-in people are sent on from there",
    ),
]


ROWS = [
    *PUBLIC_ROWS,
    *ACCOUNT_ROWS,
    *ADMIN_ROWS,
    *CORE_ROWS,
    *VOLUNTEER_ROWS,
    *VOLUNTEER_ADMIN_ROWS,
    *HOURS_ROWS,
    *DOCUMENT_ROWS,
    *TRANSFER_ROWS,
    *BENEFICIARY_ROWS,
    *MATCHING_ROWS,
    *MATCH_VOLUNTEER_ROWS,
    *OFFER_ROWS,
    *CALL_ROWS,
    *GRANTS_ADMIN_ROWS,
    *ORGANISATION_ROWS,
    *ATTACHMENT_ROWS,
]
