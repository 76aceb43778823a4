"""Cleaning speed in MB/s against ``ftfy.fix_text`` alone, on clean English and CJK news.

Run: ``python -m benchmarks.bench_clean``. The candidate is the whole cleaning
stage (``nkcorpus.cleaning.cleaner.clean_text`` with every rule on: Unicode
rules, page layout, metadata, offset map); the baseline is ``ftfy.fix_text``
with its defaults on the same text in the same run. The goal is a ratio of at
least 1: the whole stage no slower than ftfy alone on text that is already
clean. Two more rows measure, for reference, scraped pages (the seed corpus) and
garbled text (ftfy's own mojibake cases), where every line goes through ftfy.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.harness import Comparison, compare, format_table, quick, save

ROOT = Path(__file__).resolve().parent.parent

_KOREAN = (
    "북한 인권 단체들은 21일 서울에서 기자회견을 열고 중국 정부에 탈북민 강제 북송을 중단하라고 "
    "촉구했다. 이들은 “강제 북송은 국제법 위반”이라며 유엔의 적극적인 역할을 요구했다. "
)
_CHINESE = (
    "朝鲜人权组织21日在首尔举行记者会，敦促中国政府停止强制遣返脱北者。"
    "他们表示：“强制遣返违反国际法。”联合国特别报告员也表达了关切。"
)


def _english_news() -> str:
    """Clean English news: the article paragraphs of the seed pages, cleaned once."""
    from nkcorpus.cleaning.cleaner import clean_text

    pages = sorted(ROOT.glob("seeds/*.txt"))
    texts = [clean_text(p.read_text(encoding="utf-8")).text for p in pages]
    return "\n\n".join(texts)


def _cjk_news() -> str:
    """Clean Korean and Chinese news paragraphs."""
    paragraphs = [_KOREAN * 3, _CHINESE * 3] * 10
    return "\n\n".join(paragraphs)


def _garbled() -> str:
    """ftfy's own in-the-wild mojibake cases, one per paragraph (tests/cases/repair)."""
    import json

    path = ROOT / "tests" / "cases" / "repair" / "ftfy-in-the-wild.json"
    cases = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join(case["original"] for case in cases)


def _scraped() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("seeds/*.txt")))


def run() -> list[Comparison]:
    """Measure and return the comparisons."""
    import ftfy

    from nkcorpus.cleaning.cleaner import clean_text

    size = 200_000 if quick() else 2_000_000
    repeat = 3 if quick() else 7
    results = []
    for name, sample, goal in (
        ("clean English news", _english_news(), 1.0),
        ("clean CJK news (ko + zh)", _cjk_news(), 1.0),
        ("scraped pages (seeds)", _scraped(), None),  # for reference: the goal is on clean text
        ("garbled text (ftfy's cases)", _garbled(), None),  # repair with offsets costs more
    ):
        text = (sample + "\n\n") * max(1, size // len(sample.encode("utf-8")))
        megabytes = len(text.encode("utf-8")) / 1e6
        clean_text(text)  # build the lazily made tables outside the timing
        results.append(
            compare(
                f"clean stage vs ftfy.fix_text: {name}",
                lambda text=text: clean_text(text),
                lambda text=text: ftfy.fix_text(text),
                items=megabytes,
                unit="MB",
                repeat=repeat,
                goal=goal,
                notes="whole cleaning stage with the offset map against ftfy.fix_text defaults",
            )
        )
    return results


def main() -> None:
    """Run, print the table and save JSON results."""
    comparisons = run()
    print(format_table(comparisons))
    print(f"results: {save('clean', comparisons)}")


if __name__ == "__main__":
    main()
