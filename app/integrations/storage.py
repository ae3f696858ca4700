"""Where attachment bytes live, behind one small interface (SPEC 4: streamed to storage).

`LocalStorage` writes under a directory (`SUPPORTDESK_STORAGE_DIR`). A file is written to
a temporary name and moved into place only when complete, so a failed or refused upload
never leaves a partial object behind. An S3-compatible store would implement the same
three methods.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import anyio

CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class StoredObject:
    size: int
    sha256: str


class Storage(Protocol):
    async def save(self, stream: AsyncIterable[bytes], key: str) -> StoredObject:
        """Stores the stream under `key`; on any error (the stream's included) nothing
        is left behind and the error propagates."""
        ...

    def open(self, key: str) -> AsyncIterator[bytes]:
        """The stored bytes, in chunks."""
        ...

    async def delete(self, key: str) -> None:
        """Removes the object; a missing one is not an error."""
        ...


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path:
        parts = key.split("/")
        if not key or any(p in ("", ".", "..") or "\\" in p for p in parts):
            raise ValueError(f"not a storage key: {key!r}")
        path = self.root.joinpath(*parts)
        if not path.is_relative_to(self.root):
            raise ValueError(f"not a storage key: {key!r}")
        return path

    async def save(self, stream: AsyncIterable[bytes], key: str) -> StoredObject:
        final = self._path(key)
        partial = final.with_name(f".{final.name}.{uuid.uuid4().hex}.part")
        await anyio.to_thread.run_sync(lambda: final.parent.mkdir(parents=True, exist_ok=True))
        digest = hashlib.sha256()
        size = 0
        try:
            async with await anyio.open_file(partial, "xb") as out:
                async for chunk in stream:
                    if chunk:
                        digest.update(chunk)
                        size += len(chunk)
                        await out.write(chunk)
            await anyio.to_thread.run_sync(os.replace, partial, final)
        except BaseException:
            # Shielded: a cancelled upload must still remove its partial file.
            with anyio.CancelScope(shield=True):
                await anyio.Path(partial).unlink(missing_ok=True)
            raise
        return StoredObject(size, digest.hexdigest())

    async def open(self, key: str) -> AsyncIterator[bytes]:
        async with await anyio.open_file(self._path(key), "rb") as source:
            while chunk := await source.read(CHUNK_BYTES):
                yield chunk

    async def delete(self, key: str) -> None:
        await anyio.Path(self._path(key)).unlink(missing_ok=True)


@lru_cache
def local_storage(root: Path) -> LocalStorage:
    return LocalStorage(root)


def storage_for(storage_dir: Path) -> Storage:
    """The configured store (local files; an S3-compatible store is not built yet)."""
    return local_storage(Path(storage_dir))
