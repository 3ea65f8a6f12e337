"""Data exchange: a centre's spreadsheets of volunteers, applications and hours, out and in.

One place for the feature: the exports (resources), the row-by-row check of an imported list
(importing), the upload and confirmation forms (forms) and the admin screen (admin). Reading
the file itself is app-neutral and lives in core.spreadsheets; the import's writes are in
services.transfer.
"""
