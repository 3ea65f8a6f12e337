"""What open calls tell the rest of the site, without knowing who listens.

`call_outcome_published` is sent after the commit that published a call's outcome (its
annulment; later its results), with `call`, `title` and `lead` in Polish: the website (home)
puts an item in the centre's news feed, as art. 18a ust. 2 and art. 15 ust. 2h ask the outcome
to be published where the call was announced.
"""

from django.dispatch import Signal

call_outcome_published = Signal()
