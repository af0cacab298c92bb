"""Load Vietnam's administrative units: the current two-level units from the `vietnam-provinces`
package and the legacy three-level units (closed 2025-06-30) from the file derived from its 0.6.0
release (see scripts/extract_legacy_units.py). Ids are uuid5 of the path, so every installation
agrees on them; re-running inserts only what is missing."""
from __future__ import annotations

import gzip
import json
import uuid
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.text import fold
from donghanh.org_units.models import Level, OrgUnit

REFORM_DAY = date(2025, 7, 1)
LEGACY_VALID_TO = date(2025, 6, 30)
_NAMESPACE = uuid.UUID("5b0d7e7c-3f5e-4a8e-9a57-2d1d4b6c0a11")


def unit_id(path: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, path)


def _row(path: str, code: str, name: str, level: Level, division_type: str | None, parent: str | None,
         valid_from: date | None, valid_to: date | None, successor: str | None) -> dict[str, Any]:
    name = " ".join(name.split())  # the source has a few names with doubled spaces
    return {
        "id": unit_id(path), "code": code, "name": name, "level": level.value, "division_type": division_type,
        "parent_id": unit_id(parent) if parent else None, "valid_from": valid_from, "valid_to": valid_to,
        "successor_id": unit_id(successor) if successor else None, "path": path, "name_search": fold(name),
    }


def current_units() -> Iterator[dict[str, Any]]:
    import vietnam_provinces

    data = json.loads(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    for province in data:
        p_code = f"{province['code']:02d}"
        p_path = f"/p{p_code}/"
        yield _row(p_path, p_code, province["name"], Level.province, province["division_type"], None,
                   REFORM_DAY, None, None)
        for ward in province["wards"]:
            w_code = f"{ward['code']:05d}"
            yield _row(f"{p_path}w{w_code}/", w_code, ward["name"], Level.commune, ward["division_type"], p_path,
                       REFORM_DAY, None, None)


def legacy_units() -> Iterator[dict[str, Any]]:
    blob = resources.files("donghanh.org_units").joinpath("data/legacy_units.json.gz").read_bytes()
    data = json.loads(gzip.decompress(blob))
    valid_to = date.fromisoformat(data.get("valid_to", LEGACY_VALID_TO.isoformat()))
    current_province = {}
    for province in data["provinces"]:
        if province.get("successor_code"):
            current_province[province["code"]] = f"/p{province['successor_code']}/"
    for province in data["provinces"]:
        p_path = f"/lp{province['code']}/"
        yield _row(p_path, province["code"], province["name"], Level.province, province.get("division_type"),
                   None, None, valid_to, current_province.get(province["code"]))
        for district in province["districts"]:
            d_path = f"{p_path}ld{district['code']}/"
            succ = district.get("successor_province_code")
            yield _row(d_path, district["code"], district["name"], Level.district, district.get("division_type"),
                       p_path, None, valid_to, f"/p{succ}/" if succ else None)
            for ward in district["wards"]:
                succ_ward = ward.get("successor_code")
                succ_path = None
                if succ_ward and ward.get("successor_province_code", province.get("successor_code")):
                    succ_prov = ward.get("successor_province_code") or province.get("successor_code")
                    succ_path = f"/p{succ_prov}/w{succ_ward}/"
                yield _row(f"{d_path}lw{ward['code']}/", ward["code"], ward["name"], Level.commune,
                           ward.get("division_type"), d_path, None, valid_to, succ_path)


async def seed_org_units(session: AsyncSession, *, include_legacy: bool = True, batch: int = 2000) -> int:
    existing = set((await session.execute(select(OrgUnit.path))).scalars().all())
    current = [r for r in current_units() if r["path"] not in existing]
    known_ids = {unit_id(p) for p in existing} | {r["id"] for r in current}
    rows = current
    if include_legacy:
        for row in legacy_units():
            if row["path"] in existing:
                continue
            # A successor the current data does not hold (source mismatch) is dropped, not invented.
            if row["successor_id"] is not None and row["successor_id"] not in known_ids:
                row["successor_id"] = None
            rows.append(row)
    # Parents before children, so foreign keys hold at every insert.
    rows.sort(key=lambda r: r["path"].count("/"))
    for start in range(0, len(rows), batch):
        await session.execute(insert(OrgUnit), rows[start : start + batch])
    return len(rows)

