from django.urls import path

from volunteers import match_views, views
from volunteers.documents import views as document_views
from volunteers.hours import views as hours_views

app_name = "volunteers"

# Mounted at /wolontariat/; only these paths, so Wagtail still serves pages under /wolontariat/.
urlpatterns = [
    path("moje/", views.dashboard, name="dashboard"),
    path("profil/", views.profile_overview, name="profile"),
    path("profil/o-tobie/", views.profile_about, name="profile_about"),
    path("profil/zainteresowania/", views.profile_interests, name="profile_interests"),
    path("profil/dostepnosc/", views.profile_availability, name="profile_availability"),
    path("profil/zgody/", views.profile_consents, name="profile_consents"),
]

urlpatterns += hours_views.urlpatterns + document_views.urlpatterns
urlpatterns += match_views.urlpatterns
