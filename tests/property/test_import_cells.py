"""Whatever way an office writes an amount or a date, it reads back as the same value — and what cannot be
read is a named error, never a wrong number."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from donghanh.imports.cells import CellError, as_codes, as_date, as_money
from donghanh.imports.labels import LABELS

amounts = st.integers(min_value=0, max_value=10**13)


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(amounts, st.sampled_from([".", ",", " "]), st.sampled_from(["", " đ", "đ", " VND", " ₫", " đồng"]))
def test_vnd_amounts_read_back(n: int, sep: str, suffix: str) -> None:
    assert as_money(_grouped(n, sep) + suffix) == n
    assert as_money(str(n)) == n
    assert as_money(float(n)) == n


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_read_back_in_every_common_form(day: date) -> None:
    assert as_date(day.strftime("%d/%m/%Y")) == day
    assert as_date(f"{day.day}/{day.month}/{day.year}") == day
    assert as_date(day.isoformat()) == day
    assert as_date(day.strftime("%d-%m-%Y")) == day


@given(st.text(max_size=20))
def test_anything_else_is_an_error_or_a_whole_amount(text: str) -> None:
    try:
        value = as_money(text)
    except CellError as exc:
        assert exc.key == "not_money"
    else:
        assert isinstance(value, int) and value >= 0


@given(st.lists(st.sampled_from(sorted(LABELS["topic"])), min_size=1, max_size=7, unique=True),
       st.sampled_from(["; ", ";", "\n", " | "]), st.booleans())
def test_code_lists_by_code_or_label(codes: list[str], sep: str, by_label: bool) -> None:
    written = [LABELS["topic"][c][0] if by_label else c for c in codes]
    assert as_codes(sep.join(written), "topic") == codes
