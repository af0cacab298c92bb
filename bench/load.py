"""Bounded closed-loop load from a separate process: N connections, each sending its next request as soon as
the previous answer arrived, for a fixed time. The same loop drives HTTP (a minimal keep-alive HTTP/1.1
client, far lighter than httpx so the generator does not steal the server's CPU) and raw asyncpg (the
same SQL statements the application emitted for that request, on N pooled connections).

    python -m bench.load http  SPEC.json   → prints {"requests", "seconds", "latencies_ms": {...}}
    python -m bench.load pg    SPEC.json
"""
from __future__ import annotations

import asyncio
import json
import pickle
import sys
import time
import uuid
from typing import Any


def summary(latencies: list[float], seconds: float, errors: int, keep: bool = False) -> dict[str, Any]:
    """`keep`: the latencies too (seconds), for a caller that merges several slices of one cell."""
    latencies.sort()

    def pct(p: float) -> float:
        if not latencies:
            return float("nan")
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 2)

    out = {"requests": len(latencies), "errors": errors, "seconds": round(seconds, 3),
           "rps": round(len(latencies) / seconds, 1) if seconds else 0.0,
           "p50_ms": pct(0.50), "p99_ms": pct(0.99)}
    if keep:
        out["latencies"] = latencies
    return out


async def _http(spec: dict[str, Any]) -> dict[str, Any]:
    host, port, paths, headers = spec["host"], spec["port"], spec["paths"], spec["headers"]
    deadline_box: list[float] = []
    latencies: list[float] = []
    errors = 0
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    requests = [f"GET {p} HTTP/1.1\r\nHost: {host}\r\n{head}\r\n".encode() for p in paths]

    async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
        writer.write(raw)
        status_line = await reader.readline()
        length = 0
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        await reader.readexactly(length)
        return int(status_line.split()[1])

    async def worker(i: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, port)
        k = i
        for _ in range(spec.get("warmup", 3)):
            await one(reader, writer, requests[k % len(requests)])
        warm.release()
        await start.wait()
        while time.perf_counter() < deadline_box[0]:
            t = time.perf_counter()
            status = await one(reader, writer, requests[k % len(requests)])
            latencies.append(time.perf_counter() - t)
            if status != 200:
                errors += 1
            k += 1
        writer.close()

    start, warm = asyncio.Event(), asyncio.Semaphore(0)
    tasks = [asyncio.create_task(worker(i)) for i in range(spec["connections"])]
    for _ in range(spec["connections"]):  # the clock starts once every connection has warmed up
        await warm.acquire()
    began = time.perf_counter()
    deadline_box.append(began + spec["seconds"])
    start.set()
    await asyncio.gather(*tasks)
    return summary(latencies, time.perf_counter() - began, errors, spec.get("keep_latencies", False))


async def _pg(spec: dict[str, Any]) -> dict[str, Any]:
    import asyncpg

    statements: list[tuple[str, tuple[Any, ...]]] = spec["statements"]
    # The application's session settings (donghanh.db.POSTGRESQL_SERVER_SETTINGS), so both get the same plans.
    pool = await asyncpg.create_pool(spec["dsn"], min_size=spec["connections"], max_size=spec["connections"],
                                     server_settings=spec.get("server_settings"))
    deadline_box: list[float] = []
    latencies: list[float] = []

    async def one() -> None:
        # One transaction per "request", as the application's session does.
        async with pool.acquire() as conn, conn.transaction():
            for sql, params in statements:
                if sql.startswith("INSERT INTO audit_pending (id,"):  # each replay writes an event of its own
                    params = (uuid.uuid4(), *params[1:])
                await conn.fetch(sql, *params)

    async def worker() -> None:
        for _ in range(spec.get("warmup", 3)):
            await one()
        warm.release()
        await start.wait()
        while time.perf_counter() < deadline_box[0]:
            t = time.perf_counter()
            await one()
            latencies.append(time.perf_counter() - t)

    start, warm = asyncio.Event(), asyncio.Semaphore(0)
    tasks = [asyncio.create_task(worker()) for _ in range(spec["connections"])]
    for _ in range(spec["connections"]):  # the clock starts once every connection has warmed up
        await warm.acquire()
    began = time.perf_counter()
    deadline_box.append(began + spec["seconds"])
    start.set()
    await asyncio.gather(*tasks)
    took = time.perf_counter() - began
    await pool.close()
    return summary(latencies, took, 0, spec.get("keep_latencies", False))


def main() -> None:
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        spec = pickle.load(f)  # noqa: S301  (written by bench.run a moment ago)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(_http(spec) if kind == "http" else _pg(spec))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
