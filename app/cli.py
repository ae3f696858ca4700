"""The `supportdesk` command: serve, worker, mail-gateway, migrate, create-admin, export-openapi."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import sys
from pathlib import Path

from app.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


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
    if settings.migrate_on_start:
        migrate(settings.database_url)
    uvicorn.run(
        "app.main:app_factory",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_config=None,
        proxy_headers=True,
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
    email = args.email or settings.admin_email or "admin@supportdesk.localhost"
    given = settings.admin_password.get_secret_value() if settings.admin_password else None
    password = given or secrets.token_urlsafe(16)
    created = asyncio.run(create_admin(settings, email, password))
    if not created:
        print(f"admin {email} already exists; nothing changed")
    elif given:
        print(f"created admin {email} (password from SUPPORTDESK_ADMIN_PASSWORD)")
    else:
        print(f"created admin {email} with the generated password: {password}")
        print("it is shown this once; change it with the password-reset flow")


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


def _export_openapi(args: argparse.Namespace) -> None:
    from app.main import create_app
    from app.settings import Settings

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
    p = sub.add_parser("export-openapi", help="write the OpenAPI document")
    p.add_argument("--output", "-o")
    p.set_defaults(func=_export_openapi)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
