"""PostgreSQL restarted and killed under write load, on a private cluster (initdb + pg_ctl on 127.0.0.1): while
it is away every answer is 503 problem+json with Retry-After, never a 500 or a traceback; the same server
process answers 2xx again once it is back; and every write it acknowledged is in the database."""
from __future__ import annotations

import asyncio
import glob
import json
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from donghanh.org_units.seed import unit_id
from tests.integration.processes import ApiServer, cli_env, free_port, record_figures, run_cli

PASSWORD = "mật khẩu khi máy chủ sập"
BA_DINH = str(unit_id("/p01/w00004/"))
WRITERS = 2
ACKS_BEFORE_FAULT = 20
ACKS_AFTER_RECOVERY = 20
# The database stays stopped until the writers have had this many answers and this long has passed.
OUTAGE_ANSWERS = 5
OUTAGE_SECONDS = 2.0
DEADLINE_SECONDS = 30


def _bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name),
                            reverse=True):
        if (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found and shutil.which("initdb") else None


class Cluster:
    """A throw-away PostgreSQL cluster; as root its programs run as the `postgres` OS user."""

    def __init__(self, bindir: Path, root: Path, port: int) -> None:
        self.bindir, self.root, self.port = bindir, root, port
        self.data = root / "data"
        self.url = f"postgresql+asyncpg://postgres@127.0.0.1:{port}/donghanh"

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{tool} {' '.join(args)}: {done.stdout}{done.stderr}"

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "donghanh")

    def _server_options(self) -> list[str]:
        # The log file too: a server left writing to pg_ctl's stdout would hold our pipe open.
        return ["-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1",
                "-l", str(self.root / "postgres.log")]

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), *self._server_options(), "-w", "-t", "30", "start")

    def restart_fast(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), *self._server_options(), "-m", "fast", "-w", "-t", "30", "restart")

    def stop(self, mode: str) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "30", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@dataclass
class Answer:
    started: float
    ended: float
    status: int  # 0: no HTTP answer at all (connection to the API failed or timed out)
    content_type: str = ""
    retry_after: str | None = None
    body: str = ""
    contact_id: str | None = None

    @property
    def proper_503(self) -> bool:
        if self.status != 503 or self.content_type != "application/problem+json" or not self.retry_after:
            return False
        return "Traceback" not in self.body and json.loads(self.body)["title"] == "Service unavailable"


@dataclass
class WriteLoad:
    """Writers creating contacts in a loop; every answer is kept, with when the request started and ended."""

    base: str
    token: str
    answers: list[Answer] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        for n in range(WRITERS):
            thread = threading.Thread(target=self._write, args=(n,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _write(self, writer: int) -> None:
        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.base, timeout=20, headers=headers) as http:
            n = 0
            while not self.stop.is_set():
                n += 1
                body = {"contacted_on": date.today().isoformat(), "org_unit_id": BA_DINH, "place": "community",
                        "notes": f"writer {writer} write {n}"}
                started = time.monotonic()
                try:
                    response = http.post("/api/v1/contacts", json=body)
                except httpx.HTTPError as exc:
                    answer = Answer(started, time.monotonic(), 0, body=repr(exc))
                else:
                    ok = 200 <= response.status_code < 300
                    answer = Answer(started, time.monotonic(), response.status_code,
                                    response.headers.get("content-type", ""), response.headers.get("retry-after"),
                                    response.text, response.json()["id"] if ok else None)
                with self.lock:
                    self.answers.append(answer)
                if answer.status == 503:
                    time.sleep(0.05)  # a client honouring Retry-After would wait longer; keep the test short

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)
        assert not any(t.is_alive() for t in self.threads), "a writer did not stop"

    def snapshot(self) -> list[Answer]:
        with self.lock:
            return [*self.answers]

    def wait_for(self, what: str, condition: Any) -> None:
        deadline = time.monotonic() + DEADLINE_SECONDS
        while time.monotonic() < deadline:
            if condition(self.snapshot()):
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; last answers: {self.snapshot()[-3:]}")


@dataclass
class Stack:
    cluster: Cluster
    server: ApiServer
    token: str


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    if not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"):
        pytest.skip("PostgreSQL faults run in the PostgreSQL run (TEST_DATABASE_URL); they use a private cluster")
    bindir = _bindir()
    if bindir is None:
        pytest.skip("initdb/pg_ctl not found (install the PostgreSQL server package)")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` OS user to run the private cluster")
    root = Path(tempfile.mkdtemp(prefix="donghanh-pgfault-"))
    if os.geteuid() == 0:
        os.chown(root, owner.pw_uid, owner.pw_gid)
    cluster = Cluster(bindir, root, free_port())
    server = None
    try:
        cluster.init()
        env = cli_env(cluster.url)
        run_cli(env, "migrate")
        run_cli(env, "create-user", "--username", "canbo.sapdo", "--password", PASSWORD, "--role", "case_worker",
                "--org-unit", "00004")
        # The server's log is kept after the run (for a failure); the cluster's directory is not.
        server = ApiServer(env, tmp_path_factory.mktemp("pgfault") / "server.log")
        yield Stack(cluster, server, server.token("canbo.sapdo", PASSWORD))
    finally:
        if server is not None:
            server.stop()
        if cluster.running():
            cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


async def _stored(url: str, ids: list[str]) -> set[str]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        rows = await connection.fetch("SELECT id FROM outreach_contact WHERE id = ANY($1::uuid[])", ids)
    finally:
        await connection.close()
    return {str(r["id"]) for r in rows}


def _run_fault(stack: Stack, case: str, fault: Any) -> None:
    load = WriteLoad(stack.server.base, stack.token)
    load.start()
    try:
        load.wait_for("writes before the fault",
                      lambda a: sum(x.contact_id is not None for x in a) >= ACKS_BEFORE_FAULT)
        outage = fault(load)
        load.wait_for("2xx after recovery", lambda a: sum(
            x.contact_id is not None and x.started > outage[1] for x in a) >= ACKS_AFTER_RECOVERY)
    finally:
        load.finish()
    answers = load.snapshot()

    assert stack.server.process.poll() is None, "the API server exited; it must ride out the outage"
    assert httpx.get(f"{stack.server.base}/healthz", timeout=5).status_code == 200
    others = [a for a in answers if a.contact_id is None and not a.proper_503]
    during = [a for a in answers if a.started > outage[0] and a.ended < outage[1]]
    acknowledged = [a.contact_id for a in answers if a.contact_id is not None]
    stored = asyncio.run(_stored(stack.cluster.url, acknowledged))
    lost = [i for i in acknowledged if i not in stored]
    by_status: dict[str, int] = {}
    for answer in during:
        by_status[str(answer.status)] = by_status.get(str(answer.status), 0) + 1
    tracebacks = stack.server.log.read_text(encoding="utf-8", errors="replace").count("Traceback")
    record_figures("pg_fault", case, acknowledged=len(acknowledged), lost=len(lost),
                   answers_during_outage=by_status, other=len(others), answers_total=len(answers),
                   outage_seconds=round(outage[1] - outage[0], 1),
                   tracebacks_in_server_log=tracebacks)

    assert others == [], f"answers that were neither 2xx nor a proper 503: {others[:3]}"
    assert lost == []
    assert len(set(acknowledged)) == len(acknowledged)
    assert tracebacks == 0, f"the server logged a traceback (an unhandled error); see {stack.server.log}"


def test_fast_restart_under_write_load(stack: Stack) -> None:
    def restart(load: WriteLoad) -> tuple[float, float]:
        began = time.monotonic()
        stack.cluster.restart_fast()
        return began, time.monotonic()

    _run_fault(stack, "restart", restart)


def test_immediate_stop_then_start_under_write_load(stack: Stack) -> None:
    def crash(load: WriteLoad) -> tuple[float, float]:
        stack.cluster.stop("immediate")
        down = time.monotonic()
        load.wait_for(f"{OUTAGE_ANSWERS} answers while the database is down", lambda a: sum(
            x.started > down for x in a) >= OUTAGE_ANSWERS and time.monotonic() - down >= OUTAGE_SECONDS)
        during = [a for a in load.snapshot() if a.started > down]
        assert all(a.proper_503 for a in during), f"while down: {[a for a in during if not a.proper_503][:3]}"
        health = httpx.get(f"{stack.server.base}/healthz", timeout=15)
        assert health.status_code == 503 and health.headers["content-type"] == "application/problem+json"
        up = time.monotonic()
        stack.cluster.start()
        return down, up

    _run_fault(stack, "immediate stop", crash)
