"""Downloads of private files: saved, never shown inline, never kept by a shared cache.

The file's name goes into Content-Disposition twice: as ASCII for old clients ("Oświadczenie
zarządu.pdf" → "Oswiadczenie zarzadu.pdf") and in full, UTF-8 and percent-encoded as RFC 5987
defines it, for every current browser. Neither can carry a quote, a line break or a path.
"""

from urllib.parse import quote

from anyascii import anyascii
from django.http import FileResponse, HttpResponse

from core.text import HIDDEN


def ascii_filename(name):
    text = anyascii(name)
    return "".join(char for char in text if char.isalnum() or char in " .-_()+,").strip(" .") or "plik"


def content_disposition(name):
    name = HIDDEN.sub("", str(name)).replace("/", "_").replace("\\", "_") or "plik"
    return f"attachment; filename=\"{ascii_filename(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def private_download(content, name, content_type):
    """A response with `content` (bytes, or an open binary file, streamed) to be saved as `name`."""
    if isinstance(content, bytes):
        response = HttpResponse(content, content_type=content_type)
    else:
        response = FileResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Were it opened in the browser after all, it could run nothing and load nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
