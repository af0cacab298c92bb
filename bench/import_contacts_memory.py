"""Peak memory of `donghanh import contacts` on a large CSV (default 200,000 rows), on a scratch SQLite database.

    .venv/bin/python bench/import_contacts_memory.py [--rows 200000] [--keep DIR]

Creates the database (migrate + a case worker in Phường Ba Đình), writes the CSV, runs the CLI in a child
process and reports its peak resident set size (getrusage RUSAGE_CHILDREN, i.e. the child's own ru_maxrss)
and the rows/s the CLI printed. Not a timed assertion: a measurement to read (and to keep under 300 MB)."""
from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ["Quyền lao động", "Bảo hiểm xã hội", "Sức khỏe, HIV/STI", "Bạo lực giới", "Nguy cơ mua bán người"]
NEEDS = ["Khám sức khỏe", "Xét nghiệm HIV/STI", "Tư vấn pháp lý", "Đào tạo nghề", "Vay vốn"]
PLACES = ["Cộng đồng", "Điểm nóng", "Trực tuyến", "Văn phòng"]


def write_csv(path: Path, rows: int, unit: str = "Phường Ba Đình") -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Mã tham chiếu", "Ngày tiếp cận", "Đơn vị hành chính", "Địa điểm", "Lần đầu tiếp cận",
                         "Chủ đề", "Nhu cầu", "Tờ rơi (số lượng)", "Bao cao su (số lượng)", "Ghi chú"])
        for i in range(rows):
            writer.writerow([
                f"TC-{i:07d}", f"{i % 28 + 1:02d}/{i % 9 + 1:02d}/2026", unit, PLACES[i % 4],
                "có" if i % 3 == 0 else "không", f"{TOPICS[i % 5]}; {TOPICS[(i + 2) % 5]}", NEEDS[i % 5],
                str(i % 20), str(i % 7), f"Gặp chị em lần {i}, trao đổi về quyền lợi và dịch vụ hỗ trợ",
            ])


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "donghanh.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="donghanh-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.db"
    db.unlink(missing_ok=True)
    env = os.environ | {"DONGHANH_DATABASE_URL": f"sqlite+aiosqlite:///{db}", "COLUMNS": "120"}
    env.pop("TEST_DATABASE_URL", None)
    for step in (["migrate"], ["create-user", "--username", "canbo.bench", "--password", "mật khẩu thật dài",
                              "--role", "case_worker", "--org-unit", "00004", "--full-name", "Cán bộ đo tải"]):
        done = run(env, *step)
        if done.returncode != 0:
            print(done.stdout, done.stderr)
            return 1
    data = work / "contacts.csv"
    write_csv(data, args.rows)
    print(f"{args.rows} rows, {data.stat().st_size / 1e6:.1f} MB CSV")
    done, summary, peak_mb, elapsed = import_contacts(env, data, "canbo.bench")
    print(summary)
    print(f"exit {done.returncode}; wall {elapsed:.0f} s; peak RSS of the import process {peak_mb:.0f} MB")
    match = re.search(r"\(([\d.]+) s, ([\d,]+) rows/s\)", summary)
    if match:
        print(f"rows/s (engine): {match.group(2)}")
    if done.returncode != 0:
        print(done.stderr[-2000:])
    return 0 if done.returncode == 0 and peak_mb < 300 else 1


def import_contacts(env: dict[str, str], data: Path, user: str) -> tuple[subprocess.CompletedProcess[str], str,
                                                                          float, float]:
    """`donghanh import contacts DATA --as USER` in a child process: (the process, its summary line, its peak
    RSS in MB, wall seconds)."""
    started = time.monotonic()
    # A fresh intermediate process whose only child is the import, so RUSAGE_CHILDREN is the import's alone.
    measure = ("import resource, subprocess, sys; "
               "done = subprocess.run([sys.executable, '-m', 'donghanh.cli', *sys.argv[1:]]); "
               "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
    done = subprocess.run([sys.executable, "-c", measure, "import", "contacts", str(data), "--as", user],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    found = re.search(r"PEAK_KB (\d+)", done.stdout)
    peak_mb = int(found.group(1)) / 1024 if found else float("nan")  # ru_maxrss is in kB on Linux
    summary = next((line for line in done.stdout.splitlines() if line.startswith("rows ")), done.stdout[-500:])
    return done, summary, peak_mb, elapsed


if __name__ == "__main__":
    sys.exit(main())
