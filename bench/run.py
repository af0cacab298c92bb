"""Run every benchmark, each figure beside a raw-database baseline measured in the same run on the same data.

    python -m bench.run --preset quick      # make bench-quick
    python -m bench.run --preset national   # make bench

Writes bench/results/latest.json (one object per figure) and the table in bench/RESULTS.md."""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import pickle
import platform
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event, select

from bench import generate, handwritten
from bench import load as bench_load

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PY = sys.executable
BIN = Path(PY).parent

FIGURES: list[dict[str, Any]] = []


def figure(name: str, value: float, baseline: float | None, target: float | None, direction: str, unit: str,
           *, on: str = "ratio", note: str = "") -> None:
    """`on`: what the target applies to — the ratio value/baseline, or the value itself (e.g. a p99 in ms).
    No baseline: nothing to compare with (a memory peak); no target: a figure to read, not to meet."""
    ratio = round(value / baseline, 3) if baseline else None
    checked = ratio if on == "ratio" else value
    met = None if target is None or checked is None else (checked >= target if direction == "min" else
                                                          checked <= target)
    item = {"name": name, "value": round(value, 3), "baseline": None if baseline is None else round(baseline, 3),
            "ratio": ratio, "target": target, "direction": direction, "target_on": on, "unit": unit,
            "met": met, "note": note}
    FIGURES.append(item)
    verdict = "no target" if met is None else ("met" if met else "MISSED")
    shown = "–" if baseline is None else f"{baseline:.2f}"
    print(f"  {name:<58} {value:>10.2f} {unit:<6} baseline {shown:>10}  ratio {ratio if ratio is not None else '–':>7}"
          f"  target {'–' if target is None else f'{direction} {target} on {on}'}: {verdict}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(url: str) -> dict[str, str]:
    return {**os.environ, "DONGHANH_DATABASE_URL": url, "DONGHANH_OUTBOX_WORKER_IN_PROCESS": "false",
            "DONGHANH_ACCESS_TOKEN_MINUTES": "600", "DONGHANH_SERVE_SPA": "false",
            # The load generator is meant to saturate the server; rate limits would measure themselves.
            "DONGHANH_RATE_LIMIT_PER_MINUTE": "0", "DONGHANH_RATE_LIMIT_HEAVY_PER_MINUTE": "0",
            "DONGHANH_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0"}


def wait_until_up(port: int, path: str, started: float, timeout: float = 60) -> float:
    while time.perf_counter() - started < timeout:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{path}", timeout=1).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.005)
    raise RuntimeError(f"server on {port} did not answer {path}")


def start_server(args: list[str], env: dict[str, str], port: int, path: str) -> tuple[subprocess.Popen[bytes], float]:
    started = time.perf_counter()
    log = (RESULTS / "server.log").open("ab")  # the server's own log, for a failed request
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=log, cwd=ROOT)
    return proc, wait_until_up(port, path, started)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(10)


def load(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as f:
        pickle.dump(spec, f)
    try:
        out = subprocess.run([PY, "-m", "bench.load", kind, f.name], capture_output=True, text=True, cwd=ROOT,
                             check=True)
    finally:
        os.unlink(f.name)
    return json.loads(out.stdout.strip().splitlines()[-1])


CELL_SLICES = 3


def interleaved(api_spec: dict[str, Any], raw_spec: dict[str, Any], seconds: float) -> tuple[dict[str, Any], ...]:
    """One cell: the API and the raw replay in alternating slices (api, raw, api, raw, …), each side's
    requests and latencies summed over its slices. The machine's speed drifts by tens of percent over a minute
    (other tenants' load: the raw replay of one cell ran at 650 and at 1,150 req/s in one session), and run
    one after the other the two sides met different machines; alternating, a drift falls on both alike."""
    merged: list[dict[str, Any]] = []
    slices: dict[str, list[dict[str, Any]]] = {"http": [], "pg": []}
    for _ in range(CELL_SLICES):
        for kind, spec in (("http", api_spec), ("pg", raw_spec)):
            slices[kind].append(load(kind, spec | {"seconds": seconds / CELL_SLICES, "keep_latencies": True}))
    for kind in ("http", "pg"):
        parts = slices[kind]
        latencies = [t for part in parts for t in part["latencies"]]
        merged.append(bench_load.summary(latencies, sum(part["seconds"] for part in parts),
                                         sum(part["errors"] for part in parts)))
    return tuple(merged)


# --- cold start --------------------------------------------------------------------------------------------

HELLO = "async def app(scope, receive, send):\n" \
        "    if scope['type'] != 'http':\n        return\n" \
        "    await send({'type': 'http.response.start', 'status': 200, 'headers': []})\n" \
        "    await send({'type': 'http.response.body', 'body': b'ok'})\n"


def bench_cold_start(url: str) -> None:
    print("cold start: `donghanh serve` → first answered request, vs a bare uvicorn app", flush=True)
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "hello_app.py").write_text(HELLO)
        for _ in range(3):
            port = free_port()
            proc, took = start_server([str(BIN / "donghanh"), "serve", "--port", str(port)], server_env(url), port,
                                      "/healthz")
            stop(proc)
            ours.append(took)
            port = free_port()
            proc, took = start_server([PY, "-m", "uvicorn", "--app-dir", tmp, "hello_app:app", "--port", str(port)],
                                      os.environ.copy(), port, "/")
            stop(proc)
            bare.append(took)
    figure("cold_start_seconds (median of 3)", sorted(ours)[1], sorted(bare)[1], 5.0, "max", "s", on="value",
           note="baseline: uvicorn serving a one-line ASGI app")


# --- scoped lists --------------------------------------------------------------------------------------------

def capture(engine: Any) -> tuple[list[tuple[str, Any]], Any]:
    seen: list[tuple[str, Any]] = []

    def on(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", on)
    return seen, on


async def captured_statements(url: str, path: str, token: str) -> list[tuple[str, tuple[Any, ...]]]:
    """The SQL one request makes the application emit: the raw baseline replays exactly these SELECTs."""
    from donghanh.config import get_settings
    from donghanh.db import Database
    from donghanh.main import create_app

    settings = get_settings().model_copy(update={"database_url": url, "outbox_worker_in_process": False,
                                                 "access_token_minutes": 600, "serve_spa": False})
    database = Database(settings)
    app = create_app(settings, database)
    seen, _ = capture(database.engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        await client.get(path, headers={"Authorization": f"Bearer {token}"})  # warm caches (scope paths)
        seen.clear()
        response = await client.get(path, headers={"Authorization": f"Bearer {token}"})
        response.raise_for_status()
    await database.dispose()
    # The SELECTs, and the request's audit insert with a fresh event id on every replay (its first column):
    # the baseline does the same work, writes included.
    return [(s, tuple(p or ())) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))
            or s.startswith(AUDIT_INSERT)]


AUDIT_INSERT = "INSERT INTO audit_pending (id,"


def bench_lists(url: str, preset: str, seconds: float) -> None:
    from donghanh.db import POSTGRESQL_SERVER_SETTINGS
    from donghanh.org_units.seed import unit_id

    # The production setting (README "Running on PostgreSQL"): one uvicorn worker per core.
    workers = os.cpu_count() or 1
    print(f"scoped lists under load ({seconds:.1f}s per cell), API ({workers} workers) vs raw asyncpg replaying "
          "the same SQL", flush=True)
    port = free_port()
    env = server_env(url)
    proc, _ = start_server([str(BIN / "donghanh"), "serve", "--port", str(port), "--workers", str(workers)], env,
                           port, "/healthz")
    # As in production: the worker beside the server chains the audit events the requests leave waiting,
    # so the figures include that work.
    worker = subprocess.Popen([str(BIN / "donghanh"), "worker"], env=env, stdout=subprocess.DEVNULL,
                              stderr=(RESULTS / "server.log").open("ab"), cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        token = httpx.post(f"{base}/api/v1/auth/token", data={
            "grant_type": "password", "username": f"bench.pm.{generate.BENCH_PROVINCE}",
            "password": generate.BENCH_PASSWORD}).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        province = unit_id(f"/p{generate.BENCH_PROVINCE}/")
        lists = {
            "contacts": f"/api/v1/contacts?org_unit={province}&since=2024-06-01&until=2026-05-31&limit=50",
            "clients": f"/api/v1/clients?org_unit={province}&limit=50",
            "referrals": f"/api/v1/referrals?org_unit={province}&limit=50",
            "establishments": f"/api/v1/establishments?org_unit={province}&limit=50",
        }
        dsn = url.replace("postgresql+asyncpg", "postgresql")
        for name, first in lists.items():
            # Walk to page 200 (or the last full page the preset holds) through the API, as a client would.
            pages = {1: first}
            path, page = first, 1
            with httpx.Client(base_url=base, headers=auth, timeout=30) as client:
                while page < 200:
                    cursor = client.get(path).json()["next_cursor"]
                    if not cursor:
                        break
                    page += 1
                    path = f"{first}&cursor={cursor}"
            pages[page] = path
            for page_no, page_path in pages.items():
                statements = asyncio.run(captured_statements(url, page_path, token))
                for conns in (1, 8, 32):
                    api, raw = interleaved(
                        {"host": "127.0.0.1", "port": port, "paths": [page_path], "headers": auth,
                         "connections": conns},
                        {"dsn": dsn, "statements": statements, "connections": conns,
                         "server_settings": POSTGRESQL_SERVER_SETTINGS}, seconds)
                    label = f"list {name} page {page_no} @{conns}"
                    figure(f"{label} throughput", api["rps"], raw["rps"], 0.4, "min", "req/s",
                           note=f"raw replays the request's {len(statements)} statements (its SELECTs and "
                                f"audit insert) in one transaction; api ({workers} workers) errors {api['errors']}; "
                                f"the two alternate in {CELL_SLICES} slices")
                    if conns == 8:
                        figure(f"{label} p99", api["p99_ms"], raw["p99_ms"], 50, "max", "ms", on="value",
                               note=f"p50 api {api['p50_ms']} ms, raw {raw['p50_ms']} ms")
    finally:
        stop(worker)
        stop(proc)


# --- indicators ----------------------------------------------------------------------------------------------

async def _indicators(url: str, repeats: int) -> None:
    import asyncpg

    from donghanh.config import get_settings
    from donghanh.core.principal import SYSTEM
    from donghanh.db import Database
    from donghanh.indicators.engine import INDICATORS, Scope, compute
    from donghanh.indicators.periods import parse_period
    from donghanh.indicators.service import ALL_DIMENSIONS
    from donghanh.org_units import service as org_units
    from donghanh.org_units.models import OrgUnit

    settings = get_settings().model_copy(update={"database_url": url})
    database = Database(settings)
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    by = tuple(ALL_DIMENSIONS)
    try:
        async with database.sessionmaker() as session:
            province = (await session.execute(select(OrgUnit).where(
                OrgUnit.path == f"/p{generate.BENCH_PROVINCE}/").execution_options(donghanh_scoped=True))).scalar_one()
            cases = [("province × quarter", await org_units.scope_paths(session, province), "2026Q2"),
                     ("country × year", ("/",), "2025")]
            for label, paths, code in cases:
                period = parse_period(code)
                ours, raw = [], []
                for _ in range(repeats):
                    t = time.perf_counter()
                    results = await compute(session, Scope(SYSTEM, paths, period), list(INDICATORS), by)
                    ours.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    rows = await handwritten.run(conn, paths, period.start, period.end, period.starts_at,
                                                 period.ends_before)
                    raw.append(time.perf_counter() - t)
                check = handwritten.totals(rows)
                agree = all(results[k].value == v for k, v in check.items())
                if not agree:
                    print("    DISAGREE", {k: (results[k].value, v) for k, v in check.items()})
                median_ours, median_raw = sorted(ours)[len(ours) // 2], sorted(raw)[len(raw) // 2]
                figure(f"indicators {label} (all 20, every dimension)", median_ours * 1000, median_raw * 1000, 2.0,
                       "max", "ms", note=f"median of {repeats}; headline figures agree: {agree}")
                if label.startswith("country"):
                    figure("indicators country × year under 2 s", median_ours * 1000, median_raw * 1000, 2000, "max",
                           "ms", on="value")
            await session.rollback()
    finally:
        await conn.close()
        await database.dispose()


def bench_indicators(url: str, repeats: int) -> None:
    print("indicators: engine vs hand-written SQL", flush=True)
    asyncio.run(_indicators(url, repeats))


# --- embedded SQLite --------------------------------------------------------------------------------------------

async def _sqlite(url: str, repeats: int) -> None:
    import sqlite3

    from donghanh.config import get_settings
    from donghanh.core.principal import SYSTEM
    from donghanh.db import Database
    from donghanh.indicators.engine import INDICATORS, Scope, compute
    from donghanh.indicators.periods import parse_period
    from donghanh.main import create_app
    from donghanh.org_units import service as org_units
    from donghanh.org_units.models import OrgUnit
    from donghanh.org_units.seed import unit_id

    settings = get_settings().model_copy(update={"database_url": url, "outbox_worker_in_process": False,
                                                 "access_token_minutes": 600, "serve_spa": False})
    database = Database(settings)
    app = create_app(settings, database)
    raw = sqlite3.connect(url.split("///", 1)[1])
    province = unit_id(f"/p{generate.BENCH_PROVINCE}/")
    path = f"/api/v1/contacts?org_unit={province}&since=2024-06-01&until=2026-05-31&limit=50"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        token = (await client.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": f"bench.pm.{generate.BENCH_PROVINCE}",
            "password": generate.BENCH_PASSWORD})).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        await client.get(path, headers=headers)
        seen, _ = capture(database.engine)
        await client.get(path, headers=headers)
        statements = [(s, tuple(p or ())) for s, p in seen if s.lstrip().upper().startswith("SELECT")]
        ours, base = [], []
        for _ in range(repeats):
            t = time.perf_counter()
            (await client.get(path, headers=headers)).raise_for_status()
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            for sql, params in statements:
                raw.execute(sql, params).fetchall()
            base.append(time.perf_counter() - t)
    figure("sqlite list contacts page 1 p50 (in-process)", sorted(ours)[len(ours) // 2] * 1000,
           sorted(base)[len(base) // 2] * 1000, 50, "max", "ms", on="value",
           note="baseline: sqlite3 replaying the request's SELECTs")
    async with database.sessionmaker() as session:
        unit = (await session.execute(select(OrgUnit).where(OrgUnit.id == province)
                                      .execution_options(donghanh_scoped=True))).scalar_one()
        paths = await org_units.scope_paths(session, unit)
        seen, _ = capture(database.engine)
        ours, base = [], []
        for _ in range(max(1, repeats // 10)):
            seen.clear()
            t = time.perf_counter()
            await compute(session, Scope(SYSTEM, paths, parse_period("2025")), list(INDICATORS), ())
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            for sql, params in list(seen):
                raw.execute(sql, tuple(params or ())).fetchall()
            base.append(time.perf_counter() - t)
    figure("sqlite indicators province × year (all 20)", sorted(ours)[len(ours) // 2] * 1000,
           sorted(base)[len(base) // 2] * 1000, 2.0, "max", "ms",
           note="baseline: sqlite3 replaying the engine's statements")
    raw.close()
    await database.dispose()


def bench_sqlite(url: str, repeats: int, regenerate: bool) -> None:
    print("embedded SQLite", flush=True)
    if regenerate or not Path(url.split("///", 1)[1]).exists():
        t = time.perf_counter()
        asyncio.run(generate.generate(url, "sqlite", 1))
        print(f"  generated the SQLite data set in {time.perf_counter() - t:.1f}s", flush=True)
    asyncio.run(_sqlite(url, repeats))


# --- imports and exports ------------------------------------------------------------------------------------

def _copy_records(path: Path, unit: Any, recorded_by: Any) -> list[tuple[Any, ...]]:
    """The CSV's rows as outreach_contact records, the least a loader must do (parse, map labels to codes,
    encrypt the notes as the application stores them): what COPY is given."""
    import csv
    import uuid

    from donghanh.core import crypto
    from donghanh.imports.labels import LABELS

    def codes(kind: str) -> dict[str, str]:
        return {vi: code for code, (vi, _en) in LABELS[kind].items()}

    places, topics, needs = codes("place"), codes("topic"), codes("serviceType")
    now = datetime.now(UTC)
    records = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        next(reader)
        for ext, day, _unit, place, first, topic, need, leaflets, condoms, notes in reader:
            d, m, y = day.split("/")
            records.append((
                uuid.uuid4(), now, now, 1, unit, date(int(y), int(m), int(d)), recorded_by, places[place],
                first == "có", json.dumps([topics[t.strip()] for t in topic.split(";")], ensure_ascii=False),
                json.dumps({"leaflets": int(leaflets), "condoms": int(condoms)}),
                json.dumps([needs[need]], ensure_ascii=False),
                crypto.ring().encrypt(notes, "outreach_contact.notes"), ext))
    return records


COPY_COLUMNS = ["id", "created_at", "updated_at", "version", "org_unit_id", "contacted_on", "recorded_by", "place",
                "first_contact", "topics", "materials", "needs", "notes", "external_id"]


async def _copy_contacts(dsn: str, path: Path, unit: Any, user: Any) -> float:
    """COPY of the same rows (CSV read included), then the rows removed again: rows/s."""
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        records = _copy_records(path, unit, user)
        async with conn.transaction():
            await conn.copy_records_to_table("outreach_contact", records=records, columns=COPY_COLUMNS)
        took = time.perf_counter() - started
        await conn.execute("DELETE FROM outreach_contact WHERE external_id LIKE 'TC-%'")
        return len(records) / took
    finally:
        await conn.close()


def bench_import(url: str, rows: int) -> None:
    import re

    import asyncpg

    from bench.import_contacts_memory import import_contacts, write_csv
    from donghanh.config import get_settings
    from donghanh.core import crypto

    print(f"import: {rows:,} contact rows from CSV through the import pipeline vs COPY of the same rows", flush=True)
    dsn = url.replace("postgresql+asyncpg", "postgresql")

    async def target() -> tuple[Any, str, Any]:
        conn = await asyncpg.connect(dsn)
        try:
            unit = await conn.fetchrow("SELECT id, code FROM org_unit WHERE path LIKE $1 AND level = 'commune' "
                                       "AND valid_to IS NULL ORDER BY path LIMIT 1", f"/p{generate.BENCH_PROVINCE}/%")
            user = await conn.fetchval("SELECT id FROM user_account WHERE username = $1",
                                       f"bench.pm.{generate.BENCH_PROVINCE}")
            return unit["id"], unit["code"], user
        finally:
            await conn.close()

    unit_id, unit_code, user_id = asyncio.run(target())
    settings = get_settings()
    crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "contacts.csv"
        write_csv(data, rows, unit=unit_code)
        copy_rate = asyncio.run(_copy_contacts(dsn, data, unit_id, user_id))
        env = server_env(url) | {"COLUMNS": "160"}
        done, summary, peak_mb, wall = import_contacts(env, data, f"bench.pm.{generate.BENCH_PROVINCE}")
        asyncio.run(_delete_imported(dsn))
    found = re.search(r"\(([\d.]+) s, ([\d,]+) rows/s\)", summary)
    if done.returncode != 0 or not found:
        print("    import failed:", summary, done.stderr[-1500:])
        return
    rate = float(found.group(2).replace(",", ""))
    figure(f"import contacts {rows:,} rows rows/s", rate, copy_rate, 0.25, "min", "rows/s",
           note=f"pipeline rate as the CLI measures it (wall {wall:.1f} s with start-up); baseline: CSV read, "
                "labels mapped, notes encrypted and COPY, in one transaction")
    figure(f"import contacts {rows:,} rows peak RSS", peak_mb, None, 300, "max", "MB", on="value",
           note="peak resident set of the import process (ru_maxrss)")


async def _delete_imported(dsn: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("DELETE FROM outreach_contact WHERE external_id LIKE 'TC-%'")
        # Without it every run leaves its rows dead in the table (one helper's database had 3.2 million),
        # and both the next import and its COPY baseline slow down.
        await conn.execute("VACUUM (ANALYZE) outreach_contact")
    finally:
        await conn.close()


def _rss_mb(pid: int) -> dict[str, float]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


EXPORT_COPY_MARK = "BENCH-EXPORT-"
EXPORT_QUERY = (
    "SELECT c.id, c.external_id, c.contacted_on, u.name, c.place, c.first_contact, c.topics, c.needs, c.materials, "
    "c.notes FROM outreach_contact c JOIN org_unit u ON u.id = c.org_unit_id WHERE u.path LIKE ANY($1::text[]) "
    "ORDER BY c.contacted_on DESC, c.created_at DESC, c.id")


def _province_patterns() -> list[str]:
    return [f"/p{generate.BENCH_PROVINCE}/%", f"/lp{generate.BENCH_PROVINCE}/%"]


async def _copy_out(dsn: str) -> tuple[int, float]:
    """COPY (SELECT …) TO STDOUT of the province's contacts in the export's order: rows, seconds."""
    import asyncpg

    conn = await asyncpg.connect(dsn)
    sink = bytearray()
    try:
        t = time.perf_counter()
        await conn.copy_from_query(EXPORT_QUERY, _province_patterns(), format="csv",
                                   output=lambda data: _extend(sink, data))
        return sink.count(b"\n"), time.perf_counter() - t
    finally:
        await conn.close()


async def _grow_province(dsn: str, rows: int) -> int:
    """Copies of the province's contacts (new ids, marked external ids) until it holds at least `rows`: the
    issue's million-row export needs one caller's scope to hold a million. The number of copies added."""
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        held = await conn.fetchval("SELECT count(*) FROM outreach_contact c JOIN org_unit u ON u.id = c.org_unit_id "
                                   "WHERE u.path LIKE ANY($1::text[])", _province_patterns())
        times = -(-(rows - held) // held)
        columns = ["created_at", "updated_at", "version", "org_unit_id", "contacted_on", "recorded_by", "place",
                   "first_contact", "topics", "materials", "needs", "notes", "client_id", "establishment_id",
                   "peer_group_id"]
        status = await conn.execute(
            f"INSERT INTO outreach_contact (id, external_id, {', '.join(columns)}) "
            f"SELECT gen_random_uuid(), '{EXPORT_COPY_MARK}' || k || '-' || c.id, "
            f"{', '.join('c.' + name for name in columns)} "
            "FROM outreach_contact c JOIN org_unit u ON u.id = c.org_unit_id CROSS JOIN generate_series(1, $2) k "
            "WHERE u.path LIKE ANY($1::text[])", _province_patterns(), times)
        await conn.execute("ANALYZE outreach_contact")
        return int(status.split()[-1])
    finally:
        await conn.close()


async def _shrink_province(dsn: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f"DELETE FROM outreach_contact WHERE external_id LIKE '{EXPORT_COPY_MARK}%'")
        await conn.execute("VACUUM (ANALYZE) outreach_contact")
    finally:
        await conn.close()


def bench_export(url: str, large_rows: int | None) -> None:
    """The contacts a province's program manager can see, streamed to CSV by the API, against COPY TO of the
    same rows by PostgreSQL: rows/s, and the server's resident memory before and at its peak. With
    `large_rows`, again once the province holds that many (copies of its contacts, removed afterwards):
    the peak must not grow with the rows."""
    from donghanh.org_units.seed import unit_id

    print("export: a province's contacts streamed to CSV by the API vs COPY (SELECT …) TO STDOUT", flush=True)
    dsn = url.replace("postgresql+asyncpg", "postgresql")
    port = free_port()
    proc, _ = start_server([str(BIN / "donghanh"), "serve", "--port", str(port)], server_env(url), port, "/healthz")
    base = f"http://127.0.0.1:{port}"
    try:
        token = httpx.post(f"{base}/api/v1/auth/token", data={
            "grant_type": "password", "username": f"bench.pm.{generate.BENCH_PROVINCE}",
            "password": generate.BENCH_PASSWORD}).json()["access_token"]
        province = unit_id(f"/p{generate.BENCH_PROVINCE}/")

        def export() -> None:
            before = _rss_mb(proc.pid)
            started, lines = time.perf_counter(), 0
            with httpx.stream("GET", f"{base}/api/v1/exports/contacts.csv?org_unit={province}", timeout=900,
                              headers={"Authorization": f"Bearer {token}"}) as response:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    lines += chunk.count(b"\n")
            took = time.perf_counter() - started
            after = _rss_mb(proc.pid)
            rows = lines - 1  # the header
            raw_rows, raw_took = asyncio.run(_copy_out(dsn))
            figure(f"export contacts CSV ({rows:,} rows) rows/s", rows / took, raw_rows / raw_took, None, "min",
                   "rows/s", note=f"{took:.1f} s; baseline COPY TO of {raw_rows:,} rows, same scope and order "
                                  "(no decryption)")
            figure(f"export contacts CSV ({rows:,} rows) server peak RSS", after["VmHWM"], before["VmRSS"], 300,
                   "max", "MB", on="value", note="baseline: the server's RSS before the export; peak = VmHWM "
                                                 "after it (the process's high-water mark since it started)")

        export()
        if large_rows:
            t = time.perf_counter()
            added = asyncio.run(_grow_province(dsn, large_rows))
            print(f"    {added:,} copies of the province's contacts added in {time.perf_counter() - t:.0f} s",
                  flush=True)
            try:
                export()
            finally:
                asyncio.run(_shrink_province(dsn))
    finally:
        stop(proc)


async def _extend(sink: bytearray, data: bytes) -> None:
    sink.extend(data)


# --- report ------------------------------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    import fastapi
    import sqlalchemy

    pg = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc", "show server_version"],
                        capture_output=True, text=True).stdout.strip()
    load_avg = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "cpus": str(os.cpu_count()),
            "memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB",
            "python": platform.python_version(), "postgresql": pg, "sqlite": __import__("sqlite3").sqlite_version,
            "fastapi": fastapi.__version__, "sqlalchemy": sqlalchemy.__version__,
            "load_before": load_avg}


def write(meta: dict[str, Any]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps({"meta": meta, "figures": FIGURES}, indent=2,
                                                    ensure_ascii=False) + "\n")
    lines = ["| figure | value | baseline | ratio | target | met |", "|---|---:|---:|---:|---|---|"]
    for f in FIGURES:
        target = "–" if f["target"] is None else \
            f"{'≥' if f['direction'] == 'min' else '≤'} {f['target']} ({f['target_on']})"
        met = "–" if f["met"] is None else ("yes" if f["met"] else "**no**")
        baseline = "–" if f["baseline"] is None else f"{f['baseline']} {f['unit']}"
        ratio = "–" if f["ratio"] is None else f["ratio"]
        lines.append(f"| {f['name']} | {f['value']} {f['unit']} | {baseline} | {ratio} | {target} | {met} |")
    table = "\n".join(lines)
    doc = ROOT / "bench" / "RESULTS.md"
    text = doc.read_text() if doc.exists() else "# Benchmark results\n\n<!-- results -->\n<!-- /results -->\n"
    head, _, rest = text.partition("<!-- results -->")
    _, _, tail = rest.partition("<!-- /results -->")
    block = (f"<!-- results -->\nLast run: **{meta['preset']}** preset, {meta['date']}, {meta['cpus']} cores, "
             f"{meta['memory']}; Python {meta['python']}, PostgreSQL {meta['postgresql']}, SQLite {meta['sqlite']}, "
             f"FastAPI {meta['fastapi']}, SQLAlchemy {meta['sqlalchemy']}. Load average before the run: "
             f"{meta['load_before']}; after: {meta['load_after']} (other engineers' test runs share the 2 cores). "
             f"Took {meta['seconds']} s.\n\n{table}\n<!-- /results -->")
    doc.write_text(head + block + tail)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preset", choices=["quick", "national"], default="quick")
    parser.add_argument("--database-url", default=generate.DEFAULT_PG_URL)
    parser.add_argument("--sqlite-url", default=f"sqlite+aiosqlite:///{ROOT}/var/bench/bench.db")
    parser.add_argument("--skip-generate", action="store_true", help="reuse the data already in the database")
    parser.add_argument("--cell-seconds", type=float, default=None,
                        help="length of each list load cell (quick 1.5 s, national 5 s); 1.5 s cells are noisy here")
    parser.add_argument("--only", default="", help="comma list: cold,lists,indicators,sqlite,import,export")
    args = parser.parse_args()
    quick = args.preset == "quick"
    only = set(filter(None, args.only.split(","))) or {"cold", "lists", "indicators", "sqlite", "import", "export"}
    started = time.perf_counter()
    meta = {"preset": args.preset, **machine()}
    if not args.skip_generate:
        t = time.perf_counter()
        counts = asyncio.run(generate.generate(args.database_url, args.preset, 1))
        meta["generate_seconds"] = round(time.perf_counter() - t, 1)
        meta["rows"] = counts
        print(f"generated {sum(counts.values())} rows in {meta['generate_seconds']} s", flush=True)
    if "cold" in only:
        bench_cold_start(args.database_url)
    if "lists" in only:
        bench_lists(args.database_url, args.preset, args.cell_seconds or (1.5 if quick else 5.0))
    if "indicators" in only:
        bench_indicators(args.database_url, 3 if quick else 5)
    if "import" in only:
        bench_import(args.database_url, 10_000 if quick else 200_000)
    if "export" in only:
        bench_export(args.database_url, None if quick else 1_000_000)
    if "sqlite" in only:
        bench_sqlite(args.sqlite_url, 30 if quick else 100, regenerate=not args.skip_generate)
    meta["load_after"] = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    meta["seconds"] = round(time.perf_counter() - started, 1)
    meta["today"] = date.today().isoformat()
    write(meta)
    print(f"wrote {RESULTS / 'latest.json'} and bench/RESULTS.md in {meta['seconds']} s")


if __name__ == "__main__":
    main()
