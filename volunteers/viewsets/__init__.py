"""Wagtail admin viewsets of volunteering: one module per screen (see wagtail_hooks)."""
