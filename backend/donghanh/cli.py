"""The `donghanh` command: serve, migrate, create-user, demo, import, backup, restore, openapi, audit verify."""
from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from donghanh.config import get_settings

app = typer.Typer(help="Đồng Hành — case management for social protection.", no_args_is_help=True)
audit_app = typer.Typer(help="Audit log tools.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
console = Console()
T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parents[2]


def _migrations_dir() -> Path:
    for candidate in (Path.cwd() / "migrations", REPO_ROOT / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise typer.BadParameter("cannot find the migrations/ folder; run from the project root")


def _with_session(work: Callable[[Any], Awaitable[T]]) -> T:
    import donghanh.models  # noqa: F401
    from donghanh.core import crypto
    from donghanh.core.repository import install_scope_guard
    from donghanh.db import Database

    async def run() -> T:
        install_scope_guard()
        settings = get_settings()
        crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)
        database = Database(settings)
        try:
            async with database.sessionmaker() as session:
                result = await work(session)
                await session.commit()
                return result
        finally:
            await database.dispose()

    return asyncio.run(run())


def run_migrations(database_url: str | None = None) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_migrations_dir()))
    if database_url:
        config.attributes["database_url"] = database_url
    command.upgrade(config, "head")


@app.command()
def migrate(
    seed_units: Annotated[bool, typer.Option("--seed-units/--no-seed-units", help="Load administrative units.")] = True,
) -> None:
    """Bring the database schema up to date and load Viet Nam's administrative units."""
    from donghanh.org_units.seed import seed_org_units

    run_migrations()
    console.print("[green]schema up to date[/]")
    if seed_units:
        with console.status("loading administrative units…"):
            added = _with_session(lambda s: seed_org_units(s))
        console.print(f"[green]administrative units: {added} added[/]")


@app.command()
def demo() -> None:
    """Load the demo data set (idempotent: does nothing when it is already there)."""
    from donghanh.demo.loader import DEMO_PASSWORD, demo_loaded, load_demo

    async def work(session: Any) -> Any:
        if await demo_loaded(session):
            return None
        return await load_demo(session)

    with console.status("loading demo data…"):
        summary = _with_session(work)
    if summary is None:
        console.print("demo data already loaded")
        return
    console.print(f"[green]demo data: {summary.organisations} organisations, {summary.establishments} "
                  f"establishments, {summary.inspections} inspections, {summary.contacts} outreach contacts[/]")
    print_logins(DEMO_PASSWORD)


def print_logins(password: str) -> None:
    table = Table(title=f"Demo accounts (password for all: {password})")
    for column in ("username", "role", "name"):
        table.add_column(column)
    rows = [("admin", "admin", "Quản trị hệ thống"), ("qlhanoi", "program_manager", "Hà Nội"),
            ("canbo.badinh", "case_worker", "Phường Ba Đình"), ("dongdang.lan", "peer_educator", "Ba Đình"),
            ("thanhtra.hanoi", "inspector", "Hà Nội"), ("ketoan.hanoi", "finance_officer", "Hà Nội"),
            ("lanhdao.hanoi", "viewer", "Hà Nội"), ("phaply.hanoi", "service_provider", "Hà Nội"),
            ("qlhcm", "program_manager", "TP Hồ Chí Minh"), ("qldanang", "program_manager", "Đà Nẵng")]
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command("create-user")
def create_user(
    username: Annotated[str, typer.Option(help="Login name (lower case).")],
    password: Annotated[str, typer.Option(help="At least 10 characters.")],
    role: Annotated[str, typer.Option(help="admin, program_manager, case_worker, …")],
    org_unit_code: Annotated[str, typer.Option("--org-unit", help="Official code of the unit, e.g. 01 or 00004.")],
    full_name: Annotated[str | None, typer.Option(help="Defaults to the username.")] = None,
    organisation: Annotated[str | None, typer.Option(help="Organisation name or id.")] = None,
) -> None:
    """Create an account without the API (first administrator, scripted setup)."""
    from pydantic import ValidationError

    from donghanh.core.errors import AppError
    from donghanh.core.principal import SYSTEM
    from donghanh.org_units import service as org_units
    from donghanh.organisations.models import Organisation
    from donghanh.users import service as users
    from donghanh.users.schemas import UserCreate

    async def work(session: Any) -> Any:
        from sqlalchemy import or_, select

        unit = await org_units.find_by_code(session, org_unit_code)
        organisation_id = None
        if organisation:
            clauses = [Organisation.name == organisation]
            try:
                import uuid

                clauses.append(Organisation.id == uuid.UUID(organisation))
            except ValueError:
                pass
            organisation_id = (await session.execute(select(Organisation.id).where(or_(*clauses)))).scalar_one_or_none()
            if organisation_id is None:
                raise typer.BadParameter(f"no organisation {organisation!r}")
        user_in = UserCreate(username=username, full_name=full_name or username, password=password, role=role,
                             org_unit_id=unit.id, organisation_id=organisation_id)
        return await users.create(session, SYSTEM, user_in=user_in), unit

    try:
        user, unit = _with_session(work)
    except ValidationError as exc:
        for err in exc.errors():
            console.print(f"[red]{'.'.join(map(str, err['loc']))}: {err['msg']}[/]")
        raise typer.Exit(2) from None
    except AppError as exc:
        console.print(f"[red]{exc.detail}[/]")
        raise typer.Exit(2) from None
    console.print(f"[green]created {user.username} ({user.role}) in {unit.name}[/]")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (PostgreSQL only).")] = 1,
    reload: Annotated[bool, typer.Option(help="Reload on code changes (development).")] = False,
) -> None:
    """Serve the API and the SPA."""
    import uvicorn
    from pydantic import ValidationError

    try:
        settings = get_settings()
    except ValidationError as exc:
        for err in exc.errors():
            console.print(f"[red]{err['msg']}[/]")
        raise typer.Exit(2) from None
    if settings.is_sqlite and workers > 1:
        console.print("[yellow]SQLite: using one worker[/]")
        workers = 1
    console.print(f"Đồng Hành on [bold]http://{host}:{port}[/]  (API docs: /api/docs)")
    uvicorn.run("donghanh.main:create_app", factory=True, host=host, port=port, workers=workers, reload=reload,
                proxy_headers=True, log_level="info")


def openapi_document() -> dict[str, Any]:
    from donghanh.config import Settings
    from donghanh.main import create_app

    app_ = create_app(Settings(serve_spa=False, database_url="sqlite+aiosqlite:///:memory:"))
    return app_.openapi()


def openapi_yaml() -> str:
    import yaml

    return yaml.safe_dump(openapi_document(), allow_unicode=True, sort_keys=False, width=120)


@app.command()
def openapi(
    output: Annotated[Path, typer.Option(help="Where to write; '-' for stdout.")] = REPO_ROOT / "openapi.yaml",
) -> None:
    """Write the OpenAPI document (openapi.yaml is generated; a test fails when it is stale)."""
    text = openapi_yaml()
    if str(output) == "-":
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output}")


@app.command()
def worker() -> None:
    """Deliver webhooks from the outbox and chain the audit events waiting (run one or more beside
    `serve --workers N` on PostgreSQL)."""
    from donghanh.webhooks.service import run_worker

    async def work(session: Any) -> None:
        from sqlalchemy.ext.asyncio import async_sessionmaker

        maker = async_sessionmaker(session.bind, expire_on_commit=False, autoflush=False)
        console.print("delivering webhooks and chaining audit events; Ctrl-C to stop")
        await run_worker(maker, get_settings())

    try:
        _with_session(work)
    except KeyboardInterrupt:
        console.print("stopped")


@app.command("rotate-keys")
def rotate_keys() -> None:
    """Re-encrypt protected fields under DONGHANH_FIELD_ENCRYPTION_ACTIVE_KID (then the old key can go)."""
    from rich.progress import Progress

    from donghanh.core.key_rotation import rotate

    with Progress(console=console) as bar:
        tasks: dict[str, Any] = {}

        def progress(table: str, done: int) -> None:
            if table not in tasks:
                tasks[table] = bar.add_task(f"re-encrypting {table}", total=None)
            bar.advance(tasks[table], done)

        report = _with_session(lambda s: rotate(s, progress=progress))
    console.print(f"[green]re-encrypted {report.values} values in {report.rows} rows[/]")


@app.command("import")
def import_file(
    resource: Annotated[str, typer.Argument(help="establishments, clients, contacts, referrals, peer-groups, "
                                                  "peer-group-members, activities, budget-lines, expenditures")],
    file: Annotated[Path, typer.Argument(help="CSV (UTF-8, comma or semicolon) or XLSX", exists=True, dir_okay=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check every row and report; write nothing.")] = False,
    as_user: Annotated[str | None, typer.Option("--as", help="Import as this user (their role and scope); "
                                                            "default: the system, without scope.")] = None,
    language: Annotated[str, typer.Option(help="Language of the row errors: vi or en.")] = "vi",
) -> None:
    """Import a register: upsert by external_id, all rows or none, a progress bar with rows/s."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from donghanh.auth import service as auth
    from donghanh.core.errors import AppError
    from donghanh.core.principal import SYSTEM
    from donghanh.imports import service as imports
    from donghanh.imports.parsing import count_rows
    from donghanh.users import service as users

    lang = "en" if language.lower().startswith("en") else "vi"
    with file.open("rb") as handle:
        total = count_rows(handle)

    async def work(session: Any) -> Any:
        principal = SYSTEM
        if as_user:
            user = await users.get_by_username_for_login(session, as_user)
            if user is None:
                raise typer.BadParameter(f"no user {as_user!r}")
            principal = await auth.principal_for(session, user, None)
        spec = imports.spec_for(principal, resource)
        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]} rows/s"), TimeElapsedColumn(), console=console) as bar:
            task = bar.add_task(f"{'checking' if dry_run else 'importing'} {resource}", total=total, rate="–")
            started = time.monotonic()

            def progress(done: int) -> None:
                elapsed = max(time.monotonic() - started, 1e-6)
                bar.update(task, completed=done, rate=f"{done / elapsed:,.0f}")

            with file.open("rb") as handle:
                return await imports.run(session, principal, spec, handle, dry_run=dry_run, language=lang,
                                         filename=file.name, progress=progress)

    try:
        outcome = _with_session(work)
    except AppError as exc:
        console.print(f"[red]{exc.detail}[/]")
        raise typer.Exit(2) from None
    rate = outcome.rows / outcome.seconds if outcome.seconds else 0.0
    console.print(f"rows {outcome.rows}: created {outcome.created}, updated {outcome.updated}, "
                  f"unchanged {outcome.unchanged}, errors {outcome.errors_total} "
                  f"({outcome.seconds:.1f} s, {rate:,.0f} rows/s)")
    if outcome.errors_total:
        table = Table(title="errors" + (f" (first {len(outcome.errors)})" if outcome.errors_total > 20 else ""))
        for column in ("row", "column", "message"):
            table.add_column(column)
        for error in outcome.errors[:20]:
            table.add_row(str(error["row"]), error["column"], error["message"])
        console.print(table)
        console.print("[red]nothing was imported[/]" if not dry_run else "[yellow]dry run: nothing written[/]")
        raise typer.Exit(1)
    console.print("[yellow]dry run: nothing written[/]" if dry_run else "[green]imported[/]")


@app.command()
def backup(target: Annotated[Path, typer.Argument(help="The backup file to write.")]) -> None:
    """Copy the whole database to a file (SQLite backup API, or pg_dump's custom format)."""
    from donghanh.core.backup import BackupError
    from donghanh.core.backup import backup as make_backup

    try:
        make_backup(get_settings(), target)
    except BackupError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    console.print(f"[green]backed up to {target}[/] ({target.stat().st_size:,} bytes)")


@app.command()
def restore(
    source: Annotated[Path, typer.Argument(help="A file written by `donghanh backup`.")],
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: every table is replaced by the backup's.")] = False,
) -> None:
    """Put a backup back (stop the server first)."""
    from donghanh.core.backup import BackupError
    from donghanh.core.backup import restore as put_back

    if not yes:
        console.print("[yellow]This replaces every table with the backup's. Run again with --yes.[/]")
        raise typer.Exit(2)
    try:
        put_back(get_settings(), source)
    except BackupError as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    console.print(f"[green]restored from {source}[/]")


@audit_app.command("verify")
def audit_verify() -> None:
    """Chain the events waiting, then walk the hash chain; report the first broken link."""
    from donghanh.core.audit import verify_chain

    report = _with_session(verify_chain)
    if report.ok:
        console.print(f"[green]audit chain intact: {report.checked} events[/]")
        return
    console.print(f"[red]audit chain broken at event {report.broken_at_seq}: {report.reason}[/] "
                  f"({report.checked} events verified before it)")
    raise typer.Exit(1)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
