"""Helpers for tests that run `donghanh` as separate processes and kill them: ports, the CLI, the figures file."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "donghanh.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a `donghanh` process on `database_url` (test keys, no SPA, no embedded worker)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DONGHANH_") and k != "TEST_DATABASE_URL"}
    env |= {"DONGHANH_DATABASE_URL": database_url, "DONGHANH_ENVIRONMENT": "test", "DONGHANH_SERVE_SPA": "false",
            "DONGHANH_OUTBOX_WORKER_IN_PROCESS": "false", "COLUMNS": "200"}
    env |= {f"DONGHANH_{k.upper()}": v for k, v in settings.items()}
    return env


def run_cli(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([*CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"donghanh {' '.join(args)}: {done.stdout}{done.stderr}"
    return done


def record_figures(suite: str, case: str | None = None, **figures: Any) -> None:
    """One JSON line for docs/SECURITY.md, when DONGHANH_SECURITY_FIGURES names the file to append to."""
    path = os.environ.get("DONGHANH_SECURITY_FIGURES")
    if not path:
        return
    line: dict[str, Any] = {"suite": suite}
    if case is not None:
        line["case"] = case
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line | figures, ensure_ascii=False) + "\n")
