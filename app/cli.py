"""The `supportdesk` command: serve, worker, mail-gateway, migrate, create-admin, mailbox, …"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import sys
from pathlib import Path

from app.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parent.parent
# A documentation domain (RFC 2606) that our own address validation accepts, so the first
# admin can use the password-reset flow like anyone else.
DEFAULT_ADMIN_EMAIL = "admin@supportdesk.example"


def alembic_config(database_url: str) -> object:
    from alembic.config import Config

    cfg = Config()
    migrations = os.environ.get("SUPPORTDESK_MIGRATIONS_DIR") or str(ROOT / "migrations")
    cfg.set_main_option("script_location", migrations)
    cfg.set_main_option("sqlalchemy.url", database_url)
    return cfg


def migrate(database_url: str, revision: str = "head") -> None:
    from alembic import command

    if database_url.startswith("sqlite"):
        path = database_url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(database_url), revision)  # type: ignore[arg-type]


def _serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = get_settings()
    workers = args.workers or settings.web_workers
    if workers > 1:
        _check_several_processes(settings)
    # Once per start, in this (parent) process, before any API process exists.
    if settings.migrate_on_start:
        migrate(settings.database_url)
    uvicorn.run(
        "app.main:app_factory",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=workers,
        log_config=None,
        proxy_headers=True,
    )


def _process_count(value: str) -> int:
    count = int(value)
    if not 1 <= count <= 64:
        raise argparse.ArgumentTypeError("give 1 to 64 processes")
    return count


def _check_several_processes(settings: Settings) -> None:
    """What each API process would do once of its own cannot run in several of them."""
    once = {
        "SUPPORTDESK_EMBEDDED_WORKER": (
            settings.embedded_worker,
            "run the outbox worker as one process of its own: supportdesk worker",
        ),
        "SUPPORTDESK_DEV_MAIL_SINK": (
            settings.dev_mail_sink,
            "the development mail sink listens on one port: serve it with one worker",
        ),
        "SUPPORTDESK_METRICS_PORT": (
            settings.metrics_port is not None,
            "one metrics port cannot serve several processes: use SUPPORTDESK_METRICS_TOKEN",
        ),
    }
    refused = [f"{name}: {why}" for name, (on, why) in once.items() if on]
    if refused:
        sys.exit("serve --workers > 1 refuses these settings:\n  " + "\n  ".join(refused))
    if settings.redis_url is None:
        print(
            "serve: without SUPPORTDESK_REDIS_URL each of the processes counts rate limits"
            " of its own",
            file=sys.stderr,
        )


def _worker(args: argparse.Namespace) -> None:
    from app.db.session import Database
    from app.domain.clock import SystemClock
    from app.observability import configure_logging
    from app.services.context import ServiceContext
    from app.worker import Worker

    settings = get_settings()
    configure_logging(settings.log_level)

    async def main() -> None:
        db = Database(settings.database_url)
        try:
            worker = Worker(db, ServiceContext(settings, SystemClock()))
            if args.once:
                run = await worker.monitor.run_once()
                print(
                    f"{run.warnings} warning(s), {run.breaches} breach(es), "
                    f"{run.escalations} escalation(s), {run.closed} closed; "
                    f"delivered {await worker.drain()} message(s)"
                )
            else:
                # SIGTERM (and Ctrl-C): take no new work, finish the deliveries in flight.
                loop = asyncio.get_running_loop()
                for signum in (signal.SIGTERM, signal.SIGINT):
                    loop.add_signal_handler(signum, worker.stop)
                await worker.run_forever()
        finally:
            await db.dispose()

    asyncio.run(main())


def _migrate(args: argparse.Namespace) -> None:
    migrate(get_settings().database_url, args.revision)


def _create_admin(args: argparse.Namespace) -> None:
    from app.services.bootstrap import create_admin

    settings = get_settings()
    email = args.email or settings.admin_email or DEFAULT_ADMIN_EMAIL
    given = settings.admin_password.get_secret_value() if settings.admin_password else None
    password = given or secrets.token_urlsafe(16)
    created = asyncio.run(create_admin(settings, email, password))
    if not created:
        print(f"admin {email} already exists; nothing changed")
    elif given:
        print(f"created admin {email} (password from SUPPORTDESK_ADMIN_PASSWORD)")
    else:
        print(f"created admin {email} with the generated password: {password}")
        print("it is shown this once; change it with POST /v1/me/password or")
        print(f"  supportdesk set-password --email {email}")


def _set_password(args: argparse.Namespace) -> None:
    import getpass

    from app.db.session import Database
    from app.domain.clock import SystemClock
    from app.domain.errors import DomainError
    from app.services import accounts
    from app.services.context import ServiceContext

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"new password for {args.email}: ")
        if getpass.getpass("again: ") != password:
            sys.exit("the two passwords differ; nothing changed")
    settings = get_settings()

    async def main() -> None:
        db = Database(settings.database_url)
        try:
            async with db.unit_of_work() as uow:
                ctx = ServiceContext(settings, SystemClock())
                await accounts.set_password(uow, ctx, args.email, password)
        finally:
            await db.dispose()

    try:
        asyncio.run(main())
    except DomainError as exc:
        sys.exit(f"nothing changed: {exc.detail}")
    print(f"password of {args.email} set; every session of that account has ended")


def _mail_gateway(args: argparse.Namespace) -> None:
    from app.db.session import Database
    from app.domain.clock import SystemClock
    from app.integrations import mail_gateway
    from app.observability import configure_logging
    from app.services.context import ServiceContext

    settings = get_settings()
    configure_logging(settings.log_level)

    async def main() -> None:
        db = Database(settings.database_url)
        try:
            ctx = ServiceContext(settings, SystemClock())
            await mail_gateway.serve_forever(db, ctx, host=args.host, port=args.port)
        finally:
            await db.dispose()

    asyncio.run(main())


def _mailbox(args: argparse.Namespace) -> None:
    from app.integrations.mail_sink import read_mailbox

    directory = get_settings().dev_mailbox_dir
    kept = read_mailbox(directory)
    if args.to:
        kept = [m for m in kept if args.to.lower() in str(m.message["To"]).lower()]
    if not kept:
        print(f"no messages in {directory}")
        return
    if args.links:
        for link in kept[-1].links:
            print(link)
        return
    if args.last:
        last = kept[-1]
        for header in ("Date", "From", "To", "Subject"):
            print(f"{header}: {last.message[header]}")
        print(f"File: {last.path}\n\n{last.text}")
        return
    for number, m in enumerate(kept, 1):
        print(f"{number:4d}  {m.message['Date']}  {m.message['To']}  {m.message['Subject']}")


def _export_openapi(args: argparse.Namespace) -> None:
    from app.main import create_app

    app = create_app(Settings(environment="test", secret_key="x" * 32))
    text = json.dumps(app.openapi(), indent=2, sort_keys=True) + "\n"
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="supportdesk", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", help="serve the API")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument(
        "--workers",
        type=_process_count,
        metavar="N",
        help="API processes on the port (default SUPPORTDESK_WEB_WORKERS, 1)",
    )
    p.set_defaults(func=_serve)
    p = sub.add_parser("worker", help="deliver the outbox and run the SLA monitor")
    p.add_argument(
        "--once", action="store_true", help="one monitor round, deliver what is due, stop"
    )
    p.set_defaults(func=_worker)
    p = sub.add_parser("mail-gateway", help="accept e-mail for the support addresses (SMTP)")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.set_defaults(func=_mail_gateway)
    p = sub.add_parser("migrate", help="bring the database schema up to date")
    p.add_argument("revision", nargs="?", default="head")
    p.set_defaults(func=_migrate)
    p = sub.add_parser("create-admin", help="create the first administrator (idempotent)")
    p.add_argument("--email")
    p.set_defaults(func=_create_admin)
    p = sub.add_parser("set-password", help="set a person's password (ends their sessions)")
    p.add_argument("--email", required=True)
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    p.set_defaults(func=_set_password)
    p = sub.add_parser("mailbox", help="read the development mail sink (make run keeps mail)")
    p.add_argument("--to", help="only messages to this address")
    p.add_argument("--last", action="store_true", help="print the last message")
    p.add_argument("--links", action="store_true", help="print the links of the last message")
    p.set_defaults(func=_mailbox)
    p = sub.add_parser("export-openapi", help="write the OpenAPI document")
    p.add_argument("--output", "-o")
    p.set_defaults(func=_export_openapi)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
