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

import pytest

from tests.api.imports.files import contact_rows, csv_bytes
from tests.integration.processes import CLI, ROOT, ScratchDatabase, record_figures, run_cli, scratch_database

ROWS = 4000
CHUNK = 500  # the importer reports progress after each chunk of this many rows (engine.CHUNK_ROWS)
PROGRESS = re.compile(r"(\d+)/(\d+)")
COUNTS = {
    "rows": "SELECT count(*) FROM outreach_contact WHERE external_id LIKE 'TC-%'",
    "audit": "SELECT count(*) FROM audit_event",
    "succeeded_jobs": "SELECT count(*) FROM import_job WHERE status = 'succeeded'",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ScratchDatabase]:
    """A migrated database with one case worker."""
    with scratch_database(request.param, tmp_path, "import_kill") as database:
        run_cli(database.env, "create-user", "--username", "canbo.badinh", "--password", "một mật khẩu dài",
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
