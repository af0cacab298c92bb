"""Vietnamese-aware text folding for searches that ignore diacritics and case."""
from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """'ĐÀ NẴNG', 'Đà Nẵng' and 'da nang' all fold to 'da nang'."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
