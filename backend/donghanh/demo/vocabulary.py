"""Vietnamese vocabulary for the deterministic demo-data generator.

Pure Python, no imports from the rest of the package.  Every function takes a
``random.Random`` so the same seed always gives the same output.  All strings
are NFC with the modern tone placement used by the GSO unit names ("Hòa",
"Thủy", "Khoa").

Public API:
    person_name(rng, sex) -> "Nguyễn Thị Thu Hà"
    establishment_name(rng, establishment_type) -> "Karaoke Hoa Sữa"
    address(rng, ward_name, province_name) -> "Số 12, đường Lê Lợi, Phường Ba Đình, Thành phố Hà Nội"
    street_address(rng, ward_name=None, province_name=None) -> "Số 12, đường Lê Lợi" (the part before the ward)
"""

from __future__ import annotations

import random
from collections.abc import Sequence

# --------------------------------------------------------------------------- names

# Family names with relative weights tuned so that draws give the usual shares
# (Nguyễn ≈ 38-40 %, Trần ≈ 11-12 %, Lê ≈ 10 %, Phạm ≈ 7-8 %).  Hoàng/Huỳnh
# and Vũ/Võ are the same names in northern and southern pronunciation; both
# spellings are common and listed separately.
FAMILY_NAMES: list[tuple[str, float]] = [
    ("Nguyễn", 35.5),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.1),
    ("Hoàng", 2.8),
    ("Huỳnh", 2.3),
    ("Phan", 4.5),
    ("Vũ", 2.2),
    ("Võ", 1.7),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đào", 0.4),
    ("Đoàn", 0.4),
    ("Đinh", 0.4),
    ("Trương", 0.4),
    ("Trịnh", 0.3),
    ("Lương", 0.3),
    ("Mai", 0.3),
    ("Lâm", 0.3),
    ("Phùng", 0.2),
    ("Hà", 0.2),
    ("Tô", 0.2),
    ("Cao", 0.2),
    ("Lưu", 0.2),
    ("Tạ", 0.15),
    ("Chu", 0.15),
    ("Vương", 0.15),
    ("Thái", 0.1),
    ("Châu", 0.1),
    ("Quách", 0.1),
    ("Kiều", 0.1),
    ("Triệu", 0.1),
    ("Lại", 0.1),
    ("Tăng", 0.05),
    ("La", 0.05),
]

# Middle names (tên đệm).  "Văn" and "Thị" dominate among adults.
MIDDLE_NAMES: dict[str, list[tuple[str, float]]] = {
    "male": [
        ("Văn", 34.0),
        ("Hữu", 6.0),
        ("Đức", 6.0),
        ("Minh", 7.0),
        ("Quốc", 4.0),
        ("Thanh", 4.0),
        ("Công", 4.0),
        ("Ngọc", 3.0),
        ("Xuân", 3.0),
        ("Đình", 4.0),
        ("Quang", 4.0),
        ("Trọng", 3.0),
        ("Anh", 2.0),
        ("Tuấn", 2.0),
        ("Duy", 2.0),
        ("Gia", 2.0),
        ("Hoàng", 2.0),
        ("Thành", 2.0),
        ("Bảo", 2.0),
        ("Tiến", 1.5),
        ("Mạnh", 1.5),
        ("Hải", 1.0),
        ("Trung", 1.0),
        ("Nhật", 1.0),
        ("Khắc", 1.0),
    ],
    "female": [
        ("Thị", 45.0),
        ("Ngọc", 7.0),
        ("Thu", 5.0),
        ("Thanh", 5.0),
        ("Minh", 3.0),
        ("Hồng", 4.0),
        ("Kim", 3.0),
        ("Phương", 3.0),
        ("Mỹ", 3.0),
        ("Bích", 2.0),
        ("Thúy", 2.0),
        ("Hoài", 1.5),
        ("Khánh", 2.0),
        ("Diệu", 1.5),
        ("Bảo", 2.0),
        ("Quỳnh", 2.0),
        ("Thảo", 1.5),
        ("Hải", 1.5),
        ("Lan", 1.0),
        ("Tuyết", 1.0),
        ("Mai", 1.5),
        ("Như", 1.5),
        ("Hà", 1.0),
    ],
}

# Second middle names used after "Thị" (Nguyễn Thị Thu Hà, Trần Thị Ngọc Anh).
SECOND_MIDDLE_FEMALE: list[str] = [
    "Thu",
    "Ngọc",
    "Thanh",
    "Hồng",
    "Kim",
    "Minh",
    "Bích",
    "Mỹ",
    "Phương",
    "Thúy",
]

GIVEN_NAMES: dict[str, list[tuple[str, float]]] = {
    "male": [
        ("Anh", 4.0),
        ("Hùng", 4.0),
        ("Dũng", 4.0),
        ("Minh", 4.0),
        ("Tuấn", 4.0),
        ("Hưng", 3.0),
        ("Nam", 3.0),
        ("Long", 3.0),
        ("Quân", 2.5),
        ("Hải", 3.0),
        ("Sơn", 3.0),
        ("Thắng", 2.5),
        ("Cường", 2.5),
        ("Hiếu", 2.0),
        ("Phúc", 2.0),
        ("Khoa", 1.5),
        ("Trung", 2.0),
        ("Đạt", 2.0),
        ("Huy", 2.5),
        ("Tài", 1.5),
        ("Thịnh", 1.5),
        ("Toàn", 1.5),
        ("Vinh", 1.5),
        ("Bình", 2.0),
        ("Khánh", 1.5),
        ("Lộc", 1.5),
        ("Phong", 1.5),
        ("Tùng", 1.5),
        ("Việt", 1.5),
        ("Hoàng", 1.5),
        ("Kiên", 1.0),
        ("Lâm", 1.0),
        ("Nghĩa", 1.5),
        ("Quang", 1.5),
        ("Tâm", 1.0),
        ("Thành", 2.0),
        ("Thiện", 1.0),
        ("Trí", 1.0),
        ("Tú", 1.0),
        ("Bảo", 1.0),
        ("Duy", 1.0),
        ("Đức", 1.5),
        ("Hào", 0.8),
        ("Hiển", 0.8),
        ("Khang", 1.0),
        ("Luân", 0.6),
        ("Nhân", 1.0),
        ("Sang", 1.0),
        ("Tín", 0.8),
        ("Vũ", 1.0),
        ("Thông", 0.8),
        ("Lực", 0.6),
        ("Chiến", 1.0),
        ("Thanh", 1.0),
    ],
    "female": [
        ("Anh", 4.0),
        ("Hương", 4.0),
        ("Lan", 3.5),
        ("Linh", 4.0),
        ("Mai", 3.5),
        ("Ngọc", 2.0),
        ("Trang", 4.0),
        ("Thảo", 3.5),
        ("Hà", 3.0),
        ("Hằng", 3.0),
        ("Hạnh", 2.5),
        ("Hoa", 3.0),
        ("Huyền", 3.0),
        ("Loan", 2.0),
        ("Ly", 2.0),
        ("My", 2.0),
        ("Nga", 2.5),
        ("Nhung", 2.0),
        ("Oanh", 1.5),
        ("Phương", 2.5),
        ("Quyên", 1.5),
        ("Quỳnh", 2.0),
        ("Tâm", 1.5),
        ("Thu", 1.5),
        ("Thủy", 3.0),
        ("Trâm", 1.5),
        ("Tuyết", 1.5),
        ("Uyên", 1.5),
        ("Vân", 2.0),
        ("Vy", 2.0),
        ("Yến", 2.0),
        ("Nhi", 2.0),
        ("Ngân", 2.0),
        ("Giang", 2.0),
        ("Diệp", 0.8),
        ("Dung", 2.0),
        ("Hiền", 2.0),
        ("Hồng", 1.5),
        ("Khánh", 1.0),
        ("Liên", 1.5),
        ("Nhàn", 1.0),
        ("Thơ", 1.0),
        ("Trinh", 1.5),
        ("Xuân", 1.5),
        ("Châu", 1.0),
        ("Duyên", 1.5),
        ("Hậu", 1.0),
        ("Kiều", 1.0),
        ("Diễm", 1.0),
        ("Thúy", 1.5),
        ("Tiên", 1.0),
        ("Chi", 1.5),
        ("Hân", 1.0),
    ],
}

_SEX_ALIASES = {
    "male": "male",
    "m": "male",
    "nam": "male",
    "man": "male",
    "female": "female",
    "f": "female",
    "nữ": "female",
    "nu": "female",
    "woman": "female",
}


def _weighted(rng: random.Random, items: Sequence[tuple[str, float]]) -> str:
    return rng.choices([v for v, _ in items], weights=[w for _, w in items], k=1)[0]


def normalize_sex(rng: random.Random, sex: str | None) -> str:
    """ "male"/"female" from common spellings; unknown or None draws one at random."""
    key = (sex or "").strip().lower()
    if key in _SEX_ALIASES:
        return _SEX_ALIASES[key]
    return rng.choice(["male", "female"])


def person_name(rng: random.Random, sex: str | None = None) -> str:
    """A full name, family name first: "Nguyễn Văn Hùng", "Trần Thị Thu Hà"."""
    sex = normalize_sex(rng, sex)
    family = _weighted(rng, FAMILY_NAMES)
    middle = _weighted(rng, MIDDLE_NAMES[sex])
    given = _weighted(rng, GIVEN_NAMES[sex])
    while given == middle:
        given = _weighted(rng, GIVEN_NAMES[sex])
    parts = [family, middle]
    if sex == "female" and middle == "Thị" and rng.random() < 0.25:
        second = rng.choice(SECOND_MIDDLE_FEMALE)
        if second != given:
            parts.append(second)
    parts.append(given)
    return " ".join(parts)


# --------------------------------------------------------------------------- establishments

ESTABLISHMENT_TYPES: tuple[str, ...] = (
    "karaoke",
    "massage_sauna",
    "bar_club",
    "hotel_guesthouse",
    "restaurant",
    "cafe",
    "beauty_spa",
    "other",
)

# Vietnamese name stems typical of small businesses.
VIETNAMESE_STEMS: list[str] = [
    "Hoa Sữa",
    "Thiên Đường",
    "Sao Mai",
    "Bình An",
    "Hoàng Gia",
    "Phương Nam",
    "Ánh Dương",
    "Hồng Hà",
    "Thanh Xuân",
    "Kim Long",
    "Phú Quý",
    "Hải Âu",
    "Tuổi Hồng",
    "Mặt Trời",
    "Hoa Hồng",
    "Ngọc Lan",
    "Hương Sen",
    "Bốn Mùa",
    "Trăng Vàng",
    "Biển Xanh",
    "Lan Anh",
    "Minh Châu",
    "Thành Đạt",
    "Phát Lộc",
    "Hoa Mai",
    "Hoa Đào",
    "Sông Hàn",
    "Sen Vàng",
    "Ngọc Trai",
    "Hải Đăng",
    "Mây Trắng",
    "Phố Núi",
    "Cỏ May",
    "Phượng Hồng",
    "Thủy Tiên",
    "Bảo Ngọc",
    "Vạn Xuân",
    "An Khang",
    "Kim Cương",
    "Hạnh Phúc",
    "Tình Xanh",
    "Đồng Xanh",
    "Hoàng Long",
    "Thiên Thanh",
    "Như Ý",
    "Hương Quê",
    "Tâm An",
    "Gió Biển",
    "Thảo Nguyên",
    "Hoa Ban",
    "Hồng Nhung",
    "Mimosa",
    "Hoàng Anh",
    "Nắng Mới",
    "Hoa Lài",
    "Ngân Hà",
]
# Foreign-sounding stems used by bars, clubs, hotels and cafés.
FOREIGN_STEMS: list[str] = [
    "Sky",
    "Luxury",
    "Diamond",
    "Galaxy",
    "Paradise",
    "Star",
    "Queen",
    "King",
    "Moonlight",
    "Skyline",
    "Red Rose",
    "Oasis",
    "Platinum",
    "VIP",
    "Sunset",
    "Sunrise",
    "Ocean",
    "Royal",
    "Golden",
    "Lotus",
    "Saigon Night",
    "Hanoi Night",
    "Seven",
    "Zen",
    "Memory",
    "Happy",
    "Angel",
    "Venus",
    "New World",
    "Legend",
]

# (template, weight).  {vn} = Vietnamese stem, {en} = foreign stem, {n} = branch number,
# {given} = a female given name (family businesses are often named after the owner or a daughter).
ESTABLISHMENT_PATTERNS: dict[str, list[tuple[str, float]]] = {
    "karaoke": [
        ("Karaoke {vn}", 6.0),
        ("Karaoke {vn} {n}", 2.0),
        ("Karaoke {en}", 2.0),
        ("Karaoke {given}", 1.0),
        ("Karaoke Gia đình {vn}", 1.0),
    ],
    "massage_sauna": [
        ("Massage {vn}", 5.0),
        ("Massage {en}", 1.5),
        ("Xông hơi - Massage {vn}", 2.0),
        ("Massage chân {vn}", 1.5),
        ("Massage body {en}", 1.0),
        ("Sauna {vn}", 1.0),
    ],
    "bar_club": [
        ("Quán bar {en}", 4.0),
        ("{en} Club", 2.5),
        ("{en} Lounge", 1.5),
        ("Bar {en}", 2.0),
        ("{en} Pub", 1.0),
        ("Beer Club {en}", 1.5),
        ("Vũ trường {en}", 0.5),
    ],
    "hotel_guesthouse": [
        ("Khách sạn {vn}", 4.0),
        ("Nhà nghỉ {vn}", 5.0),
        ("Nhà nghỉ {vn} {n}", 1.5),
        ("Nhà nghỉ {given}", 1.0),
        ("{en} Hotel", 1.5),
        ("Khách sạn {en}", 1.0),
        ("Homestay {vn}", 1.0),
        ("Motel {vn}", 0.5),
    ],
    "restaurant": [
        ("Nhà hàng {vn}", 4.0),
        ("Quán nhậu {vn}", 2.5),
        ("Lẩu nướng {vn}", 1.5),
        ("Bia hơi {vn}", 1.5),
        ("Nhà hàng hải sản {vn}", 1.5),
        ("Quán ăn {given}", 1.0),
        ("Bia tươi {en}", 1.0),
        ("Nhà hàng tiệc cưới {vn}", 0.5),
    ],
    "cafe": [
        ("Cà phê {vn}", 4.0),
        ("Cafe {en}", 2.0),
        ("Cà phê võng {vn}", 1.0),
        ("{en} Coffee", 1.5),
        ("Cà phê sân vườn {vn}", 1.0),
        ("Cà phê {given}", 1.0),
    ],
    "beauty_spa": [
        ("Spa {vn}", 4.0),
        ("{en} Spa", 1.5),
        ("Thẩm mỹ viện {vn}", 1.5),
        ("Beauty Spa {en}", 1.0),
        ("Tiệm nail {given}", 1.5),
        ("Salon tóc {given}", 1.5),
        ("Gội đầu dưỡng sinh {vn}", 1.0),
    ],
    "other": [
        ("Tiệm cầm đồ {vn}", 1.5),
        ("Cửa hàng tạp hóa {given}", 2.0),
        ("Tiệm net {en}", 1.0),
        ("Quán game {en}", 1.0),
        ("Cơ sở may mặc {vn}", 1.0),
        ("Xưởng gỗ {vn}", 0.5),
        ("Công ty TNHH {vn}", 1.5),
        ("Cơ sở xoa bóp {vn}", 0.5),
    ],
}


def establishment_name(rng: random.Random, establishment_type: str) -> str:
    """A plausible business name for one of ESTABLISHMENT_TYPES; unknown types use "other"."""
    patterns = ESTABLISHMENT_PATTERNS.get(establishment_type, ESTABLISHMENT_PATTERNS["other"])
    template = _weighted(rng, patterns)
    values = {
        "vn": rng.choice(VIETNAMESE_STEMS),
        "en": rng.choice(FOREIGN_STEMS),
        "n": str(rng.randint(2, 5)),
        "given": _weighted(rng, GIVEN_NAMES["female"]),
    }
    return template.format(**values)


# --------------------------------------------------------------------------- addresses

STREET_NAMES: list[str] = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Lý Thường Kiệt",
    "Quang Trung",
    "Nguyễn Huệ",
    "Lê Duẩn",
    "Phan Đình Phùng",
    "Nguyễn Du",
    "Hùng Vương",
    "Trần Phú",
    "Điện Biên Phủ",
    "Nguyễn Văn Cừ",
    "Lê Lai",
    "Nguyễn Thị Minh Khai",
    "Võ Thị Sáu",
    "Phan Bội Châu",
    "Phan Chu Trinh",
    "Lê Hồng Phong",
    "Nguyễn Tất Thành",
    "Lạc Long Quân",
    "Âu Cơ",
    "Ngô Quyền",
    "Đinh Tiên Hoàng",
    "Lý Thái Tổ",
    "Lê Thánh Tông",
    "Trần Quang Khải",
    "Nguyễn Đình Chiểu",
    "Hoàng Văn Thụ",
    "Cách Mạng Tháng Tám",
    "30 Tháng 4",
    "3 Tháng 2",
    "Bà Triệu",
    "Tôn Đức Thắng",
    "Nguyễn Chí Thanh",
    "Võ Nguyên Giáp",
    "Phạm Văn Đồng",
    "Chu Văn An",
    "Yết Kiêu",
    "Nguyễn Khuyến",
    "Tô Hiến Thành",
    "Hàm Nghi",
    "Lê Quý Đôn",
    "Nguyễn Công Trứ",
    "Nguyễn Thái Học",
    "Trường Chinh",
    "Kim Đồng",
    "Nguyễn Văn Linh",
    "Lê Văn Sỹ",
    "Bạch Đằng",
    "Hoàng Diệu",
    "Trần Nhân Tông",
    "Lê Thánh Tôn",
    "Nguyễn Bỉnh Khiêm",
    "Trần Quốc Toản",
    "Phạm Ngũ Lão",
    "Lý Tự Trọng",
    "Nguyễn Văn Trỗi",
    "Hoàng Hoa Thám",
    "Nguyễn Lương Bằng",
    "Huỳnh Thúc Kháng",
    "Trần Bình Trọng",
    "Lê Văn Lương",
    "Mạc Đĩnh Chi",
    "Cao Thắng",
]

# Hamlet-level names for rural communes: the north and centre say "thôn" (mountain
# provinces "bản"), the south "ấp".
HAMLET_STEMS: list[str] = [
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thượng",
    "Hạ",
    "Tân Lập",
    "Tân Hòa",
    "Phú An",
    "Bình Minh",
    "Hòa Bình",
    "Thống Nhất",
    "Đoàn Kết",
    "Quyết Tiến",
    "Thành Công",
    "Tiến Thành",
    "An Phú",
    "Mỹ Lợi",
]
_SOUTHERN_PROVINCE_KEYS = (
    "Hồ Chí Minh",
    "Đồng Nai",
    "Tây Ninh",
    "Đồng Tháp",
    "Vĩnh Long",
    "An Giang",
    "Cần Thơ",
    "Cà Mau",
    # legacy (pre-2025) provinces of the south
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Kiên Giang",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Bình Dương",
    "Bình Phước",
    "Bà Rịa",
)
_MOUNTAIN_PROVINCE_KEYS = ("Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình", "Hoà Bình")


def _province_label(province_name: str) -> str:
    """2025 data names most provinces without their prefix ("Cao Bằng"): add "Tỉnh"."""
    name = " ".join(province_name.split())
    if name.lower().startswith(("tỉnh ", "thành phố ")):
        return name
    return f"Tỉnh {name}"


def _house_number(rng: random.Random) -> str:
    n = rng.randint(1, 350)
    roll = rng.random()
    if roll < 0.12:
        return f"Số {n}{rng.choice('ABC')}"
    if roll < 0.22:
        return f"Số {n}/{rng.randint(1, 60)}"
    return f"Số {n}"


def street_address(rng: random.Random, ward_name: str | None = None, province_name: str | None = None) -> str:
    """The part of an address before the ward: "Số 12, đường Lê Lợi" or "Thôn Đông"."""
    ward = " ".join((ward_name or "").split())
    province = province_name or ""
    if ward.lower().startswith(("xã ", "đặc khu ")) and rng.random() < 0.6:
        if any(k in province for k in _SOUTHERN_PROVINCE_KEYS):
            return f"Ấp {rng.choice(HAMLET_STEMS + [str(i) for i in range(1, 9)])}"
        if any(k in province for k in _MOUNTAIN_PROVINCE_KEYS):
            return f"Bản {rng.choice(HAMLET_STEMS)}"
        return f"Thôn {rng.choice(HAMLET_STEMS)}"
    street = rng.choice(STREET_NAMES)
    house = _house_number(rng)
    if rng.random() < 0.15:
        lane = "hẻm" if any(k in province for k in _SOUTHERN_PROVINCE_KEYS) else "ngõ"
        return f"{house}, {lane} {rng.randint(2, 200)}, đường {street}"
    return f"{house}, đường {street}"


def address(rng: random.Random, ward_name: str, province_name: str) -> str:
    """ "Số 12, đường Lê Lợi, Phường Ba Đình, Thành phố Hà Nội" (names as in the unit data)."""
    ward = " ".join(ward_name.split())
    return f"{street_address(rng, ward, province_name)}, {ward}, {_province_label(province_name)}"


__all__ = [
    "ESTABLISHMENT_PATTERNS",
    "ESTABLISHMENT_TYPES",
    "FAMILY_NAMES",
    "FOREIGN_STEMS",
    "GIVEN_NAMES",
    "MIDDLE_NAMES",
    "STREET_NAMES",
    "VIETNAMESE_STEMS",
    "address",
    "establishment_name",
    "normalize_sex",
    "person_name",
    "street_address",
]


if __name__ == "__main__":
    import unicodedata

    def _all_strings() -> list[str]:
        out = [n for n, _ in FAMILY_NAMES] + SECOND_MIDDLE_FEMALE + STREET_NAMES + HAMLET_STEMS
        out += VIETNAMESE_STEMS + FOREIGN_STEMS
        for table in (MIDDLE_NAMES, GIVEN_NAMES):
            for items in table.values():
                out += [n for n, _ in items]
        for items in ESTABLISHMENT_PATTERNS.values():
            out += [t for t, _ in items]
        return out

    bad = [s for s in _all_strings() if unicodedata.normalize("NFC", s) != s]
    assert not bad, f"non-NFC strings: {bad}"
    assert set(ESTABLISHMENT_PATTERNS) == set(ESTABLISHMENT_TYPES)

    # Determinism: the same seed gives the same sequence.
    def _sample(seed: int) -> list[str]:
        r = random.Random(seed)
        return [
            person_name(r, "female"),
            establishment_name(r, "karaoke"),
            address(r, "Xã Tân An", "Tây Ninh"),
        ]

    assert _sample(7) == _sample(7)

    rng = random.Random(2025)
    print("Names:")
    for sex in ("male", "female", "male", "female", None, "nữ"):
        print("  ", sex, "->", person_name(rng, sex))
    print("Establishments:")
    for etype in ESTABLISHMENT_TYPES:
        print("  ", etype, "->", ", ".join(establishment_name(rng, etype) for _ in range(3)))
    print("Addresses:")
    for ward, prov in [
        ("Phường Ba Đình", "Thành phố Hà Nội"),
        ("Phường Bến Thành", "Thành phố Hồ Chí Minh"),
        ("Xã Lũng Cú", "Tuyên Quang"),
        ("Xã Mường Chà", "Điện Biên"),
        ("Xã Tân An", "Tây Ninh"),
        ("Phường Hội An", "Thành phố Đà Nẵng"),
    ]:
        print("  ", address(rng, ward, prov))
    counts: dict[str, int] = {}
    r = random.Random(1)
    for _ in range(10000):
        fam = person_name(r, None).split()[0]
        counts[fam] = counts.get(fam, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:6]
    print("Family-name frequencies in 10000 draws:", ", ".join(f"{k} {v / 100:.1f}%" for k, v in top))
