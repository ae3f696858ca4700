"""Multi-row inserts whose SQL does not depend on how many rows there are (PostgreSQL).

SQLAlchemy gives a multi-row `INSERT … VALUES (…), (…)` no cache key: the statement is
built and compiled anew on every call, which cost a create request more CPU than anything
else it does in Python. The same rows sent as one array per column —
`INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::text[])` — make one statement
per set of columns, whatever the number of rows (none included): compiled once per
process, prepared once per connection. JSON columns travel as `text[]` of serialised
values (each column type's own bind processing, so `None` is JSON `null` as the ORM
writes it) and are cast back to `jsonb` in the select list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql.asyncpg import dialect as _asyncpg_dialect
from sqlalchemy.types import JSON

_DIALECT = _asyncpg_dialect()  # type: ignore[no-untyped-call]


@dataclass(frozen=True, slots=True)
class Unnest:
    """`table`'s `columns`, as the parameters `<prefix>_<column>` (one array each)."""

    table: Table
    columns: tuple[str, ...]
    prefix: str

    @property
    def _json(self) -> frozenset[str]:
        return _json_columns(self.table, self.columns)

    def insert_sql(self, *, numbered_by: str | None = None) -> str:
        """`INSERT INTO table (columns) SELECT … FROM unnest(…)`. With `numbered_by`, the
        row's 1-based position (`WITH ORDINALITY`) is added to that SQL expression and
        stored in a leading `seq` column."""
        arrays = ", ".join(
            f"CAST(:{self.prefix}_{c} AS {_array_type(self.table, c)})" for c in self.columns
        )
        values = [f"u.{c}::jsonb" if c in self._json else f"u.{c}" for c in self.columns]
        names = list(self.columns)
        source = f"unnest({arrays})"
        if numbered_by is not None:
            names.insert(0, "seq")
            values.insert(0, f"({numbered_by}) + u.n")
            source += " WITH ORDINALITY"
        alias = ", ".join([*self.columns, *(["n"] if numbered_by is not None else [])])
        return (
            f"INSERT INTO {self.table.name} ({', '.join(names)}) "  # noqa: S608 (model names)
            f"SELECT {', '.join(values)} FROM {source} AS u({alias})"
        )

    def params(self, rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
        """One list per column, each value bound as its column binds it."""
        out: dict[str, list[Any]] = {}
        for column in self.columns:
            bind = _processor(self.table, column)
            values = [row[column] for row in rows]
            out[f"{self.prefix}_{column}"] = [bind(v) for v in values] if bind else values
        return out


@cache
def _json_columns(table: Table, columns: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c for c in columns if isinstance(table.c[c].type.dialect_impl(_DIALECT), JSON))


@cache
def _array_type(table: Table, column: str) -> str:
    kind = table.c[column].type
    if isinstance(kind.dialect_impl(_DIALECT), JSON):
        return "text[]"
    return f"{kind.compile(dialect=_DIALECT)}[]"


@cache
def _processor(table: Table, column: str) -> Any:
    kind = table.c[column].type.dialect_impl(_DIALECT)
    return kind.bind_processor(_DIALECT)
