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


def _calls(path: Path) -> list[str]:
    """Every call in a module, as the dotted name it calls (`uow.changes.append`), and
    `insert(X)` as `insert:X`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = ast.unparse(node.func)
        found.append(name)
        if name == "insert" and node.args:
            found.append(f"insert:{ast.unparse(node.args[0])}")
    return found


def _callers(*names: str) -> set[str]:
    return {
        str(f.relative_to(APP))
        for f in APP.rglob("*.py")
        if any(c in names or c.endswith(tuple("." + n for n in names)) for c in _calls(f))
    }


def test_only_the_recording_function_writes_a_changes_consequences() -> None:
    """Issue 10: `ticket_changes.record` is the one writer of audit events, change-feed
    rows, webhooks and ticket e-mails; the repository it hands them to writes them at
    COMMIT, and the unit of work is what calls that."""
    assert _callers("TicketEvent", "TicketChange") == set()  # no row built by hand
    assert _callers("insert:TicketEvent", "insert:TicketChange") == {"db/repositories/changes.py"}
    assert _callers("changes.append") == {"services/ticket_changes.py"}
    assert _callers("write_pending") == {"db/session.py"}
    assert _callers("webhooks.publish") == {"services/ticket_changes.py"}
    assert _callers("notifications.send") == {"services/ticket_changes.py"}
    # Mail about no case (accounts, a failing webhook, quarantine replies) is not a change.
    assert _callers("mail.queue_email") == {
        "services/ticket_changes.py",
        "services/notifications.py",  # `send`: one e-mail per person who wants it
        "services/accounts.py",
        "services/webhook_deliveries.py",
        "services/inbound_mail.py",
    }
    # E-mails go through `mail`; a subscription's test ping is no change of a case.
    assert _callers("outbox.enqueue") == {"services/mail.py", "services/webhooks.py"}


def test_no_audit_kind_is_a_bare_string() -> None:
    """The kinds are `app.domain.changes.Change`; no module names one as a string."""
    kinds = {"state_changed", "comment_added", "escalation_opened", "sla_breached", "created"}
    offenders = []
    for f in (APP / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("record"):
                args = [*node.args, *(k.value for k in node.keywords)]
                if any(isinstance(a, ast.Constant) and a.value in kinds for a in args):
                    offenders.append(str(f.relative_to(APP)))
    assert offenders == []
