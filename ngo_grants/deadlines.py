"""Time as the law and the call page count it: the art. 13 rule in Polish calendar days and
the time left until the deadline in words.

Both are pure functions of aware datetimes, so the editor's form, the publishing guard and the
call page agree, and the tests can put any moment (midnight, the daylight-saving nights) in.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WARSAW = ZoneInfo("Europe/Warsaw")
# Art. 13 ust. 1: the deadline is at least 21 days after the announcement.
MIN_DAYS_TO_DEADLINE = 21


def polish_date(moment):
    """The calendar day of `moment` in Poland, whatever time zone is active for the request."""
    return moment.astimezone(WARSAW).date()


def earliest_deadline_day(published_at):
    return polish_date(published_at) + datetime.timedelta(days=MIN_DAYS_TO_DEADLINE)


def deadline_problem(published_at, closes_at):
    """Why a call published at `published_at` may not close at `closes_at` (art. 13), or None.

    Days are counted as the law counts them, in calendar days in Poland: the day of
    publication does not count, so a call published on 1 March may close on 22 March at the
    earliest, at any hour. Counting dates, not hours, keeps the rule the same across the
    daylight-saving changes and around midnight.
    """
    first_day = earliest_deadline_day(published_at)
    if polish_date(closes_at) >= first_day:
        return None
    return _(
        "The deadline for offers must be at least %(days)s days after publication: "
        "for a call published on %(published)s, on %(first)s or later."
    ) % {
        "days": MIN_DAYS_TO_DEADLINE,
        "published": polish_date(published_at).strftime("%d.%m.%Y"),
        "first": first_day.strftime("%d.%m.%Y"),
    }


def time_left(now, until):
    """ "5 days 3 hours" ("5 dni 3 godziny") of real time from `now` to `until`; the two largest
    units that are not zero, minutes only when less than a day is left."""
    # In UTC: Python subtracts two times of one zone by their wall clocks, ignoring the hour
    # the clocks jump in spring.
    seconds = int((until.astimezone(datetime.UTC) - now.astimezone(datetime.UTC)).total_seconds())
    if seconds <= 0:
        return ""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if not days and (minutes or not hours):
        minutes = max(minutes, 1)
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
    return " ".join(parts)


def end_of_day_after(moment, days):
    """The last second of the day, Polish time, `days` days after the day of `moment`: the
    deadlines organisations are given ("within 7 days", "within 30 days") end with that day."""
    day = timezone.localdate(moment) + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
