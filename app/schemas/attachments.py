"""Attachments of a case: logs, traces, captures (SPEC 4)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

UPLOAD_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "The file; its type is read from its content, and its "
                        "name is reduced to a safe subset.",
                    },
                    "visibility": {
                        "type": "string",
                        "enum": ["public", "internal"],
                        "default": "public",
                        "description": "`internal`: support staff only.",
                    },
                },
            },
            "encoding": {"file": {"contentType": "application/octet-stream"}},
        }
    },
}


class AttachmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    ticket_id: uuid.UUID
    filename: str = Field(examples=["sip-trace.pcap"], description="The sanitised name")
    content_type: str = Field(
        examples=["application/vnd.tcpdump.pcap"],
        description="Sniffed from the content, never taken from the client",
    )
    size: int = Field(description="Bytes")
    sha256: str
    visibility: Literal["public", "internal"]
    uploaded_by: uuid.UUID | None
    uploaded_role: str
    created_at: datetime
