"""`donghanh import` killed with SIGKILL while it is writing rows leaves nothing of the file behind (no row, no
audit event, no import claiming success), and running it again imports every row."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.imports.files import contact_rows, csv_bytes
from tests.integration.processes import CLI, ROOT, ApiServer, ScratchDatabase, record_figures, run_cli, scratch_database

ROWS = 4000
CHUNK = 500  # the importer reports progress after each chunk of this many rows (engine.CHUNK_ROWS)
PROGRESS = re.compile(r"(\d+)/(\d+)")
PASSWORD = "một mật khẩu dài"
COUNTS = {
    "rows": "SELECT count(*) FROM outreach_contact WHERE external_id LIKE 'TC-%'",
    # Chained and waiting for the sequencer alike: an event the kill left behind would be in either.
    "audit": "SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM audit_pending)",
    "succeeded_jobs": "SELECT count(*) FROM import_job WHERE status = 'succeeded'",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ScratchDatabase]:
    """A migrated database with one case worker."""
    with scratch_database(request.param, tmp_path, "import_kill") as database:
        run_cli(database.env, "create-user", "--username", "canbo.badinh", "--password", PASSWORD,
                "--role", "case_worker", "--org-unit", "00004")
        yield database


def _counts(office: ScratchDatabase) -> dict[str, int]:
    return {key: office.scalar(sql) for key, sql in COUNTS.items()}


class ProgressWatcher:
    """Reads the import's live progress bar (rich renders it to a pipe when told the pipe is a terminal)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.done = 0
        self.output = bytearray()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while chunk := self.process.stdout.read1(4096):
            self.output += chunk
            for done, _total in PROGRESS.findall(chunk.decode("utf-8", "replace")):
                self.done = max(self.done, int(done))

    def wait_for_rows(self, at_least: int, timeout: float = 120) -> int:
        deadline = time.monotonic() + timeout
        while self.done < at_least:
            assert self.process.poll() is None, f"the import ended before it was killed: {self.output[-500:]!r}"
            assert time.monotonic() < deadline, f"no progress: {self.output[-500:]!r}"
            time.sleep(0.01)
        return self.done


def test_import_killed_mid_run_leaves_nothing_and_a_rerun_imports_everything(office: ScratchDatabase,
                                                                             tmp_path: Path) -> None:
    data = tmp_path / "tiep-can.csv"
    data.write_bytes(csv_bytes(contact_rows(ROWS), delimiter=";"))
    before = _counts(office)
    assert before["rows"] == 0

    env = office.env | {"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"}
    process = subprocess.Popen([*CLI, "import", "contacts", str(data), "--as", "canbo.badinh"], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    watcher = ProgressWatcher(process)
    try:
        done_when_killed = watcher.wait_for_rows(CHUNK)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    watcher.thread.join(timeout=10)
    assert process.returncode == -signal.SIGKILL
    # Killed between chunks with rows written in its transaction, not after the last one.
    assert CHUNK <= done_when_killed < ROWS

    after_kill = _counts(office)
    record_figures("crash", f"import SIGKILL {office.kind}", rows_in_file=ROWS, rows_done_when_killed=done_when_killed,
                   partial_rows=after_kill["rows"], audit_events_added=after_kill["audit"] - before["audit"],
                   import_jobs_succeeded=after_kill["succeeded_jobs"])
    assert after_kill == before

    rerun = run_cli(office.env, "import", "contacts", str(data), "--as", "canbo.badinh")
    assert f"rows {ROWS}: created {ROWS}, updated 0, unchanged 0, errors 0" in rerun.stdout
    assert _counts(office)["rows"] == ROWS


class Server(ApiServer):
    """The API on the scratch database, signed in as the case worker; files over 100 rows run as jobs."""

    def __init__(self, database: ScratchDatabase, log: Path) -> None:
        super().__init__(database.env | {"DONGHANH_IMPORT_JOB_THRESHOLD_ROWS": "100"}, log)
        token = self.token("canbo.badinh", PASSWORD)
        self.http = httpx.Client(base_url=self.base, headers={"Authorization": f"Bearer {token}"}, timeout=60)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_for_job(self, location: str, condition: Any) -> dict[str, Any]:
        deadline = time.monotonic() + 120
        while True:
            job = self.http.get(location).json()
            if condition(job):
                return job
            assert job["status"] in ("queued", "running"), job
            assert time.monotonic() < deadline, f"the job did not get there: {job}"
            time.sleep(0.02)

    def stop(self) -> None:
        self.http.close()
        super().stop()


def _job(office: ScratchDatabase) -> tuple[str, int]:
    status = office.scalar("SELECT status FROM import_job ORDER BY created_at DESC LIMIT 1")
    return status, office.scalar("SELECT rows_done FROM import_job ORDER BY created_at DESC LIMIT 1")


def _wait_until_mid_run(office: ScratchDatabase, server: Server) -> int | None:
    """Rows done once the job is well into its rows. PostgreSQL records progress on the job row after every
    chunk; SQLite cannot (the import holds the only write lock, and every API request waits behind it), so
    there the job's own work is measured instead: a quarter of a second of the server's CPU time after it
    started, about a quarter of this file's rows since contacts are written in bulk (the status checked after
    the kill proves it had not finished)."""
    deadline = time.monotonic() + 120
    cpu_at_start = None
    while True:
        assert time.monotonic() < deadline and server.process.poll() is None, _job(office)
        status, rows_done = _job(office)
        assert status in ("queued", "running"), f"the job ended before it was killed: {status}"
        if status == "running" and office.kind == "postgresql" and rows_done >= CHUNK:
            return rows_done
        if status == "running" and office.kind == "sqlite":
            cpu_at_start = server.cpu_seconds() if cpu_at_start is None else cpu_at_start
            if server.cpu_seconds() - cpu_at_start >= 0.25:
                return None
        time.sleep(0.01)


def test_server_killed_during_an_import_job_leaves_nothing_and_the_job_does_not_claim_success(
        office: ScratchDatabase, tmp_path: Path) -> None:
    content = csv_bytes(contact_rows(ROWS))
    log = tmp_path / "server.log"
    server = Server(office, log)
    try:
        started = server.http.post("/api/v1/imports/contacts", files={"file": ("tiep-can.csv", content)})
        assert started.status_code == 202, started.text
        location = started.headers["location"]
        before = _counts(office)
        done_when_killed = _wait_until_mid_run(office, server)
        server.process.send_signal(signal.SIGKILL)
        assert server.process.wait(timeout=30) == -signal.SIGKILL
    finally:
        server.stop()
    after_kill = _counts(office)
    assert _job(office)[0] == "running", "killed mid-run: the job had not finished"

    server = Server(office, log)
    try:
        reported = server.http.get(location).json()
        record_figures("crash", f"import job, server SIGKILL {office.kind}", rows_in_file=ROWS,
                       rows_done_when_killed=done_when_killed, partial_rows=after_kill["rows"],
                       audit_events_added=after_kill["audit"] - before["audit"],
                       import_jobs_succeeded=after_kill["succeeded_jobs"], job_status_after_restart=reported["status"])
        assert after_kill == before
        assert reported["status"] == "failed" and reported["finished_at"] is not None

        again = server.http.post("/api/v1/imports/contacts", files={"file": ("tiep-can.csv", content)})
        assert again.status_code == 202, again.text
        finished = server.wait_for_job(again.headers["location"], lambda j: j["status"] not in ("queued", "running"))
        assert finished["status"] == "succeeded"
        assert (finished["result"]["created"], finished["result"]["committed"]) == (ROWS, True)
    finally:
        server.stop()
    assert _counts(office)["rows"] == ROWS
