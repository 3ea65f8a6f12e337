from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.feeds import NewsAtomFeed, NewsRssFeed
from search import views as search_views

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    # Wagtail's own login form would skip allauth's rate limits and two-factor step.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's admin API lists every image and document, ignoring collection permissions;
    # the admin's own screens do not use these two endpoints.
    re_path(r"^admin/api/main/(?:images|documents)/", home_views.page_not_found),
    # Wagtail's error-page demonstrations: nobody needs a deliberate 500.
    path("admin/failwhale/", home_views.page_not_found),
    path("admin/test404/", home_views.page_not_found),
    # The password form for private pages also goes through allauth (rate limits, 2FA).
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("konto/", include("accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("szukaj/", search_views.search, name="search"),
    path("wolontariat/", include("volunteers.urls")),
    path("", include("ngo_grants.urls")),
    path("kanal/rss/", NewsRssFeed(), name="news_rss"),
    path("kanal/atom/", NewsAtomFeed(), name="news_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("wyglad/", home_views.display_preferences, name="display_preferences"),
    path("healthz", home_views.healthz, name="healthz"),
]

if getattr(settings, "SERVE_MEDIA", False):
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
