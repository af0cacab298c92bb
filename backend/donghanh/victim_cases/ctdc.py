"""Anonymised release in the Counter Trafficking Data Collaborative (CTDC) global data standard, made
k-anonymous by global recoding (coarser age, rare countries and years grouped) and, last, suppression."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

AGE_BANDS = [(8, "0--8"), (17, "9--17"), (20, "18--20"), (23, "21--23"), (26, "24--26"), (29, "27--29"),
             (38, "30--38"), (47, "39--47")]
EXPLOIT_FLAGS = {"forced_labour": "isForcedLabour", "sexual": "isSexualExploit", "forced_marriage": "isForcedMarriage",
                 "organ_removal": "isOrganRemoval"}
EXPLOIT_NAMES = {"forced_labour": "Forced labour", "sexual": "Sexual exploitation",
                 "forced_marriage": "Forced marriage", "organ_removal": "Organ removal", "surrogacy": "Other",
                 "other": "Other", "unknown": "Unknown"}
GENDER = {"female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown"}
# The columns an attacker could link to other sources: k-anonymity holds over all of them together.
QUASI_IDENTIFIERS = ("gender", "ageBroad", "majorityStatus", "citizenship", "yearOfRegistration",
                     "CountryOfExploitation", "typeOfExploitConcatenated")
COLUMNS = ("yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus", "citizenship",
           "CountryOfExploitation", "typeOfExploitConcatenated", *EXPLOIT_FLAGS.values(), "isOtherExploit")


def _age_band(age: int | None) -> str:
    if age is None:
        return "Unknown"
    for upper, label in AGE_BANDS:
        if age <= upper:
            return label
    return "48+"


def to_record(row: Any) -> dict[str, Any]:
    registered: date = row.identified_on or row.reported_on
    age = registered.year - row.birth_year if row.birth_year else None
    record = {
        "yearOfRegistration": str(registered.year), "Datasource": "Case Management",
        "gender": GENDER.get(row.sex, "Unknown"), "ageBroad": _age_band(age),
        "majorityStatus": "Unknown" if age is None else ("Minor" if age < 18 else "Adult"),
        "citizenship": row.citizenship or "Unknown", "CountryOfExploitation": row.exploitation_country or "Unknown",
        "typeOfExploitConcatenated": EXPLOIT_NAMES.get(row.exploitation, "Other"),
    }
    for key, flag in EXPLOIT_FLAGS.items():
        record[flag] = int(row.exploitation == key)
    record["isOtherExploit"] = int(row.exploitation in ("surrogacy", "other"))
    return record


def _key(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(record[c] for c in QUASI_IDENTIFIERS)


def _group_rare(column: str, k: int, other: str) -> Callable[[list[dict[str, Any]]], None]:
    def step(records: list[dict[str, Any]]) -> None:
        counts = Counter(r[column] for r in records)
        for r in records:
            if counts[r[column]] < k:
                r[column] = other
    return step


def _drop_age_bands(records: list[dict[str, Any]]) -> None:
    for r in records:
        r["ageBroad"] = "Unknown"


def _year_periods(records: list[dict[str, Any]]) -> None:
    for r in records:
        if r["yearOfRegistration"].isdigit():
            start = int(r["yearOfRegistration"]) // 5 * 5
            r["yearOfRegistration"] = f"{start}--{start + 4}"


LADDER: list[tuple[str, Callable[..., Any]]] = [
    ("rare countries of exploitation grouped as 'Other'", lambda k: _group_rare("CountryOfExploitation", k, "Other")),
    ("rare citizenships grouped as 'Other'", lambda k: _group_rare("citizenship", k, "Other")),
    ("age bands replaced by adult/minor", lambda k: _drop_age_bands),
    ("years grouped into five-year periods", lambda k: _year_periods),
]


@dataclass
class Release:
    k: int
    records: list[dict[str, Any]]
    suppressed: int
    generalisations: list[str] = field(default_factory=list)


def anonymise(rows: list[Any], k: int) -> Release:
    records = [to_record(r) for r in rows]
    applied: list[str] = []
    for description, make_step in LADDER:
        counts = Counter(_key(r) for r in records)
        if all(n >= k for n in counts.values()):
            break
        make_step(k)(records)
        applied.append(description)
    counts = Counter(_key(r) for r in records)
    released = [r for r in records if counts[_key(r)] >= k]
    return Release(k=k, records=released, suppressed=len(records) - len(released), generalisations=applied)
