"""Run the security and reliability suites and write docs/SECURITY.md from what they measured.

    python scripts/security_report.py [--out docs/SECURITY.md] [--work var/security]

The suites run with pytest (on PostgreSQL when TEST_DATABASE_URL is set, else SQLite); each test's outcome
comes from pytest's JUnit XML, and the figures the suites record (tests/fixtures/figures.py) from a JSON-lines
file. Nothing in the document is typed by hand: re-run the command after changing a suite or a route.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
Figures = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Suite:
    name: str
    proves: str
    tests: tuple[str, ...]
    # What the suite measured, from the recorded figures and its JUnit outcome counts.
    figure: Callable[[Figures, Counter[str]], str] = field(default=lambda _, __: "")


def _sum(rows: list[dict[str, Any]], key: str) -> int:
    return sum(int(row.get(key, 0) or 0) for row in rows)


def _field_exposure(f: Figures, _: Counter[str]) -> str:
    rows = f.get("field_exposure", [])
    if not rows:
        return ""
    return (f"{len(rows)} accounts × {rows[0]['routes']} JSON GET routes; {_sum(rows, 'answered')} answers with "
            f"data walked key by key; undeclared keys {_sum(rows, 'undeclared')}, keys outside the role's "
            f"allow-list {_sum(rows, 'forbidden')}, refusals carrying data {_sum(rows, 'refusals_with_data')}")


def _mass_assignment(f: Figures, _: Counter[str]) -> str:
    rows = f.get("mass_assignment", [])
    if not rows:
        return ""
    outcomes = Counter(row["outcome"] for row in rows)
    return (f"{len(rows)} poisoned writes over {len({r['write'] for r in rows})} operations: "
            f"{outcomes['accepted']} accepted with every protected column unchanged, {outcomes['refused']} refused")


def _schemathesis(f: Figures, _: Counter[str]) -> str:
    rows = f.get("schemathesis", [])
    if not rows:
        return ""
    operations = max(int(r.get("operations", 0)) for r in rows)
    return f"{len(rows)} roles; {_sum(rows, 'cases')} generated requests over {operations} operations; " \
           f"failures {_sum(rows, 'failures')}"


def _limits(f: Figures, _: Counter[str]) -> str:
    rows = f.get("limits", [])
    def refused(row: dict[str, Any]) -> str:
        return ", ".join(f"{row[k]} answered {k.removeprefix('refused_')}" for k in row if k.startswith("refused_"))

    return "; ".join(f"{r['case']}: {r['sent']} sent, {refused(r)}" for r in rows)


def _lost_update(f: Figures, _: Counter[str]) -> str:
    rows = f.get("lost_update", [])
    return "; ".join(f"{r['writers']} concurrent PATCHes with one ETag: {r['succeeded']} succeeded, "
                     f"{r['refused_412']} got 412, lost updates {r['lost']}" for r in rows)


def _crash(f: Figures, _: Counter[str]) -> str:
    def killed_at(row: dict[str, Any]) -> str:
        done = row.get("rows_done_when_killed")
        return f"killed at {done} rows done" if done is not None else "killed mid-run (progress not readable)"

    parts = [f"{r.get('case', 'import')}: {r.get('rows_in_file', '?')} rows in the file, {killed_at(r)}, "
             f"partial rows {r.get('partial_rows', '?')}" for r in f.get("crash", [])]
    parts += [f"outbox worker SIGKILLed mid-delivery ({r.get('case', '')}): {r.get('events', '?')} events, delivered "
              f"{r.get('delivered', '?')}, seen twice by the receiver {r.get('seen_twice_by_receiver', '?')}"
              for r in f.get("outbox_kill", [])]
    return "; ".join(parts)


def _pg_fault(f: Figures, _: Counter[str]) -> str:
    return "; ".join(f"{r.get('case')}: {r.get('acknowledged', '?')} acknowledged writes, lost {r.get('lost', '?')},"
                     f" {r.get('outage_seconds', '?')} s outage, answers in it {r.get('answers_during_outage', {})},"
                     f" other {r.get('other', '?')}, tracebacks {r.get('tracebacks_in_server_log', '?')}"
                     for r in f.get("pg_fault", []))


def _matrix(f: Figures, counts: Counter[str]) -> str:
    oracle = f.get("scope_oracle", [])
    cells = counts["passed"] + counts["failed"] + _sum(oracle, "cells")
    leaks = counts["failed"] + _sum(oracle, "leaks")
    return f"{cells} cells (role × route × object, collections, exports); leaks {leaks}"


def _tokens(_: Figures, counts: Counter[str]) -> str:
    return f"{counts['passed'] + counts['failed']} forged, expired, revoked or brute-force attempts; " \
           f"accepted {counts['failed']}"


def _dependencies(f: Figures) -> str:
    rows = f.get("dependencies", [])
    if not rows:
        return ""
    r = rows[-1]
    text = f"{r['audited']} of {r['packages']} packages audited, {len(r['vulnerable'])} with a known vulnerability"
    if r["audited"] == 0:
        text += f" — not audited: the vulnerability service did not answer ({r['error']})"
    return text


SUITES = [
    Suite("Route inventory (default deny)",
          "The app's routes, the OpenAPI paths and the permission table are one set; a route without a "
          "permission entry fails the build.", ("tests/scoping/test_route_policies.py",)),
    Suite("Object-level authorization matrix",
          "Every role × object route × object inside and outside scope (legacy district units and merged "
          "communes included): out of scope is 404 with no data, a refused write changes nothing, collections "
          "return exactly the visible set.",
          ("tests/scoping/test_authorization_matrix.py", "tests/scoping/test_outreach_matrix.py",
           "tests/scoping/test_reports_matrix.py", "tests/scoping/test_scope_rules.py",
           "tests/scoping/test_scope_oracle.py"), _matrix),
    Suite("Field exposure", "For every role × JSON route, the recursive key set is declared in the OpenAPI "
          "schema and within the role's allow-list from PRODUCT.md §1.",
          ("tests/scoping/test_field_exposure.py",), _field_exposure),
    Suite("Mass assignment", "Hypothesis adds another unit, author, version, status, role, id or timestamp "
          "to valid writes; the stored row keeps what the caller may not set.",
          ("tests/property/test_mass_assignment.py",), _mass_assignment),
    Suite("Tokens", "alg none, other algorithms, RS256→HS256 key confusion (PEM and DER), bad signature, "
          "expired, future nbf, missing or wrong claims, injected kid, refresh as access, oversized: 401; "
          "logout, password change, disable and scope change revoke at once; refresh reuse revokes the family; "
          "login lockout with identical answers for unknown and known usernames.",
          ("tests/api/auth/test_tokens.py",), _tokens),
    Suite("Schemathesis (whole OpenAPI document, every role)",
          "Generated requests with a fixed seed: no server error, no schema or status-code violation.",
          ("tests/fuzz",), _schemathesis),
    Suite("Bad input and limits", "Arbitrary bodies, filters and bytes never give a 500; oversize bodies "
          "413; rate limits 429 with Retry-After; webhooks to private addresses refused (SSRF).",
          ("tests/property/test_bad_input_never_500.py", "tests/api/test_rate_limits.py",
           "tests/api/test_body_limits.py", "tests/integration/test_partner_webhooks.py"), _limits),
    Suite("HTTP headers", "CSP with frame-ancestors, nosniff, Referrer-Policy, no-store on personal data, "
          "HSTS behind TLS, CORS allow-list, a 500 without detail, /api/docs switchable, logs without secrets.",
          ("tests/api/test_http_hardening.py",)),
    Suite("No lost update", "Concurrent PATCHes with one ETag on PostgreSQL: one wins, the rest get 412; "
          "no If-Match gives 428.", ("tests/integration/test_lost_updates.py",), _lost_update),
    Suite("Crash safety", "Imports killed (an exception at a random row, SIGKILL of the process) leave no "
          "partial rows; the outbox worker killed mid-delivery delivers every event, seen once by the receiver.",
          ("tests/api/imports/test_jobs_and_failures.py", "tests/api/imports/test_abandoned_jobs.py",
           "tests/integration/test_import_kill.py", "tests/integration/test_outbox_worker_kill.py",
           "tests/integration/test_outbox_workers.py"), _crash),
    Suite("PostgreSQL faults", "Restart and immediate stop under write load: 503 during the outage, recovery "
          "without a restart, no acknowledged write lost.",
          ("tests/integration/test_postgres_faults.py", "tests/integration/test_database_unavailable.py"), _pg_fault),
    Suite("Audit", "Sensitive reads, exports, disclosures and refusals are audited; audit rows are append-only; "
          "the hash chain verifies.", ("tests/api/audit",)),
    Suite("Backup and restore", "SQLite backup API and pg_dump/pg_restore round trips leave every table "
          "identical and the audit chain verifying.", ("tests/cli/test_backup.py",)),
]


def outcomes(junit: Path) -> dict[str, Counter[str]]:
    """Outcome counts by test file, from pytest's JUnit XML."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for case in ElementTree.parse(junit).iter("testcase"):  # noqa: S314 (pytest's own file, just written)
        module = case.get("classname", "")
        parts = module.split(".")
        for end in range(len(parts), 0, -1):
            candidate = "/".join(parts[:end]) + ".py"
            if (ROOT / candidate).is_file():
                break
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed"
            elif child.tag == "skipped":
                outcome = "skipped"
        counts[candidate][outcome] += 1
    return counts


def load_figures(path: Path) -> Figures:
    figures: Figures = defaultdict(list)
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            figures[row.pop("suite")].append(row)
    return figures


def route_figures() -> str:
    sys.path.insert(0, str(ROOT / "backend"))
    from donghanh.api import route_inventory
    from donghanh.config import Settings
    from donghanh.main import create_app

    app = create_app(Settings(database_url="sqlite+aiosqlite:///:memory:", serve_spa=False))
    paths = app.openapi()["paths"]
    operations = sum(len(item) for item in paths.values())
    return f"{len(route_inventory())} API operations, {operations} documented in OpenAPI"


def render(results: dict[str, Counter[str]], figures: Figures, context: dict[str, str]) -> str:
    lines = [
        "# Security and reliability proof",
        "",
        f"Generated by `make security-report` on {context['date']} from commit `{context['commit']}`, "
        f"database {context['database']}, Python {context['python']}. Do not edit by hand: run the command.",
        "",
        "Each suite runs in CI as part of `make test`; this document is its last measured run. The checklists are "
        "the OWASP API Security Top 10 (2023) and OWASP ASVS 5.0 level 2.",
        "",
        "| suite | tests passed | failed | skipped | figure |",
        "|---|---:|---:|---:|---|",
    ]
    details = []
    for suite in SUITES:
        total: Counter[str] = Counter()
        for test_file, counts in results.items():
            if any(test_file == t or test_file.startswith(t.rstrip("/") + "/") for t in suite.tests):
                total.update(counts)
        figure = suite.figure(figures, total) or ("—" if total else "not run")
        if suite.name.startswith("Route inventory"):
            figure = context["routes"]
        lines.append(f"| {suite.name} | {total['passed']} | {total['failed']} | {total['skipped']} | {figure} |")
        details += [f"### {suite.name}", "", suite.proves, "",
                    "Tests: " + ", ".join(f"`{t}`" for t in suite.tests), ""]
    lines += ["", f"Dependencies (pip-audit): {_dependencies(figures) or 'not run'}.", "", "## What each suite proves",
              ""] + details
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "SECURITY.md")
    parser.add_argument("--work", type=Path, default=ROOT / "var" / "security")
    parser.add_argument("--render-only", action="store_true", help="re-render from the last run's files")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    figures_file, junit = args.work / "figures.jsonl", args.work / "junit.xml"
    if args.render_only:
        context = json.loads((args.work / "context.json").read_text())
        args.out.write_text(render(outcomes(junit), load_figures(figures_file), context), encoding="utf-8")
        return 0
    figures_file.unlink(missing_ok=True)
    tests = sorted({t for suite in SUITES for t in suite.tests if (ROOT / t).exists()})
    env = os.environ | {"DONGHANH_SECURITY_FIGURES": str(figures_file)}
    suites = subprocess.run([sys.executable, "-m", "pytest", *tests, f"--junitxml={junit}", "-q"], cwd=ROOT, env=env)
    audit_file = args.work / "dependencies.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "audit_dependencies.py"), "--json", str(audit_file)],
                   cwd=ROOT)
    with figures_file.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"suite": "dependencies"} | json.loads(audit_file.read_text())) + "\n")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    database = os.environ.get("TEST_DATABASE_URL", "")
    context = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit.stdout.strip() or "unknown",
        "database": "PostgreSQL" if database.startswith("postgresql") else "SQLite",
        "python": platform.python_version(), "routes": route_figures(),
    }
    (args.work / "context.json").write_text(json.dumps(context))
    args.out.write_text(render(outcomes(junit), load_figures(figures_file), context), encoding="utf-8")
    print(f"wrote {args.out}")
    return suites.returncode


if __name__ == "__main__":
    sys.exit(main())
