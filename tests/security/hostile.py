"""The hostile-input harness: one call throws hostile values at a form and checks every answer.

    outcomes = assert_form_survives_hostile_input(
        client, "/konto/signup/", fields={"email": "anna@example.com", "password1": PW, "password2": PW}
    )

`fields` names every field of the form with a sane value a careful user would type. First a
sweep sends the sane values alone (so a single-field form whose sane answer is refused, say
by a service after the task closed, is still checked for keeping what was typed), then puts
each catalogue value into each field in turn (the others keep their sane values; a field that
only offers choices gets CHOICE_PAYLOADS, a value of each kind; on the PostgreSQL pass only
the values a database may take differently, see `sweep_payloads`), then
leaves each field out, duplicates it and sends it in wrong byte encodings; then
hypothesis combines: several fields at once, random Unicode, long repetitions, three
transports (the test client's, raw urlencoded or query string, raw multipart) and three
encodings (UTF-8, cp1250 labelled UTF-8, invalid UTF-8). After every request it asserts:

a. no server error: an exception fails with its traceback; the status is 2xx or 3xx (or in
   `allowed_statuses`);
b. nothing comes back unescaped: no payload markup in the body, no script, event handler or
   javascript: URL carrying the payload marker, no redirect off the site;
c. on a refused form, every field is still there (the form came back, not a page without it),
   every field that got a sane value still shows it; secret fields (by default those named
   "...password...") are never echoed;
d. on a refused form, the error summary (`includes/form_errors.html`) is there and each field
   error sits in `<p class="field-error" id="<field id>_error">`, which the widget's
   `aria-describedby` names next to `aria-invalid="true"`, in Polish.

A form without fields (`fields={}`: a bare POST such as withdrawing) gets the bare request
and hostile values in the stray parameters STRAY, which the endpoint must ignore safely.

"Refused" means the form in the template context (`form_context_name`) is bound and has
errors; any other answer is "accepted" ("redirected" for a 3xx). The returned Counter says
how often each happened; `TALLY` counts every request for the end-of-run summary.
"""

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from urllib.parse import quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Every markup payload carries this marker, so a live copy of it on the page is unmistakable.
MARKER = "hx7q9"
LONG = 10_001
POLISH = "Zażółć gęślą jaźń "
MARKUP = (
    f'<script>alert("{MARKER}")</script>',
    f'"><img src=x onerror=alert("{MARKER}")>',
    f"'><svg onload=alert('{MARKER}')>",
    f"</textarea></title><script>{MARKER}</script>",
    f"<a href=\"javascript:alert('{MARKER}')\">{MARKER}</a>",
    f"javascript:alert('{MARKER}')",
    f"\" autofocus onfocus=\"alert('{MARKER}')",
)
CATALOGUE = {
    "long": ("A" * LONG, "ż" * LONG, POLISH * 600, MARKUP[1] * 300),
    "control": ("\x00", "przed\x00po", "\x01\x02\x03\x1b[2J\x7f", "\u202eexe.txt\u202c", "\ufeffZażółć",
                "a\r\nSet-Cookie: hostile=1", "\u200b\u200d\u2028\u2029", "\ud800", "x\udfffy"),
    "markup": (*MARKUP, "{{ request }}{% debug %}", "${7*7}<%= 7*7 %>"),
    "sql": ("' OR 1=1 --", '"; DROP TABLE accounts_user; --', "1' UNION SELECT password FROM accounts_user --",
            "%", "_%_", "\\", "' OR ''='"),
    "numbers and dates": ("2026-02-30", "31.13.2026", "0000-00-00", "12:61", "-1", "0", "1e309", "-1e309", "NaN",
                          "Infinity", "١٢٣", "１２３", "9" * 400, "0x1F", "1,5"),
    "unicode": ("👩‍👩‍👧‍👦", "Z̸̡͉a̷̮ł̵ó", "ﬁİß", "ｓｃｒｉｐｔ"),
    "blank": ("", " ", "\t\n", "\u00a0"),
    "e-mail": ("anna@", "@example.com", "anna@@example.com", "anna@" + "a" * 250 + ".pl",
               '"<script>"@example.com', "anna@example.com\nBcc: x@example.com", " ANNA@EXAMPLE.COM "),
    "urls": ("//evil.example/", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
             "http://testserver@evil.example/", f"data:text/html,<script>{MARKER}</script>", " //evil.example",
             "/%2F%2Fevil.example", "https:evil.example"),
}  # fmt: skip
PAYLOADS = tuple(value for values in CATALOGUE.values() for value in values)
SHORT_PAYLOADS = tuple(value for value in PAYLOADS if len(value) < 100)
# What the sweep puts into a field that only offers choices (a select, radio buttons, check
# boxes) and into the stray parameters an endpoint ignores. Any value not offered is refused
# alike whatever it says, so one value of each kind is enough, except numbers (ids that
# overflow a column), markup (echoed in "not one of the available choices"), SQL-looking text
# and blanks. Hypothesis still draws from the whole catalogue for every field.
CHOICE_PAYLOADS = tuple(
    dict.fromkeys(
        (*CATALOGUE["markup"], *CATALOGUE["numbers and dates"], *CATALOGUE["sql"], *CATALOGUE["blank"],
         *(values[0] for values in CATALOGUE.values()), "\ud800")
    )
)  # fmt: skip
# What a database may take differently from another: NUL bytes and lone surrogates (PostgreSQL
# refuses them in text), lengths (enforced by PostgreSQL, not by SQLite), numbers past a
# column's range, impossible dates, LIKE wildcards and escapes, characters outside the BMP.
DATABASE_PAYLOADS = (
    "A" * LONG, "ż" * LONG, "\x00", "przed\x00po", "\ud800", "x\udfffy", "\u202eexe.txt\u202c",
    "%", "_%_", "\\", "' OR 1=1 --", "2026-02-30", "0000-00-00", "-1", "1e309", "NaN", "9" * 400, "１２３",
    "👩‍👩‍👧‍👦", "", " ",
)  # fmt: skip
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def sweep_payloads(on_postgres):
    """The sweep's values for a field and for a field that only offers choices, on one pass.

    The PostgreSQL pass sends only the values a database may take differently from SQLite
    (DATABASE_PAYLOADS): how a page escapes markup, decodes a charset or checks an e-mail
    address does not depend on the database, and the SQLite pass (`make test`) sends the whole
    catalogue with every encoding. Hypothesis draws from all of it on both passes (half as
    many examples on PostgreSQL), and "next" (where a redirect goes) always gets all of it."""
    if not on_postgres:
        return PAYLOADS, CHOICE_PAYLOADS
    return DATABASE_PAYLOADS, tuple(value for value in CHOICE_PAYLOADS if value in DATABASE_PAYLOADS)


def examples_on_this_pass(max_examples, on_postgres):
    return max(3, max_examples // 2) if on_postgres else max_examples


SWEEP_PAYLOADS, SWEEP_CHOICE_PAYLOADS = sweep_payloads(ON_POSTGRES)
CHOICE_TYPES = {"checkbox", "radio"}
# Parameters a form without fields of its own may still be sent, hostile values in them;
# "next" is where a redirect goes, so it alone gets the whole catalogue.
STRAY = ("next", "id", "confirm")
STRAY_CHOICES = ("id", "confirm")
TRANSPORTS = {"get": ("client", "query"), "post": ("client", "urlencoded", "multipart")}
CHARSETS = ("utf-8", "cp1250", "broken")
BOUNDARY = "HostileBoundary7MA4YWxk"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}
UNWIDGETS = {"password", "submit", "button", "file", "image", "reset"}
POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
POLISH_WORDS = {"pole", "jest", "nie", "wpisz", "podaj", "adres", "hasło", "tekst", "musi", "za", "zbyt", "co",
                "najmniej", "proszę", "popraw", "wymagane", "poprawny", "znaków", "lub", "oraz", "już"}  # fmt: skip
ENGLISH_PHRASES = ("this field", "enter a valid", "ensure this value", "ensure that", "select a valid",
                   "is required", "is not a valid", "the two password", "this password is", "password is too",
                   "already registered", "are not correct", "you must type", "null characters", "please correct",
                   "please enter", "must contain", "is too long", "is too short", "invalid")  # fmt: skip


# Outcomes per form for the whole run (under xdist: per worker, merged by the controller).
TALLY: defaultdict[str, Counter] = defaultdict(Counter)


@dataclass(frozen=True)
class Case:
    """One submission: the values of each field (empty = left out, two = duplicated)."""

    values: Mapping[str, tuple[str, ...]]
    hostile: frozenset
    transport: str = "client"
    charset: str = "utf-8"

    def __repr__(self):
        values = {name: [_short(v) for v in vs] for name, vs in self.values.items()}
        return f"Case({values}, hostile={sorted(self.hostile)}, {self.transport}, {self.charset})"

    def _repr_pretty_(self, printer, cycle):
        # Hypothesis prints failing examples with this; 10,000-character values would drown them.
        printer.text(repr(self))


def _short(value):
    return repr(value) if len(value) <= 80 else f"{value[:40]!r}…({len(value)} characters)"


def assert_form_survives_hostile_input(
    client,
    url: str,
    *,
    fields: Mapping[str, str],
    method: str = "post",
    secret_fields: Collection[str] | None = None,
    fixed_data: Mapping[str, str] | None = None,
    form_context_name: str = "form",
    check_form_page: bool = True,
    allowed_statuses: Collection[int] = (),
    prepare: Callable[[], object] | None = None,
    max_examples: int = 30,
) -> Counter:
    """Run the sweep and `max_examples` hypothesis examples; raise AssertionError on the first flaw.

    `fixed_data` is sent untouched with every request (hidden fields the view needs).
    `check_form_page` first GETs `url` and requires a control for every field, so a
    misspelt field name cannot make the harness test nothing. Set it to False for endpoints
    without a page of their own (a redirecting GET such as the display preferences).
    `prepare` runs before every request, for forms whose success uses something up (a
    one-time link, the account itself) and must be set up again.
    """
    harness = _Harness(client, url, dict(fields), method.lower(), secret_fields, fixed_data or {},
                       form_context_name, set(allowed_statuses), prepare or (lambda: None))  # fmt: skip
    raise_request_exception, client.raise_request_exception = client.raise_request_exception, True
    try:
        if check_form_page:
            harness.check_form_page()
        for case in harness.sweep():
            harness.attempt(case)
        harness.explore(examples_on_this_pass(max_examples, harness.database_only))
    finally:
        client.raise_request_exception = raise_request_exception
    return harness.outcomes


class _Harness:
    def __init__(self, client, url, fields, method, secret_fields, fixed_data, form_context_name, allowed, prepare):
        assert method in TRANSPORTS, f"method must be one of {sorted(TRANSPORTS)}"
        self.client, self.url, self.fields, self.method = client, url, fields, method
        self.secret = set(secret_fields if secret_fields is not None else [n for n in fields if "password" in n])
        self.fixed_data, self.form_context_name, self.allowed = fixed_data, form_context_name, allowed
        self.prepare = prepare
        self.form, self.outcomes = f"{method.upper()} {url}", Counter()
        # The PostgreSQL pass (sweep_payloads): read when the harness starts, so the harness's
        # own tests can put the whole catalogue back.
        self.database_only = SWEEP_PAYLOADS is not PAYLOADS
        # What each varied parameter carries when it is not the hostile one: a field its sane
        # value; a stray parameter of a form without fields nothing at all.
        self.sane = {name: (value,) for name, value in fields.items()} or dict.fromkeys(STRAY, ())
        # The sweep's values per parameter; check_form_page narrows those of choice fields.
        self.payloads = {name: PAYLOADS if name == "next" else SWEEP_PAYLOADS for name in self.sane}
        if not fields:
            self.payloads.update(dict.fromkeys(STRAY_CHOICES, SWEEP_CHOICE_PAYLOADS))

    def check_form_page(self):
        self.prepare()
        response = self.client.get(self.url)
        assert response.status_code == 200, f"the form page {self.url} answers {response.status_code}"
        page = _Page(response.content.decode())
        missing = [name for name in self.fields if not page.by_name.get(name)]
        assert not missing, f"{self.url} has no control named {missing}: check the field names given to the harness"
        for name in self.fields:
            if all(_offers_choices(control) for control in page.by_name[name]):
                self.payloads[name] = SWEEP_CHOICE_PAYLOADS

    def sweep(self):
        """Every catalogue value in every field once, then missing, duplicated and mis-encoded fields."""
        sane = self.sane
        raw = TRANSPORTS[self.method][1:]
        yield Case(sane, frozenset())
        for name in sane:
            for value in self.payloads[name]:
                yield Case({**sane, name: (value,)}, frozenset([name]))
            yield Case({**sane, name: ()}, frozenset([name]))
            if self.database_only and name != "next":
                continue  # duplicated fields and charsets are the SQLite pass's (sweep_payloads)
            yield Case({**sane, name: (MARKUP[0], *sane[name])}, frozenset([name]))
            yield Case({**sane, name: (*sane[name], MARKUP[1])}, frozenset([name]))
            for transport in raw:
                for charset in CHARSETS[1:]:
                    yield Case({**sane, name: (POLISH + MARKUP[0],)}, frozenset([name]), transport, charset)
        yield Case(dict.fromkeys(sane, ()), frozenset(sane))

    def explore(self, max_examples):
        @settings(
            max_examples=max_examples,
            deadline=None,
            database=None,
            report_multiple_bugs=False,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
        )
        @given(case=self.cases())
        def hostile_combinations(case):
            self.attempt(case)

        hostile_combinations()

    def cases(self):
        text = st.one_of(
            st.sampled_from(PAYLOADS),
            st.text(st.characters(exclude_categories=()), max_size=60),
            st.tuples(st.sampled_from(SHORT_PAYLOADS), st.sampled_from(SHORT_PAYLOADS)).map("".join),
            st.tuples(st.sampled_from(SHORT_PAYLOADS), st.integers(2, 3000)).map(lambda t: t[0] * t[1]),
        )
        names = sorted(self.sane)

        @st.composite
        def case(draw):
            hostile = draw(st.sets(st.sampled_from(names), min_size=1))
            values = {}
            for name in names:
                sane = st.just(self.sane[name])
                values[name] = (
                    draw(
                        st.one_of(
                            text.map(lambda v: (v,)),
                            st.just(()),
                            st.tuples(text, sane).map(lambda t: (t[0], *t[1])),
                            st.tuples(sane, text).map(lambda t: (*t[0], t[1])),
                        )
                    )
                    if name in hostile
                    else self.sane[name]
                )
            transport = draw(st.sampled_from(TRANSPORTS[self.method]))
            return Case(values, frozenset(hostile), transport, draw(st.sampled_from(CHARSETS)))

        return case()

    def attempt(self, case):
        where = f"{self.method.upper()} {self.url} with {case!r}"
        # allauth's rate limits live in the cache; without this, later inputs would only see 429s.
        cache.clear()
        self.prepare()
        try:
            response = self.send(case)
        except Exception as exc:
            raise AssertionError(f"server error ({type(exc).__name__}: {exc}) on {where}") from exc
        outcome = self.check(case, response, where)
        self.outcomes[outcome] += 1
        TALLY[self.form][outcome] += 1

    def send(self, case):
        pairs = [(name, value) for name, value in self.fixed_data.items()]
        pairs += [(name, value) for name, values in case.values.items() for value in values]
        encodable = case.charset == "utf-8" and not any(_has_surrogate(value) for _, value in pairs)
        transport = case.transport if case.transport != "client" or encodable else TRANSPORTS[self.method][1]
        if transport == "client":
            data = {}
            for name, value in pairs:
                data.setdefault(name, []).append(value)
            return self.client.get(self.url, data) if self.method == "get" else self.client.post(self.url, data)
        encoded = [(name, _encode(value, case.charset if name in case.hostile else "utf-8")) for name, value in pairs]
        if transport == "multipart":
            return self.client.post(
                self.url, _multipart(encoded), content_type=f"multipart/form-data; boundary={BOUNDARY}"
            )
        body = "&".join(f"{quote_from_bytes(name.encode())}={quote_from_bytes(value)}" for name, value in encoded)
        if transport == "query":
            return self.client.get(f"{self.url}{'&' if '?' in self.url else '?'}{body}")
        content_type = "application/x-www-form-urlencoded; charset=utf-8"
        return self.client.post(self.url, body.encode(), content_type=content_type)

    def check(self, case, response, where):
        status = response.status_code
        assert status < 500, f"server error {status} on {where}"
        assert status < 400 or status in self.allowed, f"unexpected status {status} on {where}"
        if 300 <= status < 400:
            # Django's check refuses URLs over 2048 characters outright; where a redirect
            # goes is decided by its beginning, and a long on-site path is no flaw.
            location, host = response["Location"][:2000], response.wsgi_request.get_host()
            assert url_has_allowed_host_and_scheme(location, allowed_hosts={host}), (
                f"redirect off the site to {location!r} on {where}"
            )
            return "redirected"
        body = response.content.decode(response.charset or "utf-8", errors="replace")
        page = _Page(body)
        _assert_escaped(body, page, where)
        self.assert_secrets_not_echoed(case, body, where)
        form = response.context.get(self.form_context_name) if response.context is not None else None
        if status >= 400:
            return f"status {status}"
        if form is None or not form.is_bound or not form.errors:
            return "accepted"
        self.assert_typed_values_kept(case, page, where)
        _assert_errors_shown_in_polish(form, page, where)
        return "refused"

    def assert_secrets_not_echoed(self, case, body, where):
        shown_elsewhere = {v for name, vs in case.values.items() if name not in self.secret for v in vs}
        for name in self.secret:
            for value in case.values.get(name, ()):
                distinctive = value == self.fields[name] or MARKER in value
                # A secret that is part of a value the page may show (the e-mail field holding
                # the same script, say) proves nothing when found.
                inside_shown = any(value in other for other in shown_elsewhere)
                if distinctive and value and not inside_shown:
                    assert value not in body and escape(value) not in body, (
                        f"the secret field {name!r} was echoed back on {where}"
                    )

    def assert_typed_values_kept(self, case, page, where):
        for name, value in self.fields.items():
            assert page.by_name.get(name), (
                f"refused form lost its field {name!r}: the page has no control of that name, on {where}"
            )
            if name in case.hostile or name in self.secret:
                continue
            shown = _shown_values(page, name)
            assert value in shown, (
                f"refused form lost what was typed in {name!r}: typed {value!r}, shown {shown!r}, on {where}"
            )


def _has_surrogate(value):
    return any("\ud800" <= char <= "\udfff" for char in value)


def _encode(value, charset):
    if charset == "cp1250":
        return value.encode("cp1250", errors="replace")
    raw = value.encode("utf-8", errors="surrogatepass")
    # Overlong, truncated and stray bytes: nothing a UTF-8 decoder accepts.
    return b"\xc0\xaf" + raw + b"\xff\xc3(" if charset == "broken" else raw


def _multipart(pairs):
    boundary = BOUNDARY.encode()
    parts = [
        b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (boundary, name.encode(), value)
        for name, value in pairs
    ]
    return b"".join(parts) + b"--%s--\r\n" % boundary


class _Page:
    """An answer parsed once, its elements indexed by name and id in the same single pass.

    The harness looks up every field of every answer, tens of thousands of answers a run;
    BeautifulSoup's find() walks the whole tree for each look-up."""

    def __init__(self, body):
        self.tags = BeautifulSoup(body, "html.parser").find_all(True)
        self.by_name, self.by_id, self.summary = {}, {}, None
        for tag in self.tags:
            if (name := tag.get("name")) is not None:
                self.by_name.setdefault(name, []).append(tag)
            if (ident := tag.get("id")) is not None:
                self.by_id.setdefault(ident, tag)
            if self.summary is None and "error-summary" in tag.get("class", ()):
                self.summary = tag


def _assert_escaped(body, page, where):
    for payload in MARKUP:
        assert payload not in body, f"unescaped markup {payload!r} in the answer to {where}"
    for tag in page.tags:
        assert not (tag.name == "script" and MARKER in tag.get_text()), f"injected <script> in the answer to {where}"
        for attribute, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if MARKER not in value:
                continue
            assert not attribute.startswith("on"), f"injected {attribute}= handler in the answer to {where}"
            assert not (attribute in URL_ATTRIBUTES and value.strip().lower().startswith(("javascript:", "data:"))), (
                f"injected {attribute}={value!r} in the answer to {where}"
            )


def _offers_choices(control):
    return control.name == "select" or (control.name == "input" and (control.get("type") or "").lower() in CHOICE_TYPES)


def _shown_values(page, name):
    shown = []
    for control in page.by_name.get(name, ()):
        kind = (control.get("type") or "text").lower()
        if control.name == "textarea":
            text = control.get_text()
            shown.append(text[1:] if text.startswith("\n") else text)
        elif control.name == "select":
            shown += [option.get("value", option.get_text()) for option in control.find_all("option", selected=True)]
        elif kind in {"checkbox", "radio"}:
            if control.has_attr("checked"):
                shown.append(control.get("value", "on"))
        elif kind not in UNWIDGETS:
            shown.append(control.get("value", ""))
    return shown


def _normalise(text):
    return " ".join(text.split())


def _assert_errors_shown_in_polish(form, page, where):
    # The messages are read from the page, not from form.errors: the page is what people see,
    # and lazy messages in form.errors would be translated again in the test's language.
    summary = page.summary
    assert summary is not None, f"refused without the error summary (includes/form_errors.html) on {where}"
    items = [_normalise(item.get_text()) for item in summary.find_all("li")]
    assert len(items) >= sum(len(errors) for errors in form.errors.values()), (
        f"the error summary lists {len(items)} of the form's errors {dict(form.errors)} on {where}"
    )
    for item in items:
        _assert_polish(item, f"the error summary on {where}")
    for name in form.errors:
        if name == NON_FIELD_ERRORS or name not in form.fields:
            continue
        field_id = form[name].id_for_label
        paragraph = page.by_id.get(f"{field_id}_error")
        assert paragraph is not None and paragraph.name == "p" and "field-error" in paragraph.get("class", []), (
            f'error of {name!r} not in <p class="field-error" id="{field_id}_error"> on {where}'
        )
        _assert_polish(_normalise(paragraph.get_text()), f"{name!r} on {where}")
        widget = page.by_id.get(field_id)
        assert widget is not None and widget.get("aria-invalid") == "true", (
            f'the widget of {name!r} lacks aria-invalid="true" on {where}'
        )
        assert f"{field_id}_error" in (widget.get("aria-describedby") or "").split(), (
            f"the widget of {name!r} is not described by its error on {where}"
        )


def _assert_polish(message, where):
    lowered = message.lower()
    assert message, f"empty error message for {where}"
    english = [phrase for phrase in ENGLISH_PHRASES if phrase in lowered]
    assert not english, f"English error message {message!r} for {where}"
    assert POLISH_LETTERS & set(message) or POLISH_WORDS & set(re.findall(r"\w+", lowered)), (
        f"error message {message!r} does not read as Polish, for {where}"
    )
    assert "%(" not in message, f"unformatted placeholder in {message!r} for {where}"


# The end-of-run summary. This module is a pytest plugin: tests/security/conftest.py registers
# it, and tests/conftest.py must list it in `pytest_plugins` too, because under xdist the
# controller, which prints the summary, never loads the conftest of a subfolder.


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["hostile_input"] = {form: dict(outcomes) for form, outcomes in TALLY.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    for form, outcomes in getattr(node, "workeroutput", {}).get("hostile_input", {}).items():
        TALLY[form].update(outcomes)


def pytest_terminal_summary(terminalreporter):
    if TALLY:
        inputs = sum(outcomes.total() for outcomes in TALLY.values())
        terminalreporter.write_line(f"hostile-input harness: {inputs} inputs on {len(TALLY)} forms")
        for form, outcomes in sorted(TALLY.items()):
            counts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items()))
            terminalreporter.write_line(f"  {form}: {counts}")
