"""Language detection: sentences and words in many languages, langdetect's known failures."""

from __future__ import annotations

import random

import langdetect
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nkcorpus
from nkcorpus.config import Config
from nkcorpus.errors import ConfigError
from nkcorpus.language.decide import base_language
from nkcorpus.language.detect import Detection, detect
from nkcorpus.language.evidence import langdetect_code
from nkcorpus.language.neutral import neutral_spans
from nkcorpus.language.options import LanguageOptions

from .fresh_process import detections_in_fresh_process

SENTENCES = {
    "en": [
        "Over 30 delegates leading groups of North Korean defectors worldwide met in Brussels.",
        "The United Nations called on China to stop sending escapees back across the border.",
        "Families of abductees asked the government to raise the issue at the next summit.",
    ],
    "ko": [
        "전 세계 탈북민 단체 대표 30여 명이 브뤼셀에서 첫 총회를 열었다.",
        "유엔은 중국에 탈북민 강제 북송을 중단하라고 촉구했다.",
        "납북자 가족들은 다음 정상회담에서 이 문제를 제기해 달라고 요청했다.",
    ],
    "zh-Hans": [
        "来自世界各地的三十多名脱北者团体代表在布鲁塞尔举行了首次大会。",
        "联合国呼吁中国停止强制遣返脱北者。",
        "被绑架者家属要求政府在下一次首脑会谈中提出这一问题。",
    ],
    "zh-Hant": [
        "來自世界各地的三十多名脫北者團體代表在布魯塞爾舉行了首次大會。",
        "聯合國呼籲中國停止強制遣返脫北者。",
        "被綁架者家屬要求政府在下一次首腦會談中提出這一問題。",
    ],
    "ja": [
        "世界各地の脱北者団体の代表30人余りがブリュッセルで初の総会を開いた。",
        "国連は中国に対し、脱北者の強制送還をやめるよう求めた。",
        "拉致被害者の家族は、次の首脳会談でこの問題を取り上げるよう政府に要請した。",
    ],
    "de": [
        "Mehr als dreißig Vertreter nordkoreanischer Flüchtlingsgruppen trafen sich in Brüssel.",
        "Die Vereinten Nationen forderten China auf, die Abschiebung der Flüchtlinge zu beenden.",
    ],
    "fr": [
        "Plus de trente représentants de groupes de transfuges nord-coréens se sont réunis.",
        "Les Nations unies ont demandé à la Chine de cesser les rapatriements forcés.",
    ],
    "es": [
        "Más de treinta representantes de grupos de desertores norcoreanos se reunieron ayer.",
        "Las Naciones Unidas pidieron a China que dejara de repatriar a los refugiados.",
    ],
    "ru": [
        "Более тридцати представителей групп северокорейских перебежчиков собрались в Брюсселе.",
        "Организация Объединённых Наций призвала Китай прекратить принудительную депортацию.",
    ],
    "vi": [
        "Hơn ba mươi đại diện của các nhóm người đào tẩu Triều Tiên đã họp tại Brussels.",
        "Liên Hợp Quốc kêu gọi Trung Quốc ngừng cưỡng chế hồi hương người tị nạn.",
    ],
}

#: Single words: scripts decide the East Asian ones, so they must be right. ``金正恩`` has
#: no character that only one Chinese standard uses, so it is plain ``zh``.
EAST_ASIAN_WORDS = {
    "김정은": "ko",
    "탈북민": "ko",
    "한국어": "ko",
    "金正恩": "zh",
    "朝鲜脱北者": "zh-Hans",
    "朝鮮脫北者": "zh-Hant",
    "人權": "zh-Hant",
    "人权": "zh-Hans",
    "ひらがな": "ja",
    "東京タワー": "ja",
    "カタカナ": "ja",
}

#: Single words in alphabetic scripts: each gets its language as the best guess.
#: (``desertores`` is as Portuguese as Spanish: it is not in the table.)
ALPHABETIC_WORDS = {
    "Menschenrechtsverletzungen": "de",
    "Flüchtlinge": "de",
    "réfugiés": "fr",
    "rapatriement": "fr",
    "politique": "fr",
    "refugiados": "es",
    "перебежчики": "ru",
    "người": "vi",
    "defectors": "en",
    "rights": "en",
}


@pytest.mark.parametrize(
    ("language", "text"),
    [(language, text) for language, texts in SENTENCES.items() for text in texts],
)
def test_sentences_get_their_language(language: str, text: str) -> None:
    """A real news sentence in each supported and confusable language is detected correctly."""
    detection = detect(text)
    assert detection.language == language
    assert detection.confidence >= 0.6


@pytest.mark.parametrize(("word", "language"), sorted(EAST_ASIAN_WORDS.items()))
def test_east_asian_words_are_decided_by_script(word: str, language: str) -> None:
    """One word in Hangul, Han or kana gets its language from its script."""
    assert detect(word).language == language


@pytest.mark.parametrize(("word", "language"), sorted(ALPHABETIC_WORDS.items()))
def test_alphabetic_words_get_their_language(word: str, language: str) -> None:
    """A single Latin or Cyrillic word with clear evidence gets its language, not ``und``."""
    detection = detect(word)
    assert detection.language == language, detection.candidates
    assert detection.confidence > 0.0


def test_langdetect_known_failures_do_not_happen() -> None:
    """Short Chinese is Chinese (langdetect says Korean); a romanized name alone is a guess
    with low confidence, never a confident Tagalog."""
    assert langdetect_code("zh-cn") == "zh-Hans"
    assert detect("朝鲜脱北者").language == "zh-Hans"
    assert detect("金正恩").language == "zh"
    assert detect("김정은").language == "ko"
    for name in ("Kim Jong-un", "Pyongyang", "Yi Whan-woo", "Marzuki Darusman", "Xi Jinping"):
        detection = detect(name)
        assert detection.language != "und", name
        assert not (detection.language == "tl" and detection.confidence > 0.5), name


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t", "12,345.67", "2012-03-14 07:41", "https://www.koreatimes.co.kr/www/nation/1.html",
     "taylor55@donga.com", "!!! ... ??? — “” ()", "☺☺☺ ★", "+82 2 1234 5678", "May 24, 2018",
     "Tuesday, 24 May 2018 10:30", "<figure>", '<figure class="wp-block-image"></figure>',
     "https://www.nknews.org/2018/05/summit/ <figure>"],
)  # fmt: skip
def test_text_without_language_is_undetermined(text: str) -> None:
    """Numbers, dates, URLs, e-mail addresses, markup tags and punctuation are ``und``
    with confidence 0: they hold no linguistic evidence."""
    detection = detect(text)
    assert detection.language == "und"
    assert detection.confidence == 0.0


@pytest.mark.parametrize(
    "text",
    ["<Embedded Picture (Device Independent Bitmap)>",
     "<<Alberta Transmission Access and Pricing Analysis_0712 .doc>>"],
)  # fmt: skip
def test_prose_in_angle_brackets_is_not_a_tag(text: str) -> None:
    """Words in angle brackets that are not markup (attachment lines of e-mails in the
    English treebank's training part) are read as text, while real tags are still blanked."""
    assert neutral_spans(text) == []
    assert detect(text).language == "en"
    tagged = '<p class="lead" data-id=7>The meeting was held in Seoul.</p>'
    assert [tagged[s:e] for s, e in neutral_spans(tagged)] == ['<p class="lead" data-id=7>', "</p>"]


def test_korean_with_hanja_and_acronyms_stays_korean() -> None:
    """A Korean article with Hanja (北, 與野) and English acronyms (UN, NGO) is Korean throughout."""
    text = (
        "北 인권 문제를 두고 與野가 UN 인권이사회 결의안을 논의했다.\n\n"
        "NGO 관계자들은 北 당국이 탈북민 가족을 처벌하고 있다고 밝혔다. "
        "COI 보고서는 반인도범죄를 지적했다."
    )
    assert detect(text).language == "ko"
    doc = nkcorpus.process(text, config=Config(ner="off"))
    assert doc.language == "ko"
    assert {segment.language for segment in doc.segments} == {"ko"}


def test_detection_reports_script_evidence() -> None:
    """``scripts`` counts letters per script and the Han characters of each Chinese standard."""
    detection = detect("朝鲜 朝鮮 김정은 Kim")
    assert isinstance(detection, Detection)
    assert detection.scripts.count("Hangul") == 3
    assert detection.scripts.count("Han") == 4
    assert detection.scripts.count("Latin") == 3
    assert (detection.scripts.simplified, detection.scripts.traditional) == (1, 1)


def test_simplified_and_traditional_are_told_apart_by_characters() -> None:
    """A mostly Traditional text is zh-Hant even with a Simplified character in it."""
    assert detect("北韓當局對脫北者的處罰引發國際關注，联合").language == "zh-Hant"
    assert detect("朝鲜当局对脱北者的处罚引发国际关注，聯合").language == "zh-Hans"


def test_public_name_and_base_language() -> None:
    """``nkcorpus.detect`` is the public entry point and ``base`` groups Chinese as ``zh``."""
    assert nkcorpus.detect is detect
    assert nkcorpus.Detection is Detection
    assert detect("聯合國呼籲中國停止強制遣返脫北者。").base == "zh"
    assert base_language("zh-Hans") == base_language("zh-Hant") == "zh"
    assert base_language("und") == "und"
    assert base_language(None) == "und"


def test_detect_refuses_bytes_with_a_fix() -> None:
    """Bytes are refused with a message that says to decode them."""
    with pytest.raises(TypeError, match="decode"):
        detect(b"bytes")  # type: ignore[arg-type]


def test_options_are_checked() -> None:
    """Out-of-range settings raise ConfigError naming the setting."""
    with pytest.raises(ConfigError, match="min_confidence"):
        LanguageOptions(min_confidence=1.5)
    with pytest.raises(ConfigError, match="max_chars"):
        LanguageOptions(max_chars=0)


def test_min_confidence_trades_guesses_for_certainty() -> None:
    """By default a short text gets its best guess; a threshold in the options abstains."""
    assert detect("Er sagte nein.").language == "de"
    guess = detect("Kim Jong-un")
    assert guess.language != "und"
    strict = detect("Kim Jong-un", LanguageOptions(min_confidence=0.99))
    assert (strict.language, strict.confidence) == ("und", 0.0)
    assert strict.candidates == guess.candidates
    assert detect(SENTENCES["en"][0], LanguageOptions(min_confidence=0.9)).language == "en"


ALL_TEXTS = [text for texts in SENTENCES.values() for text in texts] + [
    *EAST_ASIAN_WORDS,
    *ALPHABETIC_WORDS,
    "Kim Jong-un",
    "Il a dit non.",
]


def _results(texts: list[str]) -> dict[str, list[object]]:
    return {
        text: [d.language, d.confidence, list(d.candidates)]
        for text, d in ((text, detect(text)) for text in texts)
    }


def test_results_do_not_depend_on_order_or_process() -> None:
    """The same texts give identical results in any order and in a fresh interpreter."""
    forward = _results(ALL_TEXTS)
    shuffled = list(ALL_TEXTS)
    random.Random(7).shuffle(shuffled)
    assert _results(shuffled) == forward
    assert _results(list(reversed(ALL_TEXTS))) == forward
    other = detections_in_fresh_process(shuffled)
    expected = {t: [v[0], v[1], [list(c) for c in v[2]]] for t, v in forward.items()}
    assert other == expected


@given(st.text(max_size=80))
def test_detect_never_crashes_and_is_repeatable(text: str) -> None:
    """Any string gives a valid detection, the same twice in a row."""
    first = detect(text)
    assert 0.0 <= first.confidence <= 1.0
    assert first.language
    assert (first.language == "und") == (first.confidence == 0.0)
    assert detect(text) == first


def test_accuracy_is_at_least_langdetects_on_every_language() -> None:
    """On these sentences nkcorpus is right at least as often as seeded langdetect, per language."""
    factory = langdetect.DetectorFactory()
    factory.load_profile(langdetect.detector_factory.PROFILES_DIRECTORY)
    factory.set_seed(0)

    def baseline(text: str) -> str:
        detector = factory.create()
        detector.append(text)
        return langdetect_code(detector.detect())

    for language, texts in SENTENCES.items():
        ours = sum(detect(text).language == language for text in texts)
        theirs = sum(baseline(text) == language for text in texts)
        assert ours >= theirs, language
