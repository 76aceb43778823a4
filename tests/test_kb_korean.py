"""Knowledge-base matching in Korean: boundaries of names, bodies of a country, everyday words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkcorpus.entities.gazetteer import Gazetteer, GazetteerEntry
from nkcorpus.entities.kb import entity_from_json
from nkcorpus.entities.kb_context import korean_place_span, starts_korean_part
from tests.test_kb import found

_KOREA_MFA = "korea-ministry-of-foreign-affairs"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an address is one span, also where the knowledge base knows its districts
        ("서울 강서구 화곡동의 한 주택", [("서울 강서구 화곡동", "seoul")]),
        ("부산시 사하구 하단동에 있는", [("부산시 사하구 하단동", "busan-kr")]),
        # a place that starts a name of up to three words is part of it
        ("미국 수사 당국 관계자는", []),
        ("일본 마이니치 신문에 따르면", []),
        ("서울 용산경찰서로부터 처분을", []),
        ("서울시당에 탈당계를", []),
        # ... but not past a word that only relates it to what follows
        ("블라디보스토크 주재 한국총영사관의", [("블라디보스토크", "vladivostok")]),
        ("마드리드 교외 알코콘 병원", [("마드리드", "madrid")]),
        # a country's army is not the country
        ("일본군에 발각되는", []),
        ("북한군은", []),
        # a body whose part the next word names is part of that name
        ("국회 개헌특위를 구성한 뒤", []),
        ("서울대 수의학과와 미국", [("미국", "united-states")]),
        ("국회 의원들이", [("국회", "national-assembly-korea")]),
        # Hanja written onto a word, or a particle after brackets, is not a name
        ("東아시아 담당", []),
        ("[새벽]이란 제목", []),
    ],
)
def test_korean_name_boundaries(kb: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    """Korean names get the span of the whole name and are not read out of longer names."""
    assert found(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare 외교부 needs a South Korean cue nearby
        ("외교부 대변인은 말했다", []),
        ("외교부는 한국 정부에 항의했다", [("외교부", _KOREA_MFA)]),
        ("강경화 외교부 장관은", [("강경화", "kang-kyung-wha"), ("외교부", _KOREA_MFA)]),
        # the country written right before it decides
        ("한국 외교부는 밝혔다", [("외교부", _KOREA_MFA)]),
        ("남조선 외교부", [("외교부", _KOREA_MFA)]),
        ("일본 외교부는 한국 정부에 항의했다", []),
        ("중국 외교부는 밝혔다", [("중국 외교부", "china-ministry-of-foreign-affairs")]),
        # so for every body the knowledge base gives a country
        ("러시아 국회는", []),
        ("국회에서", [("국회", "national-assembly-korea")]),
    ],
)
def test_a_body_belongs_to_the_country_written_before_it(
    kb: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    """외교부 links to the South Korean ministry only with a cue; another country's 외교부 is not it."""
    assert found(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("저런 놈이 바로", []),  # 놈 "fellow", not Nome
        ("회사를 살리겠다고 나선 만큼", []),  # 나선 "stepped up", not Rason
        ("특별한 개성도 없이", []),  # 개성 "individuality", not Kaesong
        ("만 이천 원이었으나", []),  # 이천 "two thousand"
        ("속도 경주를 할 수 있는", []),  # 경주 "race"
        ("방송을 홍보 수단으로 악용", []),  # 수단 "means", not Sudan
        ("래퍼 치타는", []),  # 치타 "cheetah", not Chita
        ("시미즈 다카시 감독", []),  # Takashi, not Dhaka
        ("말하는 이가 너희 중에", []),  # 이가, not 리가 (Riga)
        ("산티아고 베르나베우에서", []),  # the stadium, not Santiago de Chile
        ("선물을 보채는 크리스마스", []),  # Christmas, not Christmas Island
        ("북한 개성에서", [("북한", "north-korea"), ("개성", "kaesong")]),
        ("나선시에서", [("나선시", "rason")]),  # the unit suffix confirms it
        (
            "평양과 나선, 청진 등",
            [("평양", "pyongyang"), ("나선", "rason"), ("청진", "chongjin")],
        ),
    ],
)
def test_names_that_are_everyday_korean_words_need_a_cue(
    kb: Gazetteer, text: str, expected: list[tuple[str, str]]
) -> None:
    """A place name that is also an everyday Korean word is found only with a cue or its unit suffix."""
    assert found(kb, text) == expected


def test_place_span_and_part_rules_directly() -> None:
    """The context rules stop at the next name found and at a particle."""
    text = "미국 수사 당국"
    assert korean_place_span(text, 0, 2, country=True) is None
    # the next name found starts at 3: the words after it are not looked at
    assert korean_place_span(text, 0, 2, country=True, limit=3) == (0, 2)
    assert korean_place_span("미국은 수사 당국", 0, 2, country=True) == (0, 2)
    assert starts_korean_part("국회 상임위에서", 2)
    assert not starts_korean_part("국회 상임위에서", 2, limit=3)


def test_kb_country_field_reaches_the_matcher() -> None:
    """A knowledge-base entity's ``country`` is the matcher entry's country."""
    entity = entity_from_json(
        {
            "id": "x-ministry",
            "type": "organization",
            "aliases": {"ko": ["가상부"]},
            "country": "south-korea",
            "source": ["https://example.org"],
        },
        "test",
    )
    assert entity.to_entry().country == "south-korea"
    assert GazetteerEntry("y", "ORG").country == ""


_CITIES = [
    ("서울", "seoul", ["강서구", "송파구", "성북구", "서초구"]),
    ("부산시", "busan-kr", ["사하구"]),
]
_NEIGHBOURHOODS = ["", "화곡동", "하단동", "삼산동"]
_PARTICLES = ["", "에서", "의", "에"]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    city=st.sampled_from(_CITIES),
    district=st.integers(0, 3),
    neighbourhood=st.sampled_from(_NEIGHBOURHOODS),
    particle=st.sampled_from(_PARTICLES),
)
def test_an_address_is_one_span(
    kb: Gazetteer,
    city: tuple[str, str, list[str]],
    district: int,
    neighbourhood: str,
    particle: str,
) -> None:
    """A city, its district and neighbourhood one space apart are one place, without the particle."""
    name, entity_id, districts = city
    address = " ".join(w for w in (name, districts[district % len(districts)], neighbourhood) if w)
    assert found(kb, f"지난 2일 {address}{particle} 불이 났다") == [(address, entity_id)]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data())
def test_no_other_country_has_the_south_korean_foreign_ministry(
    kb: Gazetteer, data: st.DataObject
) -> None:
    """``<country> 외교부`` never links the South Korean ministry unless the country is South Korea."""
    countries = [
        (alias, entry.id)
        for entry in kb.entries
        if entry.kind == "country" and entry.id != "south-korea"
        for alias in entry.aliases("ko")
    ]
    country, _id = data.draw(st.sampled_from(countries))
    ids = [e.canonical_id for e in kb.find(f"{country} 외교부는 한국 정부에 항의했다")]
    assert _KOREA_MFA not in ids
