"""Text size and contrast preferences, kept in a cookie so they survive page loads.

The server reads the cookie to put the classes on <html> (no flash of the wrong style, works
without JavaScript); the script only saves a round trip when JavaScript is on.
"""

COOKIE_NAME = "pomost_display"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
CONTRAST_VALUES = ("normal", "high")
TEXT_VALUES = ("normal", "large", "larger")


def parse(cookie_value):
    """Read `contrast-high.text-large`, falling back to defaults on anything unexpected."""
    prefs = {"contrast": "normal", "text": "normal"}
    for part in (cookie_value or "").split("."):
        key, _, value = part.partition("-")
        if key == "contrast" and value in CONTRAST_VALUES:
            prefs["contrast"] = value
        elif key == "text" and value in TEXT_VALUES:
            prefs["text"] = value
    return prefs


def serialise(prefs):
    return f"contrast-{prefs['contrast']}.text-{prefs['text']}"


def html_classes(prefs):
    classes = []
    if prefs["contrast"] == "high":
        classes.append("contrast-high")
    if prefs["text"] != "normal":
        classes.append(f"text-{prefs['text']}")
    return " ".join(classes)
