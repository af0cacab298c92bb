"""A realistic national data set, generated deterministically from a seed through the project's own metadata.

    python -m bench.generate --preset national --seed 1            # PostgreSQL database `bench`
    python -m bench.generate --preset quick --seed 1
    python -m bench.generate --preset sqlite --database-url sqlite+aiosqlite:///var/bench/bench.db

The schema comes from the project's migrations and the administrative units from its seed (`donghanh
migrate`'s path); every other row is built here as plain values for the mapped tables and loaded with
the fastest honest path: binary COPY (asyncpg `copy_records_to_table`) on PostgreSQL, one executemany
per batch through SQLAlchemy Core on SQLite (which applies the column types, encryption included).
Encrypted columns are encrypted with the project's key ring on both paths, so the rows are what the
application would have written."""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import async_sessionmaker

import donghanh.models  # noqa: F401  (registers every table)
from donghanh.config import Settings, get_settings
from donghanh.core import crypto
from donghanh.core.base import Base
from donghanh.core.crypto import Encrypted
from donghanh.core.security import hash_password
from donghanh.core.text import fold
from donghanh.core.vocabulary import ServiceType
from donghanh.db import create_engine
from donghanh.org_units.models import OrgUnit
from donghanh.org_units.seed import REFORM_DAY, seed_org_units
from donghanh.victim_cases.models import Exploitation

DEFAULT_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench"
BENCH_PASSWORD = "bench-password-2026"

PRESETS: dict[str, dict[str, int]] = {
    "national": {"contacts": 1_000_000, "clients": 200_000, "establishments": 30_000, "referrals": 150_000,
                 "activities": 40_000, "inspections": 60_000, "peer_groups": 3_000, "victim_cases": 4_000,
                 "expenditures": 60_000},
    "quick": {"contacts": 100_000, "clients": 20_000, "establishments": 3_000, "referrals": 15_000,
              "activities": 4_000, "inspections": 6_000, "peer_groups": 300, "victim_cases": 400,
              "expenditures": 6_000},
    "sqlite": {"contacts": 100_000, "clients": 20_000, "establishments": 3_000, "referrals": 15_000,
               "activities": 4_000, "inspections": 6_000, "peer_groups": 300, "victim_cases": 400,
               "expenditures": 6_000},
}

# Three years ending on the generator's fixed "today", so every run gives the same rows.
END = date(2026, 11, 22)
START = END - timedelta(days=3 * 365)
# The big cities take most of the work: Hồ Chí Minh, Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ.
BIG_CITIES = {"79": 0.22, "01": 0.18, "31": 0.06, "48": 0.06, "92": 0.04}
BENCH_PROVINCE = "01"  # the province the list benchmarks read as its program manager

PLACES = ["establishment", "hotspot", "community", "online", "office"]
TOPICS = ["labour_rights", "social_insurance", "health_hiv_sti", "gbv", "trafficking_risk", "legal", "other"]
NEEDS = [s.value for s in ServiceType]
EST_TYPES = ["karaoke", "massage_sauna", "bar_club", "hotel_guesthouse", "restaurant", "cafe", "beauty_spa", "other"]
GROUPS = ["establishment_worker", "sex_worker", "trafficking_victim", "at_risk"]
SERVICES = [s.value for s in ServiceType]
ACTIVITY_KINDS = ["training", "communication_event", "tripartite_dialogue", "group_meeting", "workshop",
                  "review_conference", "other"]
CATEGORIES = ["peer_groups", "communication_dialogue", "service_connection", "inspection_capacity",
              "victim_support", "training", "management", "other"]
SOURCES = ["central", "provincial", "district", "commune", "international", "socialised"]
EXPLOITATION = [e.value for e in Exploitation]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["Lan", "Hoa", "Mai", "Hương", "Linh", "Trang", "Thảo", "Ngọc", "Anh", "Hà", "Yến", "Nhung", "Tuấn", "Minh"]


@dataclass
class Province:
    code: str
    id: uuid.UUID
    path: str
    communes: list[uuid.UUID]
    # Legacy wards whose successor is one of this province's communes, by commune: pre-reform records sit there.
    legacy_of: dict[uuid.UUID, list[uuid.UUID]]


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def day(self, start: date = START, end: date = END) -> date:
        return start + timedelta(days=self.rng.randrange((end - start).days + 1))

    def ts(self, day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=self.rng.randrange(86_400))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _unit_for(g: Gen, province: Province, day: date) -> uuid.UUID:
    commune = g.rng.choice(province.communes)
    legacy = province.legacy_of.get(commune)
    if day < REFORM_DAY and legacy and g.rng.random() < 0.8:
        return g.rng.choice(legacy)
    return commune


class Loader:
    """Writes dict rows to one table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_pg = url.startswith("postgresql")
        self.counts: dict[str, int] = {}

    async def __aenter__(self) -> Loader:
        if self.is_pg:
            import asyncpg

            self.pg = await asyncpg.connect(self.url.replace("postgresql+asyncpg", "postgresql"))
        else:
            from sqlalchemy import create_engine as sync_engine

            self.engine = sync_engine(self.url.replace("sqlite+aiosqlite", "sqlite"))
            self.conn = self.engine.connect()
            self.conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            self.conn.exec_driver_sql("PRAGMA synchronous=OFF")
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.is_pg:
            await self.pg.close()
        else:
            self.conn.commit()
            self.conn.close()
            self.engine.dispose()

    async def load(self, name: str, rows: Iterable[dict[str, Any]], batch: int = 50_000) -> None:
        table = _table(name)
        columns = [c.name for c in table.columns]
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= batch:
                await self._write(table, columns, chunk)
                chunk = []
        if chunk:
            await self._write(table, columns, chunk)

    async def _write(self, table: Table, columns: list[str], rows: list[dict[str, Any]]) -> None:
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        if not self.is_pg:
            full = [{c: r.get(c) for c in columns} for r in rows]
            self.conn.execute(table.insert(), full)
            return
        converters = []
        for col in table.columns:
            if isinstance(col.type, Encrypted):
                context = col.type.context
                converters.append(lambda v, ctx=context: None if v is None else crypto.ring().encrypt(v, ctx))
            elif col.type.__class__.__name__ == "JSON":
                converters.append(lambda v: None if v is None else json.dumps(v, ensure_ascii=False))
            else:
                converters.append(None)
        pairs = list(zip(columns, converters, strict=True))
        records = [tuple(conv(r.get(c)) if conv else r.get(c) for c, conv in pairs) for r in rows]
        await self.pg.copy_records_to_table(table.name, records=records, columns=columns)


def _base(g: Gen, created: datetime, **row: Any) -> dict[str, Any]:
    return {"id": g.uuid(), "created_at": created, "updated_at": created, "version": 1, **row}


async def _prepare(url: str, reset: bool) -> None:
    if url.startswith("postgresql") and reset:
        import asyncpg

        dsn = url.replace("postgresql+asyncpg", "postgresql")
        name = dsn.rsplit("/", 1)[1]
        if name in {"test", "test_imports", "postgres"}:
            raise SystemExit(f"refusing to reset database {name!r}")
        admin = await asyncpg.connect(dsn.rsplit("/", 1)[0] + "/postgres")
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        await admin.close()
    elif reset:
        from pathlib import Path

        path = Path(url.split("///", 1)[1])
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)  # noqa: ASYNC240  (before any I/O starts)


def _settings(url: str) -> Settings:
    return get_settings().model_copy(update={"database_url": url})


async def _provinces(url: str) -> list[Province]:
    engine = create_engine(_settings(url))
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        await seed_org_units(session)
        await session.commit()
        units = (await session.execute(select(OrgUnit.id, OrgUnit.path, OrgUnit.code, OrgUnit.successor_id,
                                              OrgUnit.level, OrgUnit.parent_id))).all()
    await engine.dispose()
    provinces: dict[uuid.UUID, Province] = {}
    for u in units:
        if u.path.startswith("/p") and u.level == "province":
            provinces[u.id] = Province(u.code, u.id, u.path, [], {})
    commune_province: dict[uuid.UUID, Province] = {}
    for u in units:
        if u.path.startswith("/p") and u.level == "commune" and u.parent_id in provinces:
            provinces[u.parent_id].communes.append(u.id)
            commune_province[u.id] = provinces[u.parent_id]
    for u in sorted(units, key=lambda u: u.path):
        if u.path.startswith("/lp") and u.level == "commune" and u.successor_id in commune_province:
            commune_province[u.successor_id].legacy_of.setdefault(u.successor_id, []).append(u.id)
    for p in provinces.values():
        p.communes.sort()
    return sorted(provinces.values(), key=lambda p: p.code)


async def generate(url: str, preset: str, seed: int, reset: bool = True, **overrides: int) -> dict[str, int]:
    from donghanh.cli import run_migrations

    sizes = {**PRESETS[preset], **{k: v for k, v in overrides.items() if v}}
    settings = _settings(url)
    crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)
    await _prepare(url, reset)
    await asyncio.to_thread(run_migrations, url)
    provinces = await _provinces(url)
    g = Gen(seed)
    weights = [BIG_CITIES.get(p.code, (1 - sum(BIG_CITIES.values())) / (len(provinces) - len(BIG_CITIES)))
               for p in provinces]

    def pick() -> Province:
        return g.rng.choices(provinces, weights)[0]

    born = datetime(2023, 1, 1, tzinfo=UTC)
    async with Loader(url) as out:
        # --- organisations and accounts -------------------------------------------------------------------
        orgs: dict[str, list[uuid.UUID]] = {}
        org_rows = []
        for p in provinces:
            for i in range(3):
                row = _base(g, born, name=f"Trung tâm dịch vụ {p.code}-{i}", kind="health_center",
                            org_unit_id=p.id, services=SERVICES[i::3], active=True, name_search=f"trung tam {p.code}")
                orgs.setdefault(p.code, []).append(row["id"])
                org_rows.append(row)
        await out.load("organisation", org_rows)
        password_hash = hash_password(BENCH_PASSWORD)
        users: dict[str, list[uuid.UUID]] = {}
        user_rows = []
        for p in provinces:
            user_rows.append(_base(g, born, username=f"bench.pm.{p.code}", full_name=f"Quản lý {p.code}",
                                   password_hash=password_hash, role="program_manager", org_unit_id=p.id, active=True))
            for i in range(5):
                row = _base(g, born, username=f"bench.pe.{p.code}.{i}", full_name=f"Đồng đẳng {p.code}.{i}",
                            password_hash=password_hash, role="peer_educator", org_unit_id=p.communes[i], active=True)
                users.setdefault(p.code, []).append(row["id"])
                user_rows.append(row)
        await out.load("user_account", user_rows)

        # --- establishments and inspections ---------------------------------------------------------------
        ests: dict[str, list[tuple[uuid.UUID, uuid.UUID]]] = {}
        est_rows = []
        for i in range(sizes["establishments"]):
            p = pick()
            created = g.ts(g.day(date(2023, 1, 1)))
            unit = _unit_for(g, p, created.date())
            name = f"{g.rng.choice(['Karaoke', 'Massage', 'Nhà nghỉ', 'Quán', 'Bar'])} {g.rng.choice(GIVEN)} {i}"
            row = _base(g, created, name=name, type=g.rng.choice(EST_TYPES), address=f"Số {i % 300} đường {p.code}",
                        workers_female=g.rng.randrange(30), workers_male=g.rng.randrange(10),
                        status="closed" if g.rng.random() < 0.05 else "active", risk_level=g.rng.choice(
                            ["low", "medium", "high"]), org_unit_id=unit, search_text=fold(name),
                        commitment_signed_on=g.day(date(2023, 1, 1)) if g.rng.random() < 0.4 else None)
            ests.setdefault(p.code, []).append((row["id"], unit))
            est_rows.append(row)
        await out.load("establishment", est_rows)
        est_flat = [e for p in provinces for e in ests.get(p.code, [])]
        insp_rows = []
        for _ in range(sizes["inspections"]):
            est_id, unit = g.rng.choice(est_flat)
            day = g.day()
            violations = g.rng.sample(["unlicensed", "fire_safety", "hygiene"], g.rng.randrange(3)) \
                if g.rng.random() < 0.3 else []
            insp_rows.append(_base(g, g.ts(day), establishment_id=est_id, inspected_on=day, team=["Thanh tra"],
                                   violations=violations, fine_amount_vnd=0, org_unit_id=unit))
        await out.load("inspection", insp_rows)
        del insp_rows, est_rows

        # --- clients ----------------------------------------------------------------------------------------
        clients: dict[str, list[tuple[uuid.UUID, uuid.UUID]]] = {}
        ring = crypto.ring()
        client_rows = []
        for i in range(sizes["clients"]):
            p = pick()
            created = g.ts(g.day())
            unit = _unit_for(g, p, created.date())
            family, given = g.rng.choice(FAMILY), g.rng.choice(GIVEN)
            full_name = f"{family} Thị {given}"
            row = _base(g, created, code=f"B{i:08X}", sex="female" if g.rng.random() < 0.8 else "male",
                        birth_year=g.rng.randrange(1970, 2010) if g.rng.random() < 0.9 else None,
                        group=g.rng.choice(GROUPS), org_unit_id=unit, full_name=full_name,
                        phone=f"09{g.rng.randrange(10**8):08d}" if g.rng.random() < 0.5 else None,
                        name_index=ring.blind_index(fold(full_name)), given_name_index=ring.blind_index(fold(given)),
                        consent_share_with_providers=g.rng.random() < 0.7,
                        establishment_id=g.rng.choice(ests[p.code])[0] if p.code in ests and g.rng.random() < 0.5
                        else None)
            clients.setdefault(p.code, []).append((row["id"], unit))
            client_rows.append(row)
        await out.load("client", client_rows)
        del client_rows

        # --- peer groups ----------------------------------------------------------------------------------
        groups: dict[str, list[uuid.UUID]] = {}
        group_rows, member_rows = [], []
        for i in range(sizes["peer_groups"]):
            p = pick()
            created = g.ts(g.day(date(2023, 1, 1)))
            unit = _unit_for(g, p, created.date())
            row = _base(g, created, name=f"Nhóm đồng đẳng {i}", kind="peer_group", established_on=created.date(),
                        active=g.rng.random() < 0.85, name_search=f"nhom dong dang {i}", org_unit_id=unit)
            groups.setdefault(p.code, []).append(row["id"])
            group_rows.append(row)
            for j in range(g.rng.randrange(3, 9)):
                member_rows.append(_base(g, created, peer_group_id=row["id"], full_name=f"Thành viên {i}.{j}",
                                         member_role="leader" if j == 0 else "member", joined_on=created.date(),
                                         org_unit_id=unit))
        await out.load("peer_group", group_rows)
        await out.load("peer_group_member", member_rows)

        # --- outreach contacts: the big table ----------------------------------------------------------------
        contact_ids: dict[str, list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]] = {}

        def contacts() -> Iterable[dict[str, Any]]:
            for _ in range(sizes["contacts"]):
                p = pick()
                day = g.day()
                unit = _unit_for(g, p, day)
                client = g.rng.choice(clients[p.code])[0] if p.code in clients and g.rng.random() < 0.7 else None
                est = g.rng.choice(ests[p.code])[0] if p.code in ests and g.rng.random() < 0.5 else None
                needs = g.rng.sample(NEEDS, g.rng.randrange(1, 3)) if g.rng.random() < 0.25 else []
                row = _base(g, g.ts(day), contacted_on=day, org_unit_id=unit, client_id=client, establishment_id=est,
                            peer_group_id=g.rng.choice(groups[p.code]) if p.code in groups and g.rng.random() < 0.3
                            else None, recorded_by=g.rng.choice(users[p.code]), place=g.rng.choice(PLACES),
                            first_contact=g.rng.random() < 0.2, topics=g.rng.sample(TOPICS, 2),
                            materials={"leaflets": g.rng.randrange(5)}, needs=needs,
                            notes="Ghi chú" if g.rng.random() < 0.01 else None)
                if client is not None and needs and g.rng.random() < 0.5:
                    contact_ids.setdefault(p.code, []).append((row["id"], client, unit))
                yield row

        await out.load("outreach_contact", contacts())

        # --- referrals with their histories --------------------------------------------------------------------
        ref_rows, event_rows = [], []
        for _ in range(sizes["referrals"]):
            p = pick()
            if p.code not in contact_ids:
                continue
            contact_id, client_id, unit = g.rng.choice(contact_ids[p.code])
            created = g.ts(g.day())
            status = g.rng.choices(["draft", "sent", "accepted", "declined", "completed", "not_completed"],
                                   [5, 15, 15, 10, 45, 10])[0]
            sent = created + timedelta(hours=g.rng.randrange(1, 72)) if status != "draft" else None
            closed = sent + timedelta(days=g.rng.randrange(1, 60)) \
                if sent and status in ("declined", "completed", "not_completed") else None
            row = _base(g, created, client_id=client_id, contact_id=contact_id, service_type=g.rng.choice(SERVICES),
                        to_organisation_id=g.rng.choice(orgs[p.code]), status=status, sent_at=sent, closed_at=closed,
                        follow_up_due_on=(sent + timedelta(days=14)).date() if sent else None, org_unit_id=unit)
            ref_rows.append(row)
            chain = [(None, "draft", created)]
            if sent:
                chain.append(("draft", "sent", sent))
            if status == "accepted" or (status in ("completed", "not_completed") and closed):
                chain.append(("sent", "accepted", (sent or created) + timedelta(hours=6)))
            if closed:
                chain.append((chain[-1][1], status, closed))
            for frm, to, at in chain:
                event_rows.append({"id": g.uuid(), "referral_id": row["id"], "at": at, "actor_type": "user",
                                   "actor_name": "Cán bộ", "from_status": frm, "to_status": to})
        await out.load("referral", ref_rows)
        await out.load("referral_event", event_rows)
        del ref_rows, event_rows

        # --- victims -------------------------------------------------------------------------------------------
        case_rows, support_rows = [], []
        for _ in range(sizes["victim_cases"]):
            p = pick()
            client_id, unit = g.rng.choice(clients[p.code])
            reported = g.day()
            row = _base(g, g.ts(reported), client_id=client_id, reported_on=reported,
                        identified_on=reported + timedelta(days=g.rng.randrange(30)) if g.rng.random() < 0.7 else None,
                        source="police", exploitation=g.rng.choice(EXPLOITATION), citizenship="VN",
                        status="identified", org_unit_id=unit)
            case_rows.append(row)
            for _k in range(g.rng.randrange(3)):
                day = reported + timedelta(days=g.rng.randrange(90))
                support_rows.append(_base(g, g.ts(day), victim_case_id=row["id"], support_type="shelter",
                                          provided_on=day, amount_vnd=1_000_000, org_unit_id=unit))
        await out.load("victim_case", case_rows)
        await out.load("victim_support", support_rows)

        # --- activities, plans, budget lines, expenditures -------------------------------------------------------
        act_rows = []
        for i in range(sizes["activities"]):
            p = pick()
            day = g.day()
            total = g.rng.randrange(5, 120)
            act_rows.append(_base(g, g.ts(day), kind=g.rng.choice(ACTIVITY_KINDS), title=f"Hoạt động {i}",
                                  starts_on=day, participants_total=total, participants_female=total * 2 // 3,
                                  materials={}, org_unit_id=_unit_for(g, p, day)))
        await out.load("activity", act_rows)
        plan_rows, line_rows = [], []
        lines: dict[str, list[tuple[uuid.UUID, uuid.UUID]]] = {}
        for p in provinces:
            for year in (START.year, START.year + 1, START.year + 2, END.year):
                if year > END.year or any(r["org_unit_id"] == p.id and r["year"] == year for r in plan_rows[-4:]):
                    continue
                plan = _base(g, datetime(year - 1, 12, 1, tzinfo=UTC), year=year, number=f"KH-{p.code}-{year}",
                             title=f"Kế hoạch {year}", status="approved", org_unit_id=p.id)
                plan_rows.append(plan)
                for k, category in enumerate(CATEGORIES):
                    line = _base(g, plan["created_at"], plan_id=plan["id"], code=f"{k + 1:02d}", title=category,
                                 category=category, funding_source=g.rng.choice(SOURCES),
                                 allocated_vnd=g.rng.randrange(50, 500) * 1_000_000, org_unit_id=p.id)
                    line_rows.append(line)
                    lines.setdefault(p.code, []).append((line["id"], p.id))
        await out.load("plan", plan_rows)
        await out.load("budget_line", line_rows)
        exp_rows = []
        for i in range(sizes["expenditures"]):
            p = pick()
            line_id, unit = g.rng.choice(lines[p.code])
            day = g.day()
            exp_rows.append(_base(g, g.ts(day), budget_line_id=line_id, spent_on=day,
                                  amount_vnd=g.rng.randrange(1, 50) * 100_000, description=f"Chi {i}",
                                  org_unit_id=unit))
        await out.load("expenditure", exp_rows)
        counts = dict(out.counts)
    await analyze(url)
    return counts


async def analyze(url: str) -> None:
    if url.startswith("postgresql"):
        import asyncpg

        conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
        await conn.execute("VACUUM ANALYZE")
        await conn.close()
    else:
        import sqlite3

        conn = sqlite3.connect(url.split("///", 1)[1])
        conn.execute("ANALYZE")
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="national")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default=DEFAULT_PG_URL)
    for name in PRESETS["national"]:
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=0, help=f"override the preset's {name}")
    args = parser.parse_args()
    overrides = {name: getattr(args, name) for name in PRESETS["national"]}
    started = time.perf_counter()
    counts = asyncio.run(generate(args.database_url, args.preset, args.seed, **overrides))
    took = time.perf_counter() - started
    print(json.dumps({"database_url": args.database_url, "preset": args.preset, "seed": args.seed,
                      "seconds": round(took, 1), "rows": counts}, indent=2))


if __name__ == "__main__":
    main()
