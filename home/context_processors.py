from home import display


def display_preferences(request):
    prefs = display.parse(request.COOKIES.get(display.COOKIE_NAME))
    return {"display_prefs": prefs, "display_classes": display.html_classes(prefs)}
