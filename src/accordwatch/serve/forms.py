"""Reading the upload form (a file or pasted text, and metadata) within the size limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from accordwatch.serve.upload import (
    GIVEN_FIELDS,
    MAX_UPLOAD_BYTES,
    UploadResult,
    UploadTooLarge,
    ingest_upload,
)

FORM_OVERHEAD = 64 * 1024  # room for the other fields and the multipart framing


@dataclass
class UploadForm:
    data: bytes
    filename: str | None
    given: dict[str, str] = field(default_factory=dict)


def check_length(request: Request) -> None:
    """Refuse a body announced as too large before reading any of it."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_UPLOAD_BYTES + FORM_OVERHEAD:
        raise HTTPException(413, f"upload over the limit of {MAX_UPLOAD_BYTES} bytes")


async def _file_bytes(upload: UploadFile) -> bytes:
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"upload over the limit of {MAX_UPLOAD_BYTES} bytes")
    return data


def _http_error_within(exc: BaseException) -> HTTPException | None:
    if isinstance(exc, HTTPException):
        return exc
    for inner in getattr(exc, "exceptions", ()):
        found = _http_error_within(inner)
        if found is not None:
            return found
    return None


def check_origin(request: Request) -> None:
    """Refuse a form posted from another site's page (a browser names that page's origin)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "uploads are accepted from this site's own pages only")


async def read_upload(request: Request) -> UploadForm:
    check_origin(request)
    check_length(request)
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        raise HTTPException(400, "send a form (multipart/form-data) with a file or a text field")
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_UPLOAD_BYTES)
    except HTTPException:
        raise
    except Exception as exc:  # malformed multipart bodies, or BodyLimit's 413 wrapped by a task group
        raise _http_error_within(exc) or HTTPException(400, f"cannot read the form: {exc}") from exc
    given = {k: v for k in GIVEN_FIELDS if isinstance(v := form.get(k), str)}
    file = form.get("file")
    if isinstance(file, UploadFile) and file.filename:
        data = await _file_bytes(file)
        if data.strip():
            return UploadForm(data, file.filename, given)
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        data = text.encode("utf-8")
        if len(data) > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"text over the limit of {MAX_UPLOAD_BYTES} bytes")
        return UploadForm(data, None, given)
    raise HTTPException(400, "the form holds neither a file nor any text")


async def run_upload(request: Request, form: UploadForm) -> UploadResult:
    store = request.app.state.store
    try:
        return await run_in_threadpool(ingest_upload, store, form.data, form.filename, form.given)
    except UploadTooLarge as exc:
        raise HTTPException(413, str(exc)) from exc
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc


class BodyLimit:
    """ASGI middleware: a request body larger than `limit` stops with 413 as it streams in.

    The Content-Length check refuses honest large uploads at once; this catches chunked
    bodies that announce no length, before they fill the disk.
    """

    def __init__(self, app, limit: int = MAX_UPLOAD_BYTES + FORM_OVERHEAD):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise HTTPException(413, f"request body over the limit of {self.limit} bytes")
            return message

        return await self.app(scope, limited_receive, send)
