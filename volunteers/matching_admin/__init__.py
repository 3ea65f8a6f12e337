"""The staff side of matching in the Wagtail admin: the centre's plan, one need's candidates,
the open needs, the matches and each match's story.

The engine proposes; only a person confirms (each "Propose" is `services.matches.propose`).
Every screen reads through the scoped querysets (`Need.objects.visible_to`,
`Match.objects.visible_to`), so another centre's staff find nothing (404). `viewset` holds
the URLs and the menu; `plan` the proposing screens; `matches` the listing and one match.
"""
