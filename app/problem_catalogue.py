"""The catalogue of problem types (SPEC 8): every `type` the API answers, its HTTP status
and what it means, built from the domain's error classes and the HTTP-level problems, so
it cannot fall behind the code.

`GET /v1/problems` answers it as JSON; `GET /problems` and `GET /problems/{slug}` as pages
a person reads. A problem's `type` is `https://supportdesk.dev/problems/<slug>`, a stable
identifier; each deployment serves its description at `/problems/<slug>`.
"""

from __future__ import annotations

import html
import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from functools import lru_cache

import app.domain
from app.domain.errors import PROBLEM_BASE, DomainError

# Problems the HTTP layer answers without a domain rule behind them.
HTTP_PROBLEMS: tuple[tuple[str, int, str, str], ...] = (
    ("bad-request", 400, "Bad request", "The body is not well-formed (e.g. not JSON)."),
    ("authentication-required", 401, "Not authenticated", "Send a bearer token or X-API-Key."),
    ("method-not-allowed", 405, "Method not allowed", "`Allow` lists the methods here."),
    ("payload-too-large", 413, "Payload too large", "The body is over the size limit."),
    ("unsupported-media-type", 415, "Unsupported media type", "Send the documented type."),
    (
        "validation-failed",
        422,
        "Validation failed",
        "The request does not fit the schema; `errors` names each field or parameter.",
    ),
    (
        "rate-limit-exceeded",
        429,
        "Rate limit exceeded",
        "The caller's budget (`RateLimit-Policy`) is spent; wait `Retry-After` seconds.",
    ),
    ("internal-error", 500, "Internal server error", "Our fault; quote the `request_id`."),
    ("service-unavailable", 503, "Service unavailable", "Retry after `Retry-After` seconds."),
)


@dataclass(frozen=True, slots=True)
class ProblemType:
    slug: str
    status: int
    title: str
    description: str

    @property
    def type(self) -> str:
        return PROBLEM_BASE + self.slug


def _domain_errors() -> list[type[DomainError]]:
    for module in pkgutil.walk_packages(app.domain.__path__, "app.domain."):
        importlib.import_module(module.name)
    found: list[type[DomainError]] = []
    pending: list[type[DomainError]] = [DomainError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


@lru_cache(maxsize=1)
def catalogue() -> tuple[ProblemType, ...]:
    by_slug: dict[str, ProblemType] = {}
    for slug, status, title, description in HTTP_PROBLEMS:
        by_slug[slug] = ProblemType(slug, status, title, description)
    for cls in _domain_errors():
        if cls.type_slug in by_slug and cls.type_slug not in ("not-found", "conflict"):
            continue
        doc = inspect.getdoc(cls) or ""
        if cls is DomainError or doc == inspect.getdoc(DomainError):
            doc = doc if cls is not DomainError else "A rule of the support process refused it."
        by_slug.setdefault(
            cls.type_slug, ProblemType(cls.type_slug, cls.status, cls.title, doc.strip())
        )
    return tuple(sorted(by_slug.values(), key=lambda p: (p.status, p.slug)))


def page(problems: tuple[ProblemType, ...], title: str) -> str:
    rows = "\n".join(
        f'<tr id="{html.escape(p.slug)}"><td><a href="/problems/{html.escape(p.slug)}">'
        f"<code>{html.escape(p.slug)}</code></a></td><td>{p.status}</td>"
        f"<td>{html.escape(p.title)}</td><td>{html.escape(p.description)}</td></tr>"
        for p in problems
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>"
        "<p>Every error is an RFC 9457 problem document whose <code>type</code> is "
        f"<code>{html.escape(PROBLEM_BASE)}&lt;slug&gt;</code>.</p>"
        "<table><thead><tr><th>slug</th><th>status</th><th>title</th><th>meaning</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></body></html>"
    )
