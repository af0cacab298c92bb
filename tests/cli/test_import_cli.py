"""`donghanh import` as an office's script runs it: a progress bar with rows/s, upsert by external_id, exit
codes that say whether anything was written."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.imports.files import contact_rows, csv_bytes
from tests.cli.test_cli import _run


@pytest.fixture(scope="module")
def office_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("import-cli") / "office.db"
    assert _run(db, "migrate").returncode == 0
    created = _run(db, "create-user", "--username", "canbo.badinh", "--password", "một mật khẩu dài",
                   "--role", "case_worker", "--org-unit", "00004", "--full-name", "Cán bộ Ba Đình")
    assert created.returncode == 0, created.stdout + created.stderr
    return db


def test_import_twice_then_a_dry_run_with_errors(office_db: Path, tmp_path: Path) -> None:
    data = tmp_path / "tiep-can.csv"
    data.write_bytes(csv_bytes(contact_rows(12), delimiter=";"))
    first = _run(office_db, "import", "contacts", str(data), "--as", "canbo.badinh")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "rows 12: created 12, updated 0, unchanged 0, errors 0" in first.stdout
    assert "rows/s" in first.stdout and "imported" in first.stdout

    again = _run(office_db, "import", "contacts", str(data), "--as", "canbo.badinh")
    assert "rows 12: created 0, updated 0, unchanged 12, errors 0" in again.stdout

    broken = contact_rows(3)
    broken[2][3] = "Quán nhậu"
    data.write_bytes(csv_bytes(broken))
    checked = _run(office_db, "import", "contacts", str(data), "--as", "canbo.badinh", "--dry-run",
                   "--language", "en")
    assert checked.returncode == 1
    assert "errors 1" in checked.stdout and "is not in the list" in checked.stdout
    assert "dry run: nothing written" in checked.stdout


def test_unknown_user_and_resource_are_clear(office_db: Path, tmp_path: Path) -> None:
    data = tmp_path / "x.csv"
    data.write_bytes(csv_bytes(contact_rows(1)))
    nobody = _run(office_db, "import", "contacts", str(data), "--as", "khongco")
    assert nobody.returncode == 2 and "no user 'khongco'" in (nobody.stdout + nobody.stderr)
    unknown = _run(office_db, "import", "victims", str(data), "--as", "canbo.badinh")
    assert unknown.returncode == 2 and "Nothing to import as 'victims'" in unknown.stdout
