#!/usr/bin/env python3
"""Extract Vietnam's LEGACY (pre-2025-07-01) administrative units and link them
to the CURRENT (post-reform) units, as far as the published data allows.

Output: backend/donghanh/org_units/data/legacy_units.json.gz (gzip, compact
JSON, deterministic).  Standard library only; pip is used through a subprocess.

Sources
  * legacy, 3 levels (63 provinces / 696 districts / 10051 wards):
    PyPI ``vietnam-provinces==0.6.0`` (GSO data of 2025-01-04), read from the
    wheel with ``zipfile`` -- it cannot be installed next to the 2025 package,
    which has the same distribution name.
  * current, 2 levels (34 provinces / 3321 wards): the installed
    ``vietnam_provinces`` (2025.x); if it is not importable (or is an old
    0.x version) ``vietnam-provinces==2025.10.1`` is pip-downloaded too.

Successor rules (all derived from codes, nothing is hand-edited)
  * ward: the current ward carrying the SAME GSO code (in the 2025 reform a new
    commune-level unit kept the code of one of the units merged into it).
    Legacy wards whose code was not kept get ``successor_code: null``; their
    ``successor_province_code`` is still given.
  * district: the current province holding most of the same-code successors of
    its wards (a district has no single successor commune; ``successor_level``
    is "province").  Districts without wards (island districts) fall back to
    their province's successor; if that province has a "Đặc khu" of the same
    name it is recorded as ``successor_special_zone_code``.
  * province: the current province holding most of the same-code successors of
    its wards ("majority_of_wards"); reported as "same_code" when a current
    province with the same code exists and agrees.
  The province result is checked against the merger list of Resolution
  202/2025/QH15 (embedded below, used ONLY as a check); any disagreement
  aborts the run unless --allow-mismatch is given.

Usage:  python scripts/extract_legacy_units.py [--legacy-wheel X.whl]
            [--current-json nested-divisions.json] [--out PATH] [--allow-mismatch]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

LEGACY_VERSION = "0.6.0"
CURRENT_FALLBACK_VERSION = "2025.10.1"
VALID_TO = "2025-06-30"

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "backend" / "donghanh" / "org_units" / "data" / "legacy_units.json.gz"

# Resolution 202/2025/QH15 (12 June 2025, effective 1 July 2025): current
# province code -> legacy province codes merged into it.  Used only to CHECK
# the derived province successors, never to set them.
OFFICIAL_MERGERS = {
    "01": ["01"],  # Hà Nội (unchanged)
    "04": ["04"],  # Cao Bằng
    "08": ["02", "08"],  # Tuyên Quang <- Hà Giang + Tuyên Quang
    "11": ["11"],  # Điện Biên
    "12": ["12"],  # Lai Châu
    "14": ["14"],  # Sơn La
    "15": ["10", "15"],  # Lào Cai <- Lào Cai + Yên Bái
    "19": ["06", "19"],  # Thái Nguyên <- Bắc Kạn + Thái Nguyên
    "20": ["20"],  # Lạng Sơn
    "22": ["22"],  # Quảng Ninh
    "24": ["24", "27"],  # Bắc Ninh <- Bắc Giang + Bắc Ninh
    "25": ["17", "25", "26"],  # Phú Thọ <- Hòa Bình + Phú Thọ + Vĩnh Phúc
    "31": ["30", "31"],  # Hải Phòng <- Hải Dương + Hải Phòng
    "33": ["33", "34"],  # Hưng Yên <- Hưng Yên + Thái Bình
    "37": ["35", "36", "37"],  # Ninh Bình <- Hà Nam + Nam Định + Ninh Bình
    "38": ["38"],  # Thanh Hóa
    "40": ["40"],  # Nghệ An
    "42": ["42"],  # Hà Tĩnh
    "44": ["44", "45"],  # Quảng Trị <- Quảng Bình + Quảng Trị
    "46": ["46"],  # Huế
    "48": ["48", "49"],  # Đà Nẵng <- Đà Nẵng + Quảng Nam
    "51": ["51", "62"],  # Quảng Ngãi <- Quảng Ngãi + Kon Tum
    "52": ["52", "64"],  # Gia Lai <- Bình Định + Gia Lai
    "56": ["56", "58"],  # Khánh Hòa <- Khánh Hòa + Ninh Thuận
    "66": ["54", "66"],  # Đắk Lắk <- Phú Yên + Đắk Lắk
    "68": ["60", "67", "68"],  # Lâm Đồng <- Bình Thuận + Đắk Nông + Lâm Đồng
    "75": ["70", "75"],  # Đồng Nai <- Bình Phước + Đồng Nai
    "79": ["74", "77", "79"],  # TP HCM <- Bình Dương + BR-VT + TP HCM
    "80": ["72", "80"],  # Tây Ninh <- Tây Ninh + Long An
    "82": ["82", "87"],  # Đồng Tháp <- Tiền Giang + Đồng Tháp
    "86": ["83", "84", "86"],  # Vĩnh Long <- Bến Tre + Trà Vinh + Vĩnh Long
    "91": ["89", "91"],  # An Giang <- An Giang + Kiên Giang
    "92": ["92", "93", "94"],  # Cần Thơ <- Cần Thơ + Hậu Giang + Sóc Trăng
    "96": ["95", "96"],  # Cà Mau <- Bạc Liêu + Cà Mau
}

# Name prefix -> division_type.  0.6.0's division_type fields are unreliable
# (every ward "xã", every district "huyện", every province "tỉnh").
PROVINCE_PREFIXES = [("thành phố ", "thành phố trung ương"), ("tỉnh ", "tỉnh")]
DISTRICT_PREFIXES = [
    ("quận ", "quận"),
    ("huyện ", "huyện"),
    ("thị xã ", "thị xã"),
    ("thành phố ", "thành phố"),
]
WARD_PREFIXES = [("phường ", "phường"), ("xã ", "xã"), ("thị trấn ", "thị trấn")]
CURRENT_PREFIXES = ["phường ", "xã ", "đặc khu ", "thị trấn "]


def log(msg: str) -> None:
    print(msg, file=sys.stderr)


def clean_name(name: str) -> str:
    """Collapse whitespace and fix the capitalisation of the "Thành Phố" prefix."""
    name = " ".join(name.split())
    if name.startswith("Thành Phố "):
        name = "Thành phố " + name[len("Thành Phố ") :]
    return name


def type_from_name(name: str, prefixes: list[tuple[str, str]], level: str) -> str:
    low = name.lower()
    for prefix, dtype in prefixes:
        if low.startswith(prefix):
            return dtype
    raise SystemExit(f"cannot derive {level} division_type from name {name!r}")


def core_name(name: str) -> str:
    low = " ".join(name.split()).lower()
    for prefix in CURRENT_PREFIXES + [p for p, _ in DISTRICT_PREFIXES]:
        if low.startswith(prefix):
            return low[len(prefix) :]
    return low


def pip_download(spec: str, dest: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", spec, "-d", str(dest)]
    log("+ " + " ".join(cmd))
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    wheels = sorted(dest.glob("vietnam_provinces-*.whl"))
    version = spec.split("==", 1)[1]
    wheels = [w for w in wheels if w.name.startswith(f"vietnam_provinces-{version}-")]
    if not wheels:
        raise SystemExit(f"pip did not produce a wheel for {spec} in {dest}")
    return wheels[0]


def read_wheel(wheel: Path) -> tuple[list, str, str]:
    """Return (nested divisions, package version, data version) from a wheel."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        data_name = next(n for n in names if n.endswith("vietnam_provinces/data/nested-divisions.json"))
        data = json.loads(zf.read(data_name).decode("utf-8"))
        init = zf.read(next(n for n in names if n.endswith("vietnam_provinces/__init__.py"))).decode("utf-8")
    return data, _attr(init, "__version__"), _attr(init, "__data_version__")


def _attr(source: str, attr: str) -> str:
    m = re.search(rf"^{attr}\s*=\s*['\"]([^'\"]+)['\"]", source, re.MULTILINE)
    return m.group(1) if m else "unknown"


def load_current(tmp: Path, current_json: str | None) -> tuple[list, str, str]:
    if current_json:
        return json.loads(Path(current_json).read_text("utf-8")), "unknown", "unknown"
    try:
        import vietnam_provinces as vp  # type: ignore[import-not-found]

        version = getattr(vp, "__version__", "unknown")
        if version.startswith("0."):
            raise ImportError(f"installed vietnam_provinces is the legacy {version}")
        data = json.loads(Path(vp.NESTED_DIVISIONS_JSON_PATH).read_text("utf-8"))
        return data, version, getattr(vp, "__data_version__", "unknown")
    except ImportError as exc:
        log(f"current data not importable ({exc}); downloading {CURRENT_FALLBACK_VERSION}")
        wheel = pip_download(f"vietnam-provinces=={CURRENT_FALLBACK_VERSION}", tmp / "current")
        return read_wheel(wheel)


def majority(counter: Counter) -> tuple[str | None, bool]:
    """Most common key (ties -> lowest code); second value tells if it was a tie."""
    if not counter:
        return None, False
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    tie = len(ranked) > 1 and ranked[0][1] == ranked[1][1]
    return ranked[0][0], tie


def build(legacy: list, current: list, legacy_meta: str, current_meta: str) -> tuple[dict, dict]:
    cur_provinces = {f"{p['code']:02d}": p for p in current}
    if any("districts" in p for p in current):
        raise SystemExit("current data has districts: wrong vietnam-provinces version")
    cur_ward_province: dict[str, str] = {}
    special_zones: dict[tuple[str, str], str] = {}
    for pcode, p in cur_provinces.items():
        for w in p["wards"]:
            wcode = f"{w['code']:05d}"
            cur_ward_province[wcode] = pcode
            if w["name"].lower().startswith("đặc khu"):
                special_zones[(pcode, core_name(w["name"]))] = wcode

    stats = Counter()
    notes: list[str] = []
    provinces_out = []
    for p in sorted(legacy, key=lambda x: x["code"]):
        pcode = f"{p['code']:02d}"
        pname = clean_name(p["name"])
        votes: Counter = Counter()
        districts = []
        for d in sorted(p["districts"], key=lambda x: x["code"]):
            dvotes: Counter = Counter()
            wards = []
            for w in sorted(d["wards"], key=lambda x: x["code"]):
                wcode = f"{w['code']:05d}"
                wname = clean_name(w["name"])
                succ = wcode if wcode in cur_ward_province else None
                if succ:
                    dvotes[cur_ward_province[succ]] += 1
                wards.append(
                    {
                        "code": wcode,
                        "name": wname,
                        "division_type": type_from_name(wname, WARD_PREFIXES, "ward"),
                        "successor_code": succ,
                        "successor_province_code": cur_ward_province[succ] if succ else None,
                    }
                )
            votes.update(dvotes)
            dname = clean_name(d["name"])
            dsucc, tie = majority(dvotes)
            if tie:
                notes.append(f"district {d['code']:03d} {dname}: tie {dict(dvotes)}")
            if len(dvotes) > 1:
                stats["districts_split_across_provinces"] += 1
                notes.append(
                    f"district {d['code']:03d} {dname}: successors in several provinces {dict(dvotes)}"
                )
            districts.append(
                {
                    "code": f"{d['code']:03d}",
                    "name": dname,
                    "division_type": type_from_name(dname, DISTRICT_PREFIXES, "district"),
                    "successor_level": "province",
                    "successor_province_code": dsucc,
                    "successor_method": "majority_of_wards" if dsucc else None,
                    "wards": wards,
                }
            )
        psucc, tie = majority(votes)
        if tie:
            notes.append(f"province {pcode} {pname}: tie {dict(votes)}")
        method = "majority_of_wards" if psucc else None
        if pcode in cur_provinces:
            if psucc == pcode:
                method = "same_code"
            elif psucc is None:
                psucc, method = pcode, "same_code"
            else:
                notes.append(f"province {pcode} {pname}: same-code province disagrees with majority {psucc}")
        # Fill in what the ward links could not give.
        for d in districts:
            if d["successor_province_code"] is None:
                d["successor_province_code"] = psucc
                d["successor_method"] = "province_fallback"
                stats["districts_province_fallback"] += 1
                zone = special_zones.get((psucc, core_name(d["name"])))
                if zone:
                    d["successor_special_zone_code"] = zone
                    stats["districts_linked_to_special_zone"] += 1
            for w in d["wards"]:
                if w["successor_province_code"] is None:
                    w["successor_province_code"] = d["successor_province_code"]
            d["wards"] = d.pop("wards")  # keep the ward list last in each district
        provinces_out.append(
            {
                "code": pcode,
                "name": pname,
                "division_type": type_from_name(pname, PROVINCE_PREFIXES, "province"),
                "successor_code": psucc,
                "successor_method": method,
                "districts": districts,
            }
        )

    # ---- statistics and the official-merger check ----
    n_wards = sum(len(d["wards"]) for p in provinces_out for d in p["districts"])
    linked = [w for p in provinces_out for d in p["districts"] for w in d["wards"] if w["successor_code"]]
    used_codes = {w["successor_code"] for w in linked}
    official = {old: new for new, olds in OFFICIAL_MERGERS.items() for old in olds}
    agree = [p["code"] for p in provinces_out if official.get(p["code"]) == p["successor_code"]]
    disagree = [
        f"{p['code']} {p['name']}: derived {p['successor_code']}, official {official.get(p['code'])}"
        for p in provinces_out
        if official.get(p["code"]) != p["successor_code"]
    ]
    same_name = sum(
        1
        for w in linked
        for cw in [_cur_ward_name(cur_provinces, cur_ward_province, w["successor_code"])]
        if core_name(cw) == core_name(w["name"])
    )
    summary = {
        "legacy_provinces": len(provinces_out),
        "legacy_districts": sum(len(p["districts"]) for p in provinces_out),
        "legacy_wards": n_wards,
        "legacy_wards_with_successor": len(linked),
        "legacy_wards_with_successor_pct": round(100 * len(linked) / n_wards, 1),
        "legacy_wards_successor_same_name": same_name,
        "current_provinces": len(cur_provinces),
        "current_wards": len(cur_ward_province),
        "current_wards_reached": len(used_codes),
        "current_wards_with_new_code": sorted(set(cur_ward_province) - used_codes),
        "provinces_agreeing_with_resolution_202_2025": len(agree),
        "provinces_same_code_method": sum(1 for p in provinces_out if p["successor_method"] == "same_code"),
        "districts_split_across_provinces": stats["districts_split_across_provinces"],
        "districts_province_fallback": stats["districts_province_fallback"],
        "districts_linked_to_special_zone": stats["districts_linked_to_special_zone"],
    }
    doc = {
        "source": legacy_meta,
        "current_source": current_meta,
        "successor_source": (
            "derived: ward -> current ward with the same GSO code (same_code; null when the code was not kept); "
            "district -> current province holding most of its wards' successors (majority_of_wards) or, for "
            "districts without wards, its province's successor (province_fallback); province -> current province "
            "holding most of its wards' successors (majority_of_wards; same_code when the same-code province "
            "agrees); checked against Resolution 202/2025/QH15"
        ),
        "valid_to": VALID_TO,
        "stats": {k: v for k, v in summary.items() if k != "current_wards_with_new_code"},
        "provinces": provinces_out,
    }
    summary["disagreements"] = disagree
    summary["notes"] = notes
    return doc, summary


def _cur_ward_name(cur_provinces: dict, cur_ward_province: dict, code: str) -> str:
    for w in cur_provinces[cur_ward_province[code]]["wards"]:
        if f"{w['code']:05d}" == code:
            return w["name"]
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--legacy-wheel", help=f"use this vietnam-provinces {LEGACY_VERSION} wheel instead of downloading"
    )
    ap.add_argument(
        "--current-json", help="use this current nested-divisions.json instead of the installed package"
    )
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument(
        "--allow-mismatch", action="store_true", help="write even if provinces disagree with 202/2025"
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="legacy-units-") as tmpdir:
        tmp = Path(tmpdir)
        wheel = (
            Path(args.legacy_wheel)
            if args.legacy_wheel
            else pip_download(f"vietnam-provinces=={LEGACY_VERSION}", tmp / "legacy")
        )
        legacy, lver, ldata = read_wheel(wheel)
        if lver != LEGACY_VERSION:
            raise SystemExit(f"legacy wheel is version {lver}, expected {LEGACY_VERSION}")
        current, cver, cdata = load_current(tmp, args.current_json)

    legacy_meta = f"vietnam-provinces {lver} (data of {ldata})"
    current_meta = f"vietnam-provinces {cver} (data of {cdata})"
    doc, summary = build(legacy, current, legacy_meta, current_meta)

    for line in summary.pop("notes"):
        log("note: " + line)
    disagree = summary.pop("disagreements")
    for line in disagree:
        log("MISMATCH: " + line)
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if disagree and not args.allow_mismatch:
        log(
            f"{len(disagree)} province(s) disagree with Resolution 202/2025/QH15; not writing (--allow-mismatch)"
        )
        return 1

    payload = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    log(f"wrote {out} ({out.stat().st_size} bytes gzip, {len(payload)} bytes JSON)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
