"""Full-text search over cases: subject, description and comments (SPEC 4 lists; issue 12).

PostgreSQL keeps a generated `tsvector` on `tickets` (subject weighted above description)
and on `comments`, each with a GIN index; SQLite keeps an FTS5 table, `ticket_search`,
whose rowid is the ticket's rowid and which triggers keep current. Both use a simple,
language-neutral tokenizer (customers write in many languages), both rank, and both keep
internal comments out of what a customer or partner can match.

The search artefacts are not ORM columns (one dialect each): migrations create them, and
`is_search_artefact` keeps the schema comparison and autogenerate away from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    String,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
    union_all,
)
from sqlalchemy.sql.util import find_tables

from app.db.models import Comment, Ticket

TSCONFIG = "simple"
FTS_TABLE = "ticket_search"
# The tokens a query is made of, as FTS5 would split them (letters and digits of any script).
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Weight of the best matching comment next to the ticket's own text.
_COMMENT_WEIGHT = 0.5
# PostgreSQL, ordered by rank: how many of the newest matches of the text, and of the
# comments, are ranked; the cost of a search grows with it (bench/README.md, search).
CANDIDATES = 200


POSTGRESQL_DDL = (
    f"""ALTER TABLE tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{TSCONFIG}', coalesce(subject, '')), 'A')
        || setweight(to_tsvector('{TSCONFIG}', coalesce(description, '')), 'B')) STORED""",
    "CREATE INDEX ix_tickets_search_vector ON tickets USING gin (search_vector)",
    f"""ALTER TABLE comments ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('{TSCONFIG}', coalesce(body, ''))) STORED""",
    "CREATE INDEX ix_comments_search_vector ON comments USING gin (search_vector)",
)

# SQLite: the FTS5 row of a ticket has the ticket's rowid; these triggers keep it current.
SQLITE_TRIGGERS = (
    "ticket_search_ticket_added",
    "ticket_search_ticket_edited",
    "ticket_search_ticket_removed",
    "ticket_search_comment_added",
)
_SQLITE_DDL = (
    """CREATE VIRTUAL TABLE ticket_search USING fts5(
        subject, description, public_comments, internal_comments,
        tokenize = 'unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER ticket_search_ticket_added AFTER INSERT ON tickets BEGIN
        INSERT INTO ticket_search (rowid, subject, description, public_comments, internal_comments)
        VALUES (new.rowid, new.subject, new.description, '', '');
    END""",
    """CREATE TRIGGER ticket_search_ticket_edited AFTER UPDATE OF subject, description
    ON tickets BEGIN
        UPDATE ticket_search SET subject = new.subject, description = new.description
        WHERE rowid = new.rowid;
    END""",
    """CREATE TRIGGER ticket_search_ticket_removed AFTER DELETE ON tickets BEGIN
        DELETE FROM ticket_search WHERE rowid = old.rowid;
    END""",
    """CREATE TRIGGER ticket_search_comment_added AFTER INSERT ON comments BEGIN
        UPDATE ticket_search SET
            public_comments = public_comments
                || CASE WHEN new.visibility = 'public' THEN ' ' || new.body ELSE '' END,
            internal_comments = internal_comments
                || CASE WHEN new.visibility = 'public' THEN '' ELSE ' ' || new.body END
        WHERE rowid = (SELECT rowid FROM tickets WHERE id = new.ticket_id);
    END""",
)
_SQLITE_FILL = """INSERT INTO ticket_search
    (rowid, subject, description, public_comments, internal_comments)
    SELECT t.rowid, t.subject, t.description,
        coalesce((SELECT group_concat(c.body, ' ') FROM comments c
                  WHERE c.ticket_id = t.id AND c.visibility = 'public'), ''),
        coalesce((SELECT group_concat(c.body, ' ') FROM comments c
                  WHERE c.ticket_id = t.id AND c.visibility <> 'public'), '')
    FROM tickets t"""


def rebuild_sqlite_index(execute: Callable[[str], object]) -> None:
    """(Re)creates the FTS5 table and its triggers and fills it from the tables.

    A SQLite migration that rebuilds `tickets` or `comments` (Alembic's batch "move and
    copy") drops their triggers and renumbers rowids: it must call this afterwards.
    """
    for trigger in SQLITE_TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {trigger}")
    execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    for statement in _SQLITE_DDL:
        execute(statement)
    execute(_SQLITE_FILL)


def is_search_artefact(name: str | None, type_: str) -> bool:
    """True for the objects this module owns (for Alembic's comparison `include_name`)."""
    if name is None:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")
    return name in {"search_vector", "ix_tickets_search_vector", "ix_comments_search_vector"}


def fts5_query(text_: str, columns: tuple[str, ...]) -> str | None:
    """A user's words as an FTS5 query: every token must match, in the given columns; no
    operator of the user's reaches FTS5 (each token is a quoted string)."""
    tokens = _TOKEN.findall(text_)
    if not tokens:
        return None
    colspec = "{" + " ".join(columns) + "}"
    return " AND ".join(f'{colspec} : "{token}"' for token in tokens)


def matching(
    stmt: Select[Any], dialect: str, text_: str, *, internal: bool, ranked: bool = False
) -> tuple[Select[Any], ColumnElement[float]] | None:
    """`stmt` narrowed to the tickets matching `text_`, and their rank (higher is better);
    None when the text has no word to search for. `internal`: staff also match internal
    comments. `ranked`: the caller orders by the rank, so PostgreSQL may rank a bounded
    set of candidates (see `CANDIDATES`)."""
    if dialect == "postgresql":
        return _postgresql(stmt, text_, internal=internal, ranked=ranked)
    columns = ("subject", "description", "public_comments")
    query = fts5_query(text_, (*columns, "internal_comments") if internal else columns)
    if query is None:
        return None
    fts = table(FTS_TABLE, column("rowid"))
    stmt = stmt.join(fts, fts.c.rowid == literal_column("tickets.rowid")).where(
        literal_column(FTS_TABLE).op("MATCH")(query)
    )
    # bm25 is lower for better matches; negate it so that higher is better, as on PostgreSQL.
    return stmt, -func.bm25(literal_column(FTS_TABLE))


def _postgresql(
    stmt: Select[Any], text_: str, *, internal: bool, ranked: bool
) -> tuple[Select[Any], ColumnElement[float]] | None:
    """Each ticket's rank is the rank of its own text plus half the best rank of its
    matching comments. Ranking every match of a common word (hundreds of thousands at a
    million tickets) takes seconds, so an answer ordered by rank ranks candidates only:
    the newest `CANDIDATES` tickets whose text matches and the newest tickets with
    `CANDIDATES` matching comments, each found through an index in ticket-id order
    (UUIDv7, so newest first) with the caller's scope and filters applied, never a scan
    of every match. A search with fewer matches than that is ranked exactly."""
    if not _TOKEN.search(text_):
        return None
    # The words go into the SQL text as a quoted literal, not a bind parameter: a prepared
    # statement re-planned generically (after five runs) cannot see how common the words
    # are and may pick a plan that reads every match of a common word (seconds).
    words = bindparam("search_words", text_, type_=String, literal_execute=True)
    query = func.websearch_to_tsquery(literal_column(f"'{TSCONFIG}'::regconfig"), words)
    ticket_vector: ColumnElement[Any] = literal_column("tickets.search_vector")
    comment_vector: ColumnElement[Any] = literal_column("comments.search_vector")
    # The caller's scope and filters (conditions on `tickets`), applied inside each source.
    where = stmt.whereclause
    # (a condition naming no column, such as staff's `true`, needs no join from comments)
    conditions = [] if where is None or not find_tables(where, check_columns=True) else [where]
    comment_match: list[ColumnElement[Any]] = [comment_vector.op("@@")(query)]
    if not internal:
        comment_match.append(Comment.visibility == "public")
    limit = CANDIDATES if ranked else None
    in_text = (
        select(Ticket.id.label("ticket_id"), func.ts_rank(ticket_vector, query).label("rank"))
        .where(ticket_vector.op("@@")(query), *conditions)
        .order_by(Ticket.id.desc())
        .limit(limit)
    )
    comments = select(Comment.ticket_id, func.ts_rank(comment_vector, query).label("rank")).where(
        *comment_match
    )
    if conditions:
        comments = comments.join(Ticket, Ticket.id == Comment.ticket_id).where(*conditions)
    in_comments = comments.order_by(Comment.ticket_id.desc()).limit(limit).subquery()
    text_rank = in_text.subquery()
    best_comment = select(
        in_comments.c.ticket_id,
        cast(func.max(in_comments.c.rank) * _COMMENT_WEIGHT, Float).label("rank"),
    ).group_by(in_comments.c.ticket_id)
    both = union_all(
        select(text_rank.c.ticket_id, cast(text_rank.c.rank, Float).label("rank")),
        best_comment,
    ).subquery()
    rank = func.sum(both.c.rank)
    # Listed best first (as the caller orders), so that PostgreSQL can read the tickets of
    # one page only instead of every candidate's before sorting.
    candidates = (
        select(both.c.ticket_id, rank.label("rank"))
        .group_by(both.c.ticket_id)
        .order_by(rank.desc(), both.c.ticket_id.desc())
        .cte("search_candidates")
    )
    return stmt.join(candidates, candidates.c.ticket_id == Ticket.id), candidates.c.rank
