"""Hours: volunteers log their sessions, coordinators approve or reject them.

One place for the feature: the volunteer's form and pages (forms, views), the coordinators'
admin listing with its filters and bulk actions (admin*), the mail about a decision (tasks).
The rules — limits, flags, totals — are state transitions and live in services.hours.
"""
