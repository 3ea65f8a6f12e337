"""The head of the Jasło centre's decision on last year's call, through the service its admin
screen uses: the committee's recommendations granted as they stand, each cut explained, so the
call page, the notice PDF, the open data and the news feed show published results. A call
already decided is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model

from accounts.demo.staff import staff_email
from accounts.models import Role
from ngo_grants.demo.calls import LAST_YEAR, find_call
from ngo_grants.models import CallProgress
from ngo_grants.services import results

DECIDED_AFTER = datetime.timedelta(days=17)
REFERENCE = "Zarządzenie nr 9/{year} Dyrektora Miejskiego Ośrodka Pomocy Społecznej w Jaśle"
CUT = "Kwota zgodna z rekomendacją komisji: obniżono koszty obsługi administracyjnej."
NONE = "Wyczerpano środki przeznaczone na zadanie."


def build(builder):
    if not builder.with_users:
        return
    call = find_call(builder, LAST_YEAR)
    head = get_user_model().objects.filter(email=staff_email("jaslo", Role.SUPERVISOR)).first()
    if call is None or head is None or call.progress == CallProgress.RESULTS or results.decision_problem(call):
        return
    amounts = {}
    for offer in results.to_decide(call).select_related("recommendation"):
        amount = offer.recommendation.amount
        reason = "" if amount == offer.grant_requested else (CUT if amount else NONE)
        amounts[offer.pk] = (amount, reason)
    decided = call.closes_at + DECIDED_AFTER
    results.decide(
        call,
        user=head,
        reference=REFERENCE.format(year=call.year),
        decided_on=decided.date(),
        amounts=amounts,
        now=decided,
    )
    builder.created["published results"] += 1
