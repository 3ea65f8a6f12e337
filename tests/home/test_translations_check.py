"""`manage.py translations check` reports both directions of drift between code and catalogue."""

from home.management.commands import translations

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
COMMITTED = HEADER + (
    'msgid "Apply"\nmsgstr "Zgłoś się"\n\nmsgctxt "outgoing e-mail"\nmsgid "failed"\nmsgstr "niewysłana"\n'
)
FROM_SOURCE = HEADER + 'msgid "Apply"\nmsgstr ""\n\nmsgid "Withdraw"\nmsgstr ""\n'


def test_the_check_names_new_messages_and_entries_the_source_no_longer_shows(tmp_path, monkeypatch):
    path = tmp_path / "pl" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(COMMITTED, encoding="utf-8")
    # makemessages rewrites the catalogue from the source; here the source uses "Apply" and
    # "Withdraw", and builds the e-mail status with a context makemessages cannot see.
    monkeypatch.setattr(translations, "call_command", lambda *args, **kwargs: path.write_text(FROM_SOURCE))

    missing, unused = translations.Command().compare_with_source(path, translations.read_catalogue(path))

    assert missing == [("Withdraw", None)]
    assert unused == [("failed", "outgoing e-mail")]
    assert path.read_text(encoding="utf-8") == COMMITTED
