"""Language detection: ``nkcorpus.detect`` against ``langdetect.detect_langs`` alone.

Run: ``python -m benchmarks.bench_language``. Two corpora, built deterministically:
news-length documents (the five English seed pages, plus Korean, Simplified and
Traditional Chinese articles assembled from the sentences below) and single
sentences (the seed pages' sentences and the same Korean and Chinese sentences).
A third corpus holds short sentences (3 to 8 words) in en, fr, de, es, it, pt, nl
and vi: the labelled table of ``tests/test_language_short.py``, where short
Latin-script text is hardest. Both sides get the same texts in the same run; the
JSON records documents/s, MB/s (UTF-8) and the accuracy of each side per language
(``und`` counts as wrong). langdetect is seeded
(``DetectorFactory.seed = 0``) and its ``zh-cn``/``zh-tw`` count as ``zh-Hans``/``zh-Hant``.
The goal is at least 10x langdetect's throughput with accuracy at least as good.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs

from benchmarks.harness import Comparison, compare, format_table, quick, save

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

KOREAN = [
    "전 세계 탈북민 단체 대표 30여 명이 브뤼셀에서 첫 총회를 열고 북한 정권을 규탄했다.",
    "참가자들은 정치범수용소 운영과 해외 노동자 착취에 대해 국제사회의 조사를 촉구했다.",
    "유엔 인권이사회는 북한 인권 상황에 관한 결의안을 표결 없이 채택했다.",
    "탈북민 강제 북송 문제는 중국 정부와의 외교 현안으로 떠올랐다.",
    "인권단체들은 중국에 억류된 탈북민들에게 난민 지위를 부여하라고 요구했다.",
    "북한은 이번 회의가 서방의 정치적 음모라며 강하게 반발했다.",
    "납북자 가족들은 정부가 다음 정상회담에서 이 문제를 제기해 달라고 요청했다.",
    "특별보고관은 북한 당국이 주민들의 이동의 자유를 심각하게 제한하고 있다고 지적했다.",
    "증언에 나선 탈북민은 수용소에서 겪은 고문과 강제노동을 자세히 설명했다.",
    "정부는 북한인권재단 출범을 위한 이사 추천을 국회에 다시 요청했다.",
    "국제형사재판소 회부 문제는 안보리 상임이사국의 반대로 진전되지 못했다.",
    "탈북 청소년들의 교육 지원을 늘려야 한다는 목소리가 커지고 있다.",
    "북한 해외 노동자들은 임금의 대부분을 당국에 빼앗기는 것으로 알려졌다.",
    "대북 전단 살포를 둘러싼 논란이 접경 지역 주민들 사이에서 다시 불거졌다.",
    "인권 침해 가해자에 대한 책임 규명 없이 평화는 오지 않는다고 그는 강조했다.",
    "이산가족 상봉이 수년째 중단되면서 고령의 신청자들이 세상을 떠나고 있다.",
]

CHINESE = [
    "来自世界各地的三十多名脱北者团体代表在布鲁塞尔举行首次大会，谴责朝鲜政权的人权迫害。",
    "与会者呼吁国际社会调查政治犯收容所的运作以及对海外劳工的剥削。",
    "联合国人权理事会未经表决通过了关于朝鲜人权状况的决议。",
    "强制遣返脱北者的问题已成为与中国政府之间的外交议题。",
    "人权组织要求中国给予被拘留的脱北者难民身份。",
    "朝鲜强烈反对这次会议，称其为西方的政治阴谋。",
    "被绑架者家属请求政府在下一次首脑会谈中提出这一问题。",
    "特别报告员指出，朝鲜当局严重限制居民的迁徙自由。",
    "出庭作证的脱北者详细描述了在收容所遭受的酷刑和强迫劳动。",
    "政府再次要求国会推荐朝鲜人权基金会的理事人选。",
    "由于安理会常任理事国的反对，提交国际刑事法院的问题没有进展。",
    "要求加强对脱北青少年教育支持的呼声越来越高。",
    "据悉，朝鲜海外劳工的大部分工资被当局没收。",
    "围绕向朝鲜散发传单的争议在边境地区居民中再次出现。",
    "他强调，不追究侵犯人权者的责任就不会有和平。",
    "离散家属团聚已中断多年，许多年迈的申请者相继离世。",
]


def _traditional(texts: list[str]) -> list[str]:
    import opencc

    converter = opencc.OpenCC("s2t")
    return [converter.convert(text) for text in texts]


def _articles(sentences: list[str], count: int, paragraphs: int = 6) -> list[str]:
    """``count`` articles of ``paragraphs`` paragraphs of three sentences, rotating the list."""
    articles = []
    for number in range(count):
        paras = []
        for p in range(paragraphs):
            start = (number * 5 + p * 3) % len(sentences)
            paras.append(" ".join(sentences[(start + k) % len(sentences)] for k in range(3)))
        articles.append("\n\n".join(paras))
    return articles


def _english_sentences(pages: list[str]) -> list[str]:
    from nkcorpus.language.segment import paragraph_spans, sentence_spans

    out = []
    for page in pages:
        for start, end in paragraph_spans(page):
            for s, e in sentence_spans(page, start, end):
                sentence = page[s:e]
                if len(sentence.split()) >= 8:
                    out.append(sentence)
    return out


def _short_sentences() -> list[tuple[str, str]]:
    """The short-sentence table of the tests, as ``(language, text)``."""
    from tests.test_language_short import SHORT_SENTENCES

    return [(language, text) for language, text, _allowed in SHORT_SENTENCES]


def corpora() -> dict[str, list[tuple[str, str]]]:
    """The labelled corpora: ``{name: [(language, text), ...]}`` for documents, sentences, short."""
    from nkcorpus.cleaning.decode import decode

    pages = [decode(path.read_bytes()).text for path in sorted(SEEDS.glob("*.txt"))]
    traditional = _traditional(CHINESE)
    documents = (
        [("en", page) for page in pages]
        + [("ko", text) for text in _articles(KOREAN, 5)]
        + [("zh-Hans", text) for text in _articles(CHINESE, 5)]
        + [("zh-Hant", text) for text in _articles(traditional, 5)]
    )
    sentences = (
        [("en", s) for s in _english_sentences(pages)[:48]]
        + [("ko", s) for s in KOREAN]
        + [("zh-Hans", s) for s in CHINESE]
        + [("zh-Hant", s) for s in traditional]
    )
    return {"documents": documents, "sentences": sentences, "short": _short_sentences()}


def _langdetect() -> Callable[[str], str]:
    import langdetect
    from langdetect import DetectorFactory

    from nkcorpus.language.decide import langdetect_code

    DetectorFactory.seed = 0

    def best(text: str) -> str:
        try:
            found = langdetect.detect_langs(text)
        except langdetect.LangDetectException:
            return "und"
        return langdetect_code(found[0].lang) if found else "und"

    return best


def _accuracy(labelled: list[tuple[str, str]], guess: Callable[[str], str]) -> dict[str, float]:
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    for language, text in labelled:
        total[language] = total.get(language, 0) + 1
        right[language] = right.get(language, 0) + (guess(text) == language)
    return {language: right[language] / total[language] for language in sorted(total)}


def run() -> list[Comparison]:
    """Measure both corpora; accuracy goes in the saved JSON (see :func:`main`)."""
    import langdetect

    from nkcorpus.language.detect import detect

    baseline_best = _langdetect()
    langdetect.detect_langs("warm up the profiles")
    detect("warm up the tables")
    repeat = 2 if quick() else 5
    comparisons = []
    for name, labelled in corpora().items():
        texts = [text for _language, text in labelled]
        if quick() and name == "documents":
            texts = texts[::2]
        megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

        def candidate(texts: list[str] = texts) -> None:
            for text in texts:
                detect(text)

        def baseline(texts: list[str] = texts) -> None:
            for text in texts:
                langdetect.detect_langs(text)

        ours = _accuracy(labelled, lambda text: detect(text).language)
        theirs = _accuracy(labelled, baseline_best)
        notes = "accuracy nkcorpus " + ", ".join(f"{k} {v:.3f}" for k, v in ours.items())
        notes += "; langdetect " + ", ".join(f"{k} {v:.3f}" for k, v in theirs.items())
        languages = "/".join(dict.fromkeys(language for language, _text in labelled))
        result = compare(
            f"detect {name} ({languages})",
            candidate,
            baseline,
            items=len(texts),
            unit="documents" if name == "documents" else "sentences",
            repeat=repeat,
            goal=10.0,
            notes=notes,
        )
        comparisons.append(result)
        by_size = attrs.evolve(result, name=f"{result.name} MB", unit="MB", items=megabytes)
        comparisons.append(by_size)
        if name == "documents":
            comparisons.append(_stage_comparison(texts, baseline, repeat))
    return comparisons


def _stage_comparison(
    texts: list[str], baseline: Callable[[], None], repeat: int
) -> Comparison:
    """The whole language stage (document language and every segment), for reference."""
    from nkcorpus.document import Document
    from nkcorpus.language.stage import LanguageStage

    stage = LanguageStage()
    documents = [Document.from_raw(text) for text in texts]
    return compare(
        "language stage with segments, documents",
        lambda: stage.process_batch(documents),
        baseline,
        items=len(texts),
        unit="documents",
        repeat=repeat,
        notes="segments at paragraph and sentence level; no goal (detect is the goal)",
    )


def accuracy() -> dict[str, dict[str, dict[str, float]]]:
    """Per-language accuracy of both sides on both corpora."""
    from nkcorpus.language.detect import detect

    baseline_best = _langdetect()
    return {
        name: {
            "nkcorpus": _accuracy(labelled, lambda text: detect(text).language),
            "langdetect": _accuracy(labelled, baseline_best),
        }
        for name, labelled in corpora().items()
    }


def main() -> None:
    """Run, print the table and save JSON results with accuracy."""
    comparisons = run()
    scores = accuracy()
    print(format_table(comparisons))
    for name, sides in scores.items():
        for side, values in sides.items():
            print(f"accuracy {name} {side}: {values}")
    print(f"results: {save('language', comparisons, {'accuracy': scores})}")


if __name__ == "__main__":
    main()
