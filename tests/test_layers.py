"""The layers point one way (STYLE): the domain does no I/O, routers never touch the DB."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
IO_MODULES = {
    "fastapi",
    "starlette",
    "sqlalchemy",
    "httpx",
    "aiosmtplib",
    "aiosmtpd",
    "smtplib",
    "asyncpg",
    "aiosqlite",
    "socket",
    "requests",
    "urllib.request",
    "jose",
    "pwdlib",
    "app.db",
    "app.services",
    "app.routers",
    "app.integrations",
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _offending(path: Path, banned: set[str]) -> list[str]:
    return sorted(n for n in _imports(path) if any(n == b or n.startswith(b + ".") for b in banned))


def test_domain_imports_nothing_that_does_io() -> None:
    files = list((APP / "domain").rglob("*.py"))
    assert files
    bad = {str(f.relative_to(APP)): _offending(f, IO_MODULES) for f in files}
    assert {k: v for k, v in bad.items() if v} == {}


def test_routers_do_not_import_the_database_layer() -> None:
    files = list((APP / "routers").rglob("*.py"))
    bad = {str(f.relative_to(APP)): _offending(f, {"app.db", "sqlalchemy"}) for f in files}
    assert {k: v for k, v in bad.items() if v} == {}


def test_sql_stays_in_the_database_layer() -> None:
    offenders = []
    for f in APP.rglob("*.py"):
        rel = f.relative_to(APP)
        if rel.parts[0] == "db":
            continue
        if "select(" in f.read_text() and "from sqlalchemy" in f.read_text():
            offenders.append(str(rel))
    assert offenders == []


def test_jose_is_used_in_exactly_one_module() -> None:
    users = [f for f in APP.rglob("*.py") if any(n.startswith("jose") for n in _imports(f))]
    assert [f.name for f in users] == ["jwt_tokens.py"]
