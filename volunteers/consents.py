"""The texts a volunteer agrees to, each with its version.

A consent row stores the version it was given to (RODO art. 7 (1): the centre must be able to
show what exactly was agreed). Change a text here together with its version, never one alone;
the profile then asks again for consents given to an older version.
"""

from django.utils.translation import gettext_lazy as _

from volunteers.models import ConsentKind

CONSENT_VERSION = "2026-01"
STANDARDS_VERSION = "2026-01"

CONSENT_TEXTS = {
    ConsentKind.DATA_PROCESSING: _(
        "I agree that the social-welfare centres of this platform process my personal data given in this profile "
        "in order to organise volunteering: to match me with tasks and people who need help and to contact me "
        "about them. I can withdraw this consent at any time by deleting my volunteer profile."
    ),
    ConsentKind.CONTACT_EMAIL: _("I agree to receive messages about volunteering tasks by e-mail."),
    ConsentKind.CONTACT_SMS: _("I agree to receive messages about volunteering tasks by text message (SMS)."),
}

STANDARDS_TEXT = _(
    "I have read the centre's child-protection standards and will follow them. They describe how adults "
    "working with children behave, what is not allowed and how to react when a child may be harmed."
)

GUARDIAN_TEXT = _(
    "My legal guardian has agreed that I volunteer and that my data given here is processed for volunteering."
)
