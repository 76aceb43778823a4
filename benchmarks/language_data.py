"""Build the labelled language-identification cases from Universal Dependencies treebanks.

Run once, with the treebank repositories cloned (bare or not) under one folder::

    python -m benchmarks.language_data /path/to/mirrors tests/cases/language

Sentences come from the ``# text`` lines of each treebank; single words and word
pairs are cut from *other* sentences of the same file (letters only, no digits or
punctuation). The ``dev`` files give the ``tune`` split, used while choosing the
detector's settings; the ``test`` files give the ``heldout`` split, never used for
that (Arabic PUD has a test file only: its even sentences tune, its odd ones are
held out). English has more sentences, from a second treebank of other genres
(:data:`MORE_SENTENCES`), split the same way: its ``dev`` file tunes, its ``test`` file is
held out. Sources and licences are listed in ``tests/cases/language/SOURCES.md``.
"""

from __future__ import annotations

import random
import subprocess
import sys
import unicodedata
from pathlib import Path

#: (language, repository, file stem) for each treebank.
TREEBANKS = (
    ("en", "UD_English-EWT", "en_ewt"),
    ("ko", "UD_Korean-GSD", "ko_gsd"),
    ("zh", "UD_Chinese-GSD", "zh_gsd"),
    ("ja", "UD_Japanese-GSD", "ja_gsd"),
    ("de", "UD_German-GSD", "de_gsd"),
    ("fr", "UD_French-GSD", "fr_gsd"),
    ("ru", "UD_Russian-GSD", "ru_gsd"),
    ("es", "UD_Spanish-GSD", "es_gsd"),
    ("vi", "UD_Vietnamese-VTB", "vi_vtb"),
    ("ar", "UD_Arabic-PUD", "ar_pud"),
)
#: Items per language, split and kind.
PER_KIND = 150
#: (language, repository, file stem, how many) for the treebanks that give more sentences
#: (no words or pairs) to a language, in each split.
MORE_SENTENCES = (("en", "UD_English-GUM", "en_gum", 850),)
_UNSPACED = {"zh", "ja"}
#: Treebanks with a test file only.
_TEST_ONLY = {"ar"}


def _read(mirrors: Path, repo: str, name: str) -> str:
    folder = mirrors / f"UniversalDependencies+{repo}" / "repo"
    return subprocess.run(
        ["git", "--git-dir", str(folder), "show", f"HEAD:{name}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _sentences(conllu: str) -> list[tuple[str, list[str]]]:
    """``(text, word forms)`` of every sentence of a CoNLL-U file."""
    out: list[tuple[str, list[str]]] = []
    text, forms = "", []
    for line in conllu.splitlines():
        if line.startswith("# text ="):
            text = line[len("# text =") :].strip()
        elif line and line[0].isdigit():
            cols = line.split("\t")
            if cols[0].isdigit():
                forms.append(cols[1])
        elif not line and text:
            out.append((text, forms))
            text, forms = "", []
    return out


def _is_word(token: str) -> bool:
    letters = token.replace("-", "").replace("'", "").replace("’", "")
    return bool(letters) and all(unicodedata.category(c)[0] in "LM" for c in letters)


def _words(language: str, text: str, forms: list[str]) -> list[str]:
    tokens = forms if language in _UNSPACED else text.split()
    return [t for t in tokens if _is_word(t)]


def _eligible(language: str, items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The sentences long enough to be cases (four words, or ten characters unspaced) and
    at most 300 characters long."""
    minimum = 10 if language in _UNSPACED else 4
    return [
        (t, f)
        for t, f in items
        if len(t if language in _UNSPACED else t.split()) >= minimum and len(t) <= 300
    ]


def build(mirrors: Path, out: Path) -> None:
    """Write ``tune.tsv`` and ``heldout.tsv`` (kind, language, text) under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for split, stem_split in (("tune", "dev"), ("heldout", "test")):
        rows: list[str] = []
        for language, repo, stem in TREEBANKS:
            if language in _TEST_ONLY:
                # One file only: its even sentences tune, its odd ones are held out.
                items = _sentences(_read(mirrors, repo, f"{stem}-ud-test.conllu"))
                items = items[split == "heldout" :: 2]
            else:
                items = _sentences(_read(mirrors, repo, f"{stem}-ud-{stem_split}.conllu"))
            rng = random.Random(f"{language}-{split}")
            rng.shuffle(items)
            sentences = _eligible(language, items)
            chosen, rest = sentences[:PER_KIND], sentences[PER_KIND:]
            rows += [f"sentence\t{language}\t{t}" for t, _ in chosen]
            for more_language, more_repo, more_stem, count in MORE_SENTENCES:
                if more_language == language:
                    more = _sentences(
                        _read(mirrors, more_repo, f"{more_stem}-ud-{stem_split}.conllu")
                    )
                    random.Random(f"{more_stem}-{split}").shuffle(more)
                    rows += [
                        f"sentence\t{language}\t{t}" for t, _ in _eligible(language, more)[:count]
                    ]
            words, pairs = [], []
            joiner = "" if language in _UNSPACED else " "
            for text, forms in rest:
                found = _words(language, text, forms)
                if len(words) < PER_KIND and found:
                    words.append(rng.choice(found))
                elif len(pairs) < PER_KIND and len(found) >= 2:
                    start = rng.randrange(len(found) - 1)
                    pairs.append(joiner.join(found[start : start + 2]))
            rows += [f"word\t{language}\t{w}" for w in words]
            rows += [f"pair\t{language}\t{p}" for p in pairs]
        (out / f"{split}.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
