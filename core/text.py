"""Polish-aware text helpers, and what text people type or upload may not contain.

Folding and slugs: `fold` lowers and strips diacritics for search, `polish_slugify` makes
ASCII slugs from Polish titles.

Hidden characters, checked in one place:

Control characters (C0 and C1, DEL) have no business in a name, an address or a note: they
break exports, e-mail headers and the PDF documents. The marks that reverse the direction of
text (U+202A–U+202E, U+2066–U+2069) make "gpj.exe" read as "exe.jpg" and hide what an entry
says from the coordinator reading it. Lone surrogates cannot be stored as UTF-8 at all.
Tab, line feed and carriage return are ordinary in text that spans lines and are refused only
where the field has one line.

`refuse_hidden_characters` is installed into every form field that takes text (see
`install_form_check`); the volunteer import uses `HIDDEN` for its cells and files.
"""

import re
import unicodedata

from django import forms
from django.forms import widgets
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
LINE_BREAKS = re.compile(r"[\t\n\r]")

MESSAGE = _(
    "This text contains invisible control characters or marks that reverse the direction of text "
    "(often copied together with text from another program). Type the text again instead of pasting it."
)
ONE_LINE_MESSAGE = _("This field takes one line: remove the line breaks and tabs.")


def one_line(widget):
    """A visible single-line input: text, e-mail, password, search, URL, number…

    Text areas are not `Input`s; hidden inputs carry values scripts wrote (Wagtail's rich text
    editor sends JSON there), which may hold line breaks.
    """
    return isinstance(widget, widgets.Input) and not isinstance(widget, widgets.HiddenInput)


def refuse_hidden_characters(field, value):
    """Raise the field's error when `value` (as submitted) contains hidden characters."""
    if not isinstance(value, str):
        return
    if HIDDEN.search(value):
        # A field may say it in its own words, as Django's own messages are overridden.
        message = field.error_messages.get("hidden_characters", MESSAGE)
        raise forms.ValidationError(message, code="hidden_characters")
    # Around the value they are what copying a spreadsheet cell adds; the field strips them.
    if one_line(field.widget) and LINE_BREAKS.search(value.strip()):
        raise forms.ValidationError(ONE_LINE_MESSAGE, code="line_breaks")


def install_form_check():
    """Make every text field of every form refuse hidden characters, with the message at the field.

    Installed once, from CoreConfig.ready(), on django.forms.CharField itself rather than through
    a base form class: the project's text reaches the database through forms it does not write
    — allauth's sign-up, login and e-mail forms, Wagtail's page, snippet and user editors and
    every StreamField block (their CharBlock and TextBlock clean through a CharField) — and a mixin
    would have to be remembered in each of them and in every form yet to come. Subclasses
    (EmailField, SlugField, URLField, RegexField, JSONField) inherit it. The check runs before the
    field's own cleaning, so nothing hostile reaches a `clean_<field>` method or a query; the form
    comes back bound, with everything typed still in it.
    """
    if getattr(forms.CharField, "_refuses_hidden_characters", False):
        return
    original_clean = forms.CharField.clean

    def clean(self, value):
        refuse_hidden_characters(self, value)
        return original_clean(self, value)

    forms.CharField.clean = clean
    forms.CharField._refuses_hidden_characters = True


# Letters that Unicode does not decompose into a base letter plus a mark.
# Applied after case folding, so lower-case forms are enough.
_SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ħ": "h", "ı": "i"}


def _strip_marks(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold_char(char):
    """Lower-case `char` without diacritics; control and format characters become a space.

    Marks are stripped again after case folding ("İ" folds to "i" plus a dot), and the
    letters Unicode does not decompose are mapped last, so folding folded text changes
    nothing.
    """
    if unicodedata.category(char)[0] == "C":
        return " "
    folded = _strip_marks(_strip_marks(char).casefold())
    return "".join(_SPECIAL.get(c, c) for c in folded)


def fold(text):
    return "".join(fold_char(char) for char in text or "")


def polish_slugify(title):
    """ASCII slug from a Polish title: "Nagroda dla ośrodka" → "nagroda-dla-osrodka"."""
    return slugify(fold(title))


# A listing's search box matches every word with LIKE; more words only slow the query down
# and SQLite refuses a pattern over 50,000 characters ("LIKE or GLOB pattern too complex").
SEARCH_WORDS = 8
SEARCH_WORD_LENGTH = 200


def search_words(query):
    """The words of a listing's search box, few and short enough for any database.

    No stored name or title is longer than SEARCH_WORD_LENGTH, so a longer word, cut to
    that length, still matches nothing it would not have matched whole."""
    return [word[:SEARCH_WORD_LENGTH] for word in query.split()[:SEARCH_WORDS]]
