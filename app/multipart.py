"""A streaming reader of one `multipart/form-data` upload (HTTP layer).

FastAPI's `UploadFile` spools the whole part before the endpoint runs; this reader feeds
the request stream through python-multipart's push parser and hands the file part on
chunk by chunk, so a refused upload stops reading at the limit and memory stays flat.
Small text fields (`visibility`) may come before or after the file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from app.domain.attachments import FileMissing, UploadMalformed, UploadMustBeMultipart

MAX_FIELD_BYTES = 1024  # a text field of this form is a word
MAX_PARTS = 10

_Event = tuple[str, Any]


class MultipartUpload:
    """`await file()` advances to the `file` part and answers its name; `chunks()` yields
    its bytes; `await finish()` reads the rest and answers the text fields."""

    def __init__(
        self, stream: AsyncIterator[bytes], content_type: str, file_field: str = "file"
    ) -> None:
        kind, options = parse_options_header(content_type or "")
        # Checked on first use, so that the endpoint's own checks (a ticket the caller may
        # not see answers 404) come first.
        self._boundary = options.get(b"boundary") if kind == b"multipart/form-data" else None
        self.file_field = file_field
        self.fields: dict[str, str] = {}
        self._stream = stream
        self._pending: list[_Event] = []
        self._parser = MultipartParser(
            self._boundary or b"-",
            {
                "on_part_begin": lambda: self._pending.append(("begin", None)),
                "on_part_data": lambda d, s, e: self._pending.append(("data", bytes(d[s:e]))),
                "on_part_end": lambda: self._pending.append(("end", None)),
                "on_header_field": lambda d, s, e: self._pending.append(("field", d[s:e])),
                "on_header_value": lambda d, s, e: self._pending.append(("value", d[s:e])),
                "on_header_end": lambda: self._pending.append(("header_end", None)),
                "on_headers_finished": lambda: self._pending.append(("headers", None)),
            },
        )
        self._events = self._parse()
        self._parts = 0
        self._in_file = False
        self._file_seen = False

    async def _parse(self) -> AsyncIterator[_Event]:
        if not self._boundary:
            raise UploadMustBeMultipart(
                "send the file as multipart/form-data with a boundary (field `file`)"
            )
        try:
            async for chunk in self._stream:
                self._parser.write(chunk)
                events, self._pending = self._pending, []
                for event in events:
                    yield event
            self._parser.finalize()
        except MultipartParseError as exc:
            raise UploadMalformed(f"the multipart body cannot be read: {exc}") from None
        for event in self._pending:
            yield event

    async def _next_part(self) -> tuple[str | None, str | None] | None:
        """Reads up to the next part's headers: its (field name, filename), or None."""
        headers: dict[bytes, bytes] = {}
        name = value = b""
        async for kind, data in self._events:
            if kind == "begin":
                self._parts += 1
                if self._parts > MAX_PARTS:
                    raise UploadMalformed(f"a form of at most {MAX_PARTS} parts is expected")
                headers, name, value = {}, b"", b""
            elif kind == "field":
                name += data
            elif kind == "value":
                value += data
            elif kind == "header_end":
                headers[name.lower()] = value
                name = value = b""
            elif kind == "headers":
                disposition = headers.get(b"content-disposition", b"")
                _, options = parse_options_header(disposition)
                field = options.get(b"name")
                filename = options.get(b"filename")
                return (
                    field.decode("utf-8", "replace") if field is not None else None,
                    filename.decode("utf-8", "replace") if filename is not None else None,
                )
        return None

    async def file(self) -> str:
        """Skips (and records) text fields until the file part; answers its filename."""
        while (part := await self._next_part()) is not None:
            field, filename = part
            if field == self.file_field and filename is not None and not self._file_seen:
                self._in_file = self._file_seen = True
                return filename
            await self._read_field(field)
        raise FileMissing()

    async def chunks(self) -> AsyncIterator[bytes]:
        """The file part's bytes, as they arrive."""
        if not self._in_file:
            raise RuntimeError("call file() first")
        async for kind, data in self._events:
            if kind == "data":
                yield data
            elif kind == "end":
                self._in_file = False
                return
        raise UploadMalformed("the body ended inside the file part")

    async def finish(self) -> dict[str, str]:
        """Reads the parts after the file; answers every text field."""
        while (part := await self._next_part()) is not None:
            await self._read_field(part[0])
        return self.fields

    async def _read_field(self, field: str | None) -> None:
        value = b""
        async for kind, data in self._events:
            if kind == "data":
                value += data
                if len(value) > MAX_FIELD_BYTES:
                    raise UploadMalformed(f"form field {field!r} is too long")
            elif kind == "end":
                break
        if field is not None and field != self.file_field:
            self.fields[field] = value.decode("utf-8", "replace")
