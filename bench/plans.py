"""EXPLAIN (ANALYZE, BUFFERS) of the hot queries, exactly as the application emits them, into bench/plans/.

    python -m bench.plans            # against the data set in the `bench` database"""
from __future__ import annotations

import asyncio
from pathlib import Path

import asyncpg
import httpx

from bench import generate
from bench.run import captured_statements

PLANS = Path(__file__).resolve().parent / "plans"


async def main(url: str = generate.DEFAULT_PG_URL) -> None:
    from donghanh.config import get_settings
    from donghanh.main import create_app
    from donghanh.org_units.seed import unit_id

    settings = get_settings().model_copy(update={"database_url": url, "outbox_worker_in_process": False,
                                                 "access_token_minutes": 600, "serve_spa": False})
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        token = (await client.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": f"bench.pm.{generate.BENCH_PROVINCE}",
            "password": generate.BENCH_PASSWORD})).json()["access_token"]
        province = unit_id(f"/p{generate.BENCH_PROVINCE}/")
        first = f"/api/v1/contacts?org_unit={province}&since=2024-06-01&until=2026-05-31&limit=50"
        page = first
        for _ in range(50):  # a later keyset page
            cursor = (await client.get(page, headers={"Authorization": f"Bearer {token}"})).json()["next_cursor"]
            page = f"{first}&cursor={cursor}"
    await app.state.database.dispose()
    paths = {
        "contacts_page_1": first, "contacts_page_51": page,
        "clients_page_1": f"/api/v1/clients?org_unit={province}&limit=50",
        "referrals_page_1": f"/api/v1/referrals?org_unit={province}&limit=50",
        "establishments_page_1": f"/api/v1/establishments?org_unit={province}&limit=50",
    }
    PLANS.mkdir(exist_ok=True)
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    for name, path in paths.items():
        statements = await captured_statements(url, path, token)
        table = name.split("_page")[0].rstrip("s").replace("contact", "outreach_contact")
        main_sql = [s for s in statements if f"FROM {table}" in s[0]][0]
        rows = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + main_sql[0], *main_sql[1])
        plan = "\n".join(r[0] for r in rows)
        (PLANS / f"{name}.txt").write_text(f"-- {path}\n-- parameters: {main_sql[1]!r}\n{main_sql[0]}\n\n{plan}\n")
        print(f"{name}: {plan.splitlines()[-1]}")
    await conn.close()


if __name__ == "__main__":
    asyncio.run(main())
