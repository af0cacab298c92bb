"""What a cell of an office's spreadsheet may hold, turned into typed values: Vietnamese dates, VND amounts
written "1.500.000", yes/no in Vietnamese, and code-list values given by code or by label."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from donghanh.core.text import fold
from donghanh.imports.labels import LABELS


class CellError(Exception):
    """A cell that cannot be read; `key` names a message of messages.CATALOG."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


_EXCEL_EPOCH = date(1899, 12, 30)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$")
_CURRENCY = re.compile(r"(?i)\s*(vnđ|vnd|đồng|dong|đ|₫)\s*$")
_GROUPED = re.compile(r"^\d{1,3}(?:(?P<sep>[.,  ])\d{3})(?:(?P=sep)\d{3})*$")
_TRUE = {"co", "x", "yes", "y", "true", "1", "dung", "da ky", "roi"}
_FALSE = {"khong", "no", "n", "false", "0", "sai", "chua"}


def text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    result = str(value).strip()
    return result or None


def phone(value: Any) -> str | None:
    """A number Excel stored as a number has lost its leading 0: 912345678 is 0912345678."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        return "0" + digits if len(digits) == 9 else digits
    return text(value)


def id_number(value: Any) -> str | None:
    """A 12-digit citizen id typed as a number loses its leading 0 (079… becomes 79…)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        digits = str(int(value))
        return digits.zfill(12) if len(digits) == 11 else digits
    return text(value)


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return _EXCEL_EPOCH + timedelta(days=int(value))  # an Excel serial date in an unformatted cell
    raw = str(value).strip()
    try:
        if match := _DMY.match(raw):
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        if match := _ISO.match(raw):
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    except ValueError:
        pass
    raise CellError("not_a_date", value=raw)


def as_int(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError("not_a_number", value=value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError("not_a_number", value=value)
    raw = str(value).strip()
    if re.fullmatch(r"[+-]?\d+", raw):
        return int(raw)
    if _GROUPED.match(raw):
        return int(re.sub(r"\D", "", raw))
    raise CellError("not_a_number", value=raw)


def as_money(value: Any) -> int:
    """Integer VND: 1500000, "1.500.000", "1,500,000", "1 500 000 đ" — never a fraction of a đồng."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise CellError("not_money", value=value)
        return int(value)
    raw = _CURRENCY.sub("", str(value).strip())
    raw = re.sub(r"[.,]0{1,2}$", "", raw) if re.search(r"\d[.,]0{1,2}$", raw) and not _GROUPED.match(raw) else raw
    if re.fullmatch(r"\d+", raw):
        return int(raw)
    if _GROUPED.match(raw):
        return int(re.sub(r"\D", "", raw))
    raise CellError("not_money", value=str(value).strip())


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    folded = fold(str(value))
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise CellError("not_a_bool", value=str(value).strip())


def _choices(enum: str) -> dict[str, str]:
    """Folded code / Vietnamese label / English label → code."""
    found: dict[str, str] = {}
    for code, (vi, en) in LABELS[enum].items():
        for name in (code, code.replace("_", " "), vi, en):
            found.setdefault(fold(name), code)
    return found


_CHOICES = {enum: _choices(enum) for enum in LABELS}


def as_code(value: Any, enum: str) -> str:
    raw = str(value).strip()
    code = _CHOICES[enum].get(fold(raw))
    if code is None:
        choices = ", ".join(vi for vi, _ in LABELS[enum].values())
        raise CellError("not_in_list", value=raw, choices=choices)
    return code


def as_codes(value: Any, enum: str) -> list[str]:
    """Several values in one cell, separated by ; | or a new line (or commas, where a label has none)."""
    codes: list[str] = []
    for part in re.split(r"[;|\n]", str(value)):
        pieces = [p.strip() for p in part.split(",")]
        start = 0
        while start < len(pieces):
            if not pieces[start]:
                start += 1
                continue
            for end in range(len(pieces), start, -1):
                code = _CHOICES[enum].get(fold(", ".join(pieces[start:end])))
                if code is not None:
                    break
            else:
                as_code(pieces[start], enum)  # raises, naming the piece
                raise AssertionError  # pragma: no cover
            if code in codes:
                raise CellError("repeated_value", value=pieces[start])
            codes.append(code)
            start = end
    return codes


def labels(enum: str, language: str = "vi") -> dict[str, str]:
    """Every code of a vocabulary with its label: what `label` gives, for writing many cells."""
    return {code: vi if language == "vi" else en for code, (vi, en) in LABELS[enum].items()}


def label(enum: str, code: str | None, language: str = "vi") -> str | None:
    if code is None:
        return None
    labels = LABELS[enum].get(str(code))
    if labels is None:
        return str(code)
    return labels[0] if language == "vi" else labels[1]
