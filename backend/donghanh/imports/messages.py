"""Import messages in Vietnamese (default) and English, chosen by the caller's Accept-Language.

Errors raised by the domains' services and by Pydantic are in English; the common ones are translated here
so a Vietnamese office reads every row error in Vietnamese."""
from __future__ import annotations

import re
from typing import Any, Literal

Language = Literal["vi", "en"]

CATALOG: dict[str, tuple[str, str]] = {
    "required": ("Bắt buộc phải có giá trị.", "A value is required."),
    "not_a_date": ("“{value}” không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd).",
                   "“{value}” is not a date (dd/mm/yyyy or yyyy-mm-dd)."),
    "not_a_number": ("“{value}” không phải là số nguyên.", "“{value}” is not a whole number."),
    "not_money": ("“{value}” không phải là số tiền (đồng), ví dụ 1.500.000.",
                  "“{value}” is not an amount in VND, e.g. 1.500.000."),
    "not_a_bool": ("“{value}” không phải là có/không.", "“{value}” is not yes/no."),
    "not_in_list": ("“{value}” không có trong danh mục; chọn một trong: {choices}.",
                    "“{value}” is not in the list; choose one of: {choices}."),
    "repeated_value": ("“{value}” được ghi hai lần.", "“{value}” is listed twice."),
    "too_long": ("Quá dài: tối đa {max} ký tự.", "Too long: at most {max} characters."),
    "unit_unknown": ("Không tìm thấy đơn vị hành chính “{value}” trong phạm vi của bạn.",
                     "No administrative unit “{value}” in your area."),
    "unit_ambiguous": ("“{value}” trùng tên nhiều đơn vị; ghi mã đơn vị: {candidates}.",
                       "“{value}” names several units; give the unit's code: {candidates}."),
    "ref_unknown": ("Không tìm thấy {what} “{value}” mà bạn được xem.", "No {what} “{value}” that you can see."),
    "ref_ambiguous": ("“{value}” trùng với nhiều {what}: {candidates}.",
                      "“{value}” matches several {what}: {candidates}."),
    "unknown_column": ("Cột không xác định “{value}”: đổi tên theo mẫu hoặc xóa cột.",
                       "Unknown column “{value}”: rename it as in the template or remove it."),
    "duplicate_column": ("Cột “{value}” xuất hiện hai lần.", "Column “{value}” appears twice."),
    "missing_column": ("Thiếu cột bắt buộc “{value}”.", "The required column “{value}” is missing."),
    "empty_file": ("Tệp không có dòng dữ liệu nào.", "The file has no data rows."),
    "external_id_repeated": ("Mã tham chiếu “{value}” đã có ở dòng {row}.",
                             "external_id “{value}” already appears at row {row}."),
    "external_id_ambiguous": ("Mã tham chiếu “{value}” trùng với nhiều bản ghi trong phạm vi của bạn; ghi rõ đơn vị.",
                              "external_id “{value}” matches several records in your area; give the unit."),
    "external_id_taken": ("Mã tham chiếu đã được dùng cho một bản ghi khác (có thể ngoài phạm vi bạn được xem).",
                          "This external_id is already used by another record (possibly one you cannot see)."),
    "not_a_system_id": ("“{value}” không phải là mã hệ thống (xuất từ Đồng Hành).",
                        "“{value}” is not a system id (as Đồng Hành exports it)."),
    "record_unknown": ("Không có bản ghi với mã hệ thống “{value}” mà bạn được xem.",
                       "No record with system id “{value}” that you can see."),
    "cannot_change": ("Không thể thay đổi cột này của bản ghi đã có bằng cách nhập tệp (đang là “{value}”).",
                      "This column of an existing record cannot be changed by import (it is “{value}”)."),
    "status_not_importable": ("Chỉ nhập được trạng thái nháp hoặc đã gửi; kết quả do đơn vị tiếp nhận ghi.",
                              "Only draft or sent can be imported; the provider records the outcome."),
    "internal": ("Lỗi hệ thống khi xử lý dòng này; không có gì được ghi.",
                 "An internal error occurred on this row; nothing was written."),
    "nul_character": ("Ô chứa ký tự NUL (\\u0000), không được phép.", "The cell holds a NUL character (\\u0000)."),
    "not_a_file": ("Tệp phải là CSV (UTF-8) hoặc XLSX.", "The file must be CSV (UTF-8) or XLSX."),
    "not_utf8": ("Tệp CSV phải được lưu bằng mã UTF-8 (Excel: “CSV UTF-8”).",
                 "The CSV file must be saved as UTF-8 (Excel: “CSV UTF-8”)."),
}

_PYDANTIC: dict[str, tuple[str, str]] = {
    "missing": CATALOG["required"],
    "string_too_short": ("Quá ngắn: cần ít nhất {min_length} ký tự.", "Too short: at least {min_length} characters."),
    "string_too_long": ("Quá dài: tối đa {max_length} ký tự.", "Too long: at most {max_length} characters."),
    "string_pattern_mismatch": ("Sai định dạng.", "Invalid format."),
    "greater_than_equal": ("Phải lớn hơn hoặc bằng {ge}.", "Must be at least {ge}."),
    "greater_than": ("Phải lớn hơn {gt}.", "Must be greater than {gt}."),
    "less_than_equal": ("Phải nhỏ hơn hoặc bằng {le}.", "Must be at most {le}."),
    "too_long": ("Quá nhiều giá trị: tối đa {max_length}.", "Too many values: at most {max_length}."),
}

# English messages of the domains' services and validators → Vietnamese (regex, with named groups).
_SERVICE: list[tuple[re.Pattern[str], str]] = [(re.compile(p), vi) for p, vi in [
    (r"must not be in the future", "Không được là ngày trong tương lai."),
    (r"^No administrative unit with this id\.$", "Không có đơn vị hành chính này trong phạm vi của bạn."),
    (r"^(?P<name>.+) was dissolved on (?P<d>[\d-]+); choose a unit in force on (?P<on>[\d-]+)\.$",
     "{name} đã giải thể từ {d}; chọn đơn vị còn hiệu lực ngày {on}."),
    (r"^(?P<name>.+) only exists from (?P<d>[\d-]+)\.$", "{name} chỉ tồn tại từ {d}."),
    (r"^No (?P<what>establishment|client|peer group|activity|contact|plan|organisation|user) with this id\.$",
     "Không tìm thấy bản ghi được tham chiếu."),
    (r"^No client with this code in your area\.$", "Không có người với mã này trong địa bàn của bạn."),
    (r"^The establishment is in (?P<a>.+), outside (?P<b>.+)\.$", "Cơ sở thuộc {a}, ngoài {b}."),
    (r"establishment_id: a contact at an establishment names the establishment",
     "Tiếp cận tại cơ sở phải ghi tên cơ sở."),
    (r"latitude and longitude go together", "Vĩ độ và kinh độ phải đi cùng nhau."),
    (r"ends_on must not be before starts_on", "Ngày kết thúc không được trước ngày bắt đầu."),
    (r"left_on must not be before joined_on", "Ngày rời nhóm không được trước ngày tham gia."),
    (r"participants_female cannot exceed participants_total", "Số nữ tham gia không được vượt tổng số."),
    (r"list each value once", "Mỗi giá trị chỉ ghi một lần."),
    (r"recording identity needs consent_data_processing_on",
     "Ghi thông tin nhận dạng cần có ngày đồng ý xử lý dữ liệu; nếu chưa đồng ý, chỉ ghi mã."),
    (r"^This person may already be registered",
     "Người này có thể đã được đăng ký ({codes}); ghi “có” ở cột “Vẫn tạo mới” để đăng ký người mới."),
    (r"already has this external_id|^already used$", CATALOG["external_id_taken"][0]),
    (r"^Another establishment already has this external_id\.$", CATALOG["external_id_taken"][0]),
    (r"^(?P<org>.+) is not active\.$", "{org} không còn hoạt động."),
    (r"^(?P<org>.+) does not list (?P<s>\S+) among its services\.$", "{org} không cung cấp dịch vụ này."),
    (r"^The group already has a (?P<r>\w+)",
     "Nhóm đã có người giữ vai trò này; ghi ngày rời nhóm của người cũ trước."),
    (r"^The line has (?P<left>[\d.]+) VND left",
     "Dòng dự toán chỉ còn {left} đồng; ghi lý do vượt dự toán để vẫn ghi."),
    (r"^The plan covers (?P<y>\d+)\.$", "Kế hoạch thuộc năm {y}."),
    (r"^The plan is approved", "Kế hoạch đã được phê duyệt: ghi lý do điều chỉnh."),
    (r"^This person is protected as a \(possible\) victim",
     "Người này được bảo vệ (nạn nhân hoặc đang xác minh) và chưa đồng ý chia sẻ: ghi căn cứ pháp lý và lý do."),
    (r"^The referral is (?P<s>\w+); it can no longer be edited\.$", "Giới thiệu đã kết thúc; không sửa được nữa."),
    (r"^Your role \((?P<r>\w+)\) may not do this", "Vai trò của bạn không được làm việc này."),
    (r"^Contacts are recorded by people", "Chỉ người dùng mới ghi được tiếp cận."),
    (r"^Your role may not record identities\.$", "Vai trò của bạn không được ghi thông tin nhận dạng."),
]]


def pick_language(accept_language: str | None) -> Language:
    """The first of vi/en in the caller's Accept-Language preference order; Vietnamese by default."""
    if not accept_language:
        return "vi"
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("en"):
            return "en"
        if tag.startswith("vi"):
            return "vi"
    return "vi"


def say(language: Language, key: str, **params: Any) -> str:
    vi, en = CATALOG[key]
    return (vi if language == "vi" else en).format(**params)


def from_pydantic(language: Language, error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in _PYDANTIC:
        vi, en = _PYDANTIC[kind]
        try:
            return (vi if language == "vi" else en).format(**ctx)
        except (KeyError, IndexError):
            pass
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return translate(language, message)


def translate(language: Language, message: str, **extra: Any) -> str:
    """A domain service's English message in the caller's language (English as is)."""
    if language == "en":
        return message
    for pattern, vi in _SERVICE:
        match = pattern.search(message)
        if match:
            try:
                return vi.format(**(match.groupdict() | extra))
            except (KeyError, IndexError):
                return vi.split(" (")[0].rstrip(".") + "."
    return message
