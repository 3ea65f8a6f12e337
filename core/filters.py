"""Filters for listings (django-filter), with every id bounded before it reaches the database.

A listing's filter with a value that cannot be an id shows the filter's error and the
unfiltered listing, as for any other choice that is not offered.
"""

import django_filters

from core.forms import IdChoiceMixin


class IdChoiceField(IdChoiceMixin, django_filters.fields.ModelChoiceField):
    """django-filter's choice field (it adds the "empty" choice) with the id bounded."""


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """Use instead of django_filters.ModelChoiceFilter everywhere in the project."""

    field_class = IdChoiceField
