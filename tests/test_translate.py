"""The translation stage on tiny real Argos packages: pairs, pivots, alignments, batching.

The packages are built once per session (tests/tiny_argos.py): real
``.argosmodel`` archives with a CTranslate2 model of random weights, installed
with :func:`nkcorpus.models.argos.install_argos_package` and run through
the same code a downloaded package takes. Their output is nonsense, so the
tests check plumbing that a user relies on: which model ran, where each
sentence went, and that batching changes nothing.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nkcorpus
from nkcorpus import Document, Segment, Span
from nkcorpus.errors import InputError, ModelNotInstalledError
from nkcorpus.models.argos import install_argos_package
from nkcorpus.pipeline import Pipeline
from nkcorpus.stage import Stage
from nkcorpus.text.sentences import split_sentences
from nkcorpus.translate.argos import ArgosTranslator
from nkcorpus.translate.options import TranslateOptions
from nkcorpus.translate.stage import TranslateStage
from tests.tiny_argos import CHINESE, ENGLISH, KOREAN, build_packages

pytestmark = pytest.mark.slow

PAIRS = [("en", "ko"), ("ko", "en"), ("en", "zh"), ("zh", "en")]
SENTENCES = {"en": ENGLISH, "ko": KOREAN, "zh-Hans": CHINESE}


@pytest.fixture(scope="session")
def packages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A packages folder with tiny en<->ko and en<->zh packages installed (no ko<->zh)."""
    work = tmp_path_factory.mktemp("argos-build")
    folder = tmp_path_factory.mktemp("argos-packages")
    for archive in build_packages(work, PAIRS).values():
        install_argos_package(archive, folder)
    return folder


@pytest.fixture(scope="session")
def options(packages_dir: Path) -> TranslateOptions:
    """Greedy decoding, short outputs, the session's packages."""
    return TranslateOptions(beam_size=1, max_decoding_length=48, packages_dir=str(packages_dir))


@pytest.fixture(scope="session")
def translator(options: TranslateOptions) -> ArgosTranslator:
    """One translator for the session, its models loaded once into its own store."""
    return ArgosTranslator(options)


def make_document(paragraphs: list[tuple[str, str]], separator: str = "\n\n") -> Document:
    """A document whose paragraphs are segments in the given languages."""
    text = separator.join(paragraph for paragraph, _ in paragraphs)
    segments, position = [], 0
    for paragraph, language in paragraphs:
        start = text.index(paragraph, position)
        segments.append(Segment(Span(start, start + len(paragraph)), language, 0.9))
        position = start + len(paragraph)
    return attrs.evolve(Document.from_raw(text, "test"), segments=segments)


def check_alignments(document: Document) -> None:
    """Assert what every translation promises about its alignments."""
    (translation,) = document.translations
    sources = [a.source for a in translation.alignments]
    targets = [a.target for a in translation.alignments]
    sentences = [
        span
        for segment in document.segments
        for span in split_sentences(document.text, segment.span.start, segment.span.end)
    ]
    assert sentences, "the document has no sentence to align"
    assert sources == sentences  # every sentence, in order, with its exact span
    assert targets == sorted(targets)
    for before, after in itertools.pairwise(targets):
        assert before.end <= after.start
    assert all(span.end <= len(translation.text) for span in targets)
    for alignment in translation.alignments:
        raw = document.raw_span(alignment.source)
        assert document.raw[raw.start : raw.end] == document.span_text(alignment.source)
    # Nothing but whitespace lies outside the aligned targets.
    rest = list(translation.text)
    for span in targets:
        rest[span.start : span.end] = [" "] * len(span)
    assert not "".join(rest).strip()


def test_build_stage_is_off_unless_a_target_is_set() -> None:
    """Translation is off by default and on with ``Config(translate_to=...)``."""
    assert "translate" not in [s.name for s in Pipeline.default_stages(nkcorpus.Config())]
    (stage,) = [
        s
        for s in Pipeline.default_stages(nkcorpus.Config(translate_to="ko", ner="off"))
        if s.name == "translate"
    ]
    assert isinstance(stage, TranslateStage)
    assert stage.target == "ko"
    assert stage.requires == {"text", "segments"}
    assert stage.provides == {"translations"}


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_each_installed_pair_translates_with_its_own_package(
    options: TranslateOptions, source: str, target: str
) -> None:
    """A segment is translated by the package for its pair, sentence by sentence."""
    language = "zh-Hans" if source == "zh" else source
    paragraph = " ".join(SENTENCES[language][:3]) if source != "zh" else "".join(CHINESE[:3])
    document = make_document([(paragraph, language)])
    (result,) = TranslateStage(target, options).process_batch([document])
    assert result.ok
    (translation,) = result.translations
    assert translation.model == f"argos:{source}-{target}"
    assert translation.source_languages == (language,)
    assert translation.target_language == ("zh-Hans" if target == "zh" else target)
    assert len(translation.alignments) == 3
    assert translation.text != paragraph
    check_alignments(result)


def test_korean_to_chinese_goes_through_english_offline(
    options: TranslateOptions, translator: ArgosTranslator
) -> None:
    """ko -> zh with only ko-en and en-zh installed: the pivot output, aligned exactly."""
    paragraph = " ".join(KOREAN[:4])
    document = make_document([(paragraph, "ko")])
    (result,) = TranslateStage("zh", options, translator).process_batch([document])
    (translation,) = result.translations
    assert translation.model == "argos:ko-en+en-zh"
    assert translation.source_languages == ("ko",)
    route = translator.route("ko", "zh")
    assert [p.pair for p in route.packages] == [("ko", "en"), ("en", "zh")]
    english = translator.translate_with(route.packages[0], list(KOREAN[:4]))
    chinese = translator.translate_with(route.packages[1], english)
    assert [translation.text[a.target.start : a.target.end] for a in translation.alignments] == (
        chinese
    )
    assert [document.span_text(a.source) for a in translation.alignments] == list(KOREAN[:4])
    assert translation.text == "".join(chinese)  # Chinese sentences join without spaces
    check_alignments(result)


def test_segments_already_in_the_target_are_copied_with_alignments(
    options: TranslateOptions,
) -> None:
    """English passages stay as they are in an English translation, undetermined ones too."""
    document = make_document(
        [(ENGLISH[0] + " " + ENGLISH[1], "en"), (KOREAN[0], "ko"), ("2023-09-21 · 7", "und")]
    )
    (result,) = TranslateStage("en", options).process_batch([document])
    (translation,) = result.translations
    assert translation.text.startswith(ENGLISH[0] + " " + ENGLISH[1] + "\n\n")
    assert translation.text.endswith("\n\n2023-09-21 · 7")
    assert translation.source_languages == ("ko",)
    assert translation.model == "argos:ko-en"
    first = translation.alignments[0]
    assert translation.text[first.target.start : first.target.end] == ENGLISH[0]
    check_alignments(result)


def test_undetermined_headings_follow_the_document_language(options: TranslateOptions) -> None:
    """A short heading in ``und`` is translated as the document's language; digits are copied."""
    document = attrs.evolve(
        make_document([("공동 서한", "und"), (KOREAN[0], "ko"), ("2023. 9. 21", "und")]),
        language="ko",
    )
    (result,) = TranslateStage("en", options).process_batch([document])
    (translation,) = result.translations
    heading = translation.alignments[0]
    assert translation.text[heading.target.start : heading.target.end] != "공동 서한"
    assert translation.text.endswith("\n\n2023. 9. 21")
    assert translation.source_languages == ("ko",)
    check_alignments(result)
    no_language = attrs.evolve(document, language=None)
    (unknown,) = TranslateStage("en", options).process_batch([no_language])
    assert unknown.translations[0].text.startswith("공동 서한\n\n")


def test_traditional_chinese(options: TranslateOptions) -> None:
    """zh-Hant becomes Simplified with OpenCC for a Chinese target, and feeds zh-en otherwise."""
    document = make_document([("人權組織要求釋放脫北者。會議結束。", "zh-Hant")])
    (to_zh,) = TranslateStage("zh", options).process_batch([document])
    assert to_zh.translations[0].text == "人权组织要求释放脱北者。会议结束。"
    assert to_zh.translations[0].model == "opencc:t2s"
    check_alignments(to_zh)
    (to_en,) = TranslateStage("en", options).process_batch([document])
    assert to_en.translations[0].model == "argos:zh-en;opencc:t2s"
    simplified = make_document([("人权组织要求释放脱北者。会议结束。", "zh-Hans")])
    (reference,) = TranslateStage("en", options).process_batch([simplified])
    assert to_en.translations[0].text == reference.translations[0].text


paragraphs = st.lists(
    st.sampled_from(sorted(SENTENCES)).flatmap(
        lambda language: st.tuples(
            st.lists(st.sampled_from(SENTENCES[language]), min_size=1, max_size=3).map(
                lambda picked, language=language: ("" if language == "zh-Hans" else " ").join(
                    picked
                )
            ),
            st.just(language),
        )
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=25)
@given(paragraphs=paragraphs, target=st.sampled_from(["en", "ko", "zh"]))
def test_alignments_map_every_sentence_to_its_exact_source(
    options: TranslateOptions,
    translator: ArgosTranslator,
    paragraphs: list[tuple[str, str]],
    target: str,
) -> None:
    """For any mix of languages and any target, each sentence is aligned to its exact span."""
    document = make_document(paragraphs)
    (result,) = TranslateStage(target, options, translator).process_batch([document])
    assert result.ok
    check_alignments(result)


@settings(max_examples=10)
@given(
    documents=st.lists(paragraphs, min_size=2, max_size=5),
    target=st.sampled_from(["en", "ko", "zh"]),
)
def test_batching_across_documents_changes_nothing(
    options: TranslateOptions,
    translator: ArgosTranslator,
    documents: list[list[tuple[str, str]]],
    target: str,
) -> None:
    """Documents translated together give what each gives alone."""
    stage = TranslateStage(target, options, translator)
    docs = [make_document(paragraphs) for paragraphs in documents]
    together = stage.process_batch(docs)
    alone = [stage.process_batch([doc])[0] for doc in docs]
    assert together == alone


def test_one_model_call_per_package_for_a_whole_batch(options: TranslateOptions) -> None:
    """Sentences from many documents and segments reach each model in one call."""
    translator = ArgosTranslator(options)
    calls: list[tuple[str, int]] = []
    real = translator.translate_with

    def counting(package, sentences):  # type: ignore[no-untyped-def]
        calls.append((package.name, len(sentences)))
        return real(package, sentences)

    translator.translate_with = counting  # type: ignore[method-assign]
    docs = [
        make_document([(" ".join(KOREAN[i : i + 2]), "ko"), (ENGLISH[i], "en")])
        for i in range(0, 10, 2)
    ]
    results = TranslateStage("zh", options, translator).process_batch(docs)
    assert all(doc.ok for doc in results)
    # ko -> en for 10 Korean sentences, then en -> zh once for them and the 5 English ones.
    assert calls == [("ko-en", 10), ("en-zh", 15)]


def test_models_load_once_into_the_store_and_close_releases_them(
    options: TranslateOptions,
) -> None:
    """Each package loads once into the translator's store; close() releases them all and
    the translator loads them again, with the same output."""
    translator = ArgosTranslator(options)
    requests = [("ko", "zh", KOREAN[0]), ("en", "ko", ENGLISH[0])]
    first = translator.translate(requests)
    assert len(translator.resources) == 3  # ko-en, en-zh, en-ko
    assert translator.translate(requests) == first and len(translator.resources) == 3
    translator.close()
    assert len(translator.resources) == 0
    assert translator.translate(requests) == first and len(translator.resources) == 3


def test_same_output_as_argostranslate(packages_dir: Path, options: TranslateOptions) -> None:
    """Sentence for sentence, the fast path gives argostranslate.translate()'s output (beam 1)."""
    from tests.tiny_argos import use_packages_dir_in_argostranslate

    # argostranslate leaves CTranslate2's default length limit (256) in place.
    translator = ArgosTranslator(attrs.evolve(options, max_decoding_length=256))

    argos = use_packages_dir_in_argostranslate(packages_dir)
    from argostranslate import settings as argos_settings

    argos_settings.beam_size = 1

    def normal(text: str) -> str:
        # argostranslate also turns "_" into spaces when decoding; compare the rest exactly.
        return " ".join(text.replace("_", " ").split())

    def single(sentences: tuple[str, ...]) -> list[str]:
        # argostranslate's splitter cuts "U.N." apart; keep sentences both sides see whole.
        return [s for s in sentences if len(re.findall(r"[.!?。！？]", s)) == 1]

    for source, target, sentences in [
        ("en", "ko", single(ENGLISH)[:6]),
        ("ko", "en", single(KOREAN)[:6]),
        ("en", "zh", single(ENGLISH)[6:]),
        ("zh", "en", single(CHINESE)[:6]),
    ]:
        assert len(sentences) >= 5
        package = translator.route(source, target).packages[0]
        ours = translator.translate_with(package, list(sentences))
        theirs = [argos.translate(sentence, source, target) for sentence in sentences]
        assert [normal(t) for t in ours] == [normal(t) for t in theirs]
        assert len(set(ours)) > 1  # the outputs differ from sentence to sentence


def test_an_untranslatable_passage_is_recorded_and_the_document_stays_ok(
    options: TranslateOptions,
) -> None:
    """A passage nkcorpus cannot translate is copied and recorded; the document stays ok.

    Japanese is not a language nkcorpus translates, so no download is suggested for it;
    the Korean passage beside it is still translated, and later stages still run.
    """
    japanese = "北朝鮮の人権状況について議論した。"
    mixed = make_document([(japanese, "ja"), (KOREAN[0], "ko")])
    (result,) = TranslateStage("en", options).process_batch([mixed])
    assert result.ok
    (translation,) = result.translations
    (failure,) = translation.failures
    assert failure.language == "ja" and failure.span.of(result.text) == japanese
    assert failure.error_type == "ModelNotInstalledError"
    assert "does not translate ja" in failure.message
    assert "download" not in failure.message
    assert japanese in translation.text  # copied as it was
    assert translation.source_languages == ("ko",)
    translator = ArgosTranslator(options)
    with pytest.raises(ModelNotInstalledError, match="does not translate ko -> ja") as info:
        translator.route("ko", "ja")
    assert isinstance(info.value, FileNotFoundError)
    assert "download" not in str(info.value)


def test_traditional_chinese_with_a_stray_english_passage_into_chinese(tmp_path: Path) -> None:
    """Into Chinese, Traditional text is converted by OpenCC (no model); an English passage
    without an installed package is recorded with the command to install one, and the
    document stays ok so that entities still run on it."""
    empty = TranslateOptions(packages_dir=str(tmp_path / "no-packages"))
    doc = make_document([("北韓人權問題。", "zh-Hant"), ("https://example.org/en", "en")])
    (result,) = TranslateStage("zh", empty).process_batch([doc])
    assert result.ok
    (translation,) = result.translations
    assert translation.text.startswith("北韩人权问题。")
    (failure,) = translation.failures
    assert failure.language == "en"
    assert "nkcorpus models download --translate en zh" in failure.message
    assert Document.from_dict(result.to_dict()) == result


def test_documents_without_segments(options: TranslateOptions) -> None:
    """The document language stands in for segments; with neither, the document fails clearly."""
    doc = attrs.evolve(Document.from_raw(KOREAN[0] + "\n" + KOREAN[1]), language="ko")
    (result,) = TranslateStage("en", options).process_batch([doc])
    assert result.ok
    assert len(result.translations[0].alignments) == 2
    assert result.translations[0].text.count("\n") == 1
    failed = TranslateStage("en", options).process(Document.from_raw(KOREAN[0]))
    assert failed.failure is not None
    assert failed.failure.error_type == InputError.__name__
    assert "run the language stage" in failed.failure.message


def test_translating_again_replaces_the_translation(options: TranslateOptions) -> None:
    """One translation per target: running the stage twice keeps one, other targets stay."""
    document = make_document([(KOREAN[0], "ko")])
    stage = TranslateStage("en", options)
    (once,) = stage.process_batch([document])
    (twice,) = stage.process_batch([once])
    assert twice.translations == once.translations
    (both,) = TranslateStage("zh", options).process_batch([twice])
    assert [t.target_language for t in both.translations] == ["en", "zh-Hans"]


class HandSegments(Stage):
    """Marks each paragraph as a segment in the language its script suggests (test only)."""

    name = "hand-segments"
    provides = frozenset({"language", "segments"})

    def process(self, document: Document) -> Document:
        """Segment the paragraphs of ``document``."""
        segments = []
        for match in re.finditer(r"[^\n]+", document.text):
            paragraph = match.group()
            language = (
                "ko"
                if re.search(r"[\uac00-\ud7a3]", paragraph)
                else "zh-Hans"
                if re.search(r"[\u4e00-\u9fff]", paragraph)
                else "en"
            )
            segments.append(Segment(Span(match.start(), match.end()), language, 0.9))
        return attrs.evolve(document, segments=segments)


def test_pipeline_records_the_step_and_round_trips(
    options: TranslateOptions, seed_paths: list[Path]
) -> None:
    """Through a pipeline, seeds and a mixed letter translate; steps name the packages used."""
    stage = TranslateStage("ko", options)
    pipeline = Pipeline(stages=[HandSegments(), stage])
    letter = "\n".join([ENGLISH[7], KOREAN[8], CHINESE[8]])
    inputs = [letter, *(path.read_text(encoding="utf-8") for path in seed_paths)]
    results = list(pipeline.pipe(inputs, batch_size=3))
    assert len(results) == len(inputs)
    assert all(doc.ok for doc in results)
    for doc in results:
        check_alignments(doc)
        step = doc.steps[-1]
        assert step.name == "translate"
        installed = ("en-ko 1.0", "en-zh 1.0", "ko-en 1.0", "zh-en 1.0")
        assert dict(step.parameters)["packages"] == installed
        assert Document.from_dict(doc.to_dict()) == doc
    assert results[0].translations[0].model == "argos:en-ko,zh-en+en-ko"


def test_the_stage_never_imports_argostranslate(packages_dir: Path) -> None:
    """The stage runs without argostranslate, so its import-time settings and caches never apply.

    Here argostranslate is even imported first with another packages folder:
    the stage still reads the folder it is given.
    """
    code = f"""
import os, sys, attrs
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from nkcorpus import Document, Segment, Span
from nkcorpus.translate.options import TranslateOptions
from nkcorpus.translate.stage import TranslateStage
segments = [Segment(Span(0, {len(KOREAN[0])}), "ko", 1.0)]
doc = attrs.evolve(Document.from_raw("{KOREAN[0]}"), segments=segments)
options = TranslateOptions(beam_size=1, max_decoding_length=16, packages_dir={str(packages_dir)!r})
(result,) = TranslateStage("en", options).process_batch([doc])
assert result.ok and result.translations[0].model == "argos:ko-en", result
assert not any(name.startswith("argostranslate") for name in sys.modules), "imported"
os.environ["ARGOS_PACKAGES_DIR"] = os.path.join({str(packages_dir.parent)!r}, "elsewhere")
import argostranslate.package
assert argostranslate.package.get_installed_packages() == []
(again,) = TranslateStage("en", options).process_batch([doc])
assert again == result
print("ok")
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")


def test_config_pipeline_translates_a_mixed_letter(options: TranslateOptions) -> None:
    """``Config(translate_to=...)`` builds clean, language and translate; each passage aligns.

    Needs the built-in language stage (it provides the segments).
    """
    from nkcorpus.pipeline import BUILTIN_STAGES

    names = [name for name, _ in BUILTIN_STAGES]
    assert names.index("language") < names.index("translate")
    config = nkcorpus.Config(translate_to="en", translate=options, ner="off")
    letter = "\n\n".join([" ".join(ENGLISH[7:9]), " ".join(KOREAN[8:10]), "".join(CHINESE[8:10])])
    doc = Pipeline(config)(letter)
    assert doc.ok, doc.failure
    (translation,) = doc.translations
    assert translation.target_language == "en"
    assert "ko" in translation.source_languages
    check_alignments(doc)
    english = [a for a in translation.alignments if document_is_english(doc, a.source)]
    assert english, "the English passage was not aligned"
    assert all(
        translation.text[a.target.start : a.target.end] == doc.span_text(a.source) for a in english
    )


def document_is_english(document: Document, span: Span) -> bool:
    """Whether the segment holding ``span`` is English."""
    return any(
        s.span.start <= span.start and span.end <= s.span.end and s.language == "en"
        for s in document.segments
    )
