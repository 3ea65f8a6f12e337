"""The grants officers' screens in the Wagtail admin: offers to the centre's calls, and the
organisations the centre verifies."""
