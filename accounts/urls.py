from django.urls import path

from accounts import views

# Mounted at /konto/ next to allauth's own pages (login/, signup/, email/, 2fa/, sessions/…).
urlpatterns = [
    path("", views.overview, name="account_overview"),
    path("usun-konto/", views.delete_account, name="account_delete"),
]
