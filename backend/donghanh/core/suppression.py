"""Small-cell suppression for aggregate-only readers: a count from 1 to k-1 is shown as "<k", and when a
breakdown would let a hidden cell be recovered from its total, the next smallest cell is hidden too."""
from __future__ import annotations

Cell = int | str


def hide(value: int, k: int) -> Cell:
    return f"<{k}" if 0 < value < k else value


def suppress_breakdown(cells: dict[str, int], k: int) -> dict[str, Cell]:
    out: dict[str, Cell] = {name: hide(value, k) for name, value in cells.items()}
    hidden = [name for name, value in out.items() if isinstance(value, str)]
    if len(hidden) == 1:
        # Complementary suppression: total − visible cells would reveal the one hidden cell.
        visible = sorted((value, name) for name, value in cells.items() if name not in hidden and value > 0)
        if visible:
            out[visible[0][1]] = f"<{k}" if visible[0][0] < k else "suppressed"
    return out
