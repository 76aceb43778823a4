"""The document view and the corpus report, opened in headless Chromium.

Each page is opened from disk with networking off for everything but the file
itself, and checked the way a reader would meet it: no console errors, no
request but the file, the charts drawn, the entities and language passages
marked, the toggles working, and a screenshot that is not blank. The corpora
are the seed pages (processed with the gazetteer) and a Korean, Chinese and
English corpus translated into English by tiny real Argos models, with
Wikidata ids from an alias file and one input that fails.

These tests need Debian's Chromium at /usr/bin/chromium (``apt-get install -y
chromium``; CI installs it). Without it they are skipped, loudly.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import nkcorpus
from nkcorpus.cli import main
from nkcorpus.corpus.outputs import read_documents, write_documents
from nkcorpus.entities.options import EntityOptions
from nkcorpus.models.argos import install_argos_package
from nkcorpus.translate.options import TranslateOptions
from tests.tiny_argos import CHINESE, ENGLISH, KOREAN, build_packages

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
MISSING = (
    "CHROMIUM MISSING: /usr/bin/chromium is not installed, so the HTML views were NOT "
    "checked in a browser. Install Debian's chromium (apt-get install -y chromium) to run them."
)

#: Real Wikidata items, with the spellings the mixed corpus uses.
ALIASES = [
    {"id": "Q56226", "label": "PER", "aliases": {"en": ["Kim Jong Un", "Kim Jong-un"], "ko": ["김정은"], "zh": ["金正恩"]}},
    {"id": "Q15031", "label": "PER", "aliases": {"en": ["Xi Jinping"], "ko": ["시진핑"], "zh": ["习近平"]}},
    {"id": "Q423", "label": "GPE", "aliases": {"en": ["North Korea"], "ko": ["북한"], "zh": ["朝鲜"]}},
    {"id": "Q148", "label": "GPE", "aliases": {"en": ["China"], "ko": ["중국"], "zh": ["中国"]}},
    {"id": "Q1065", "label": "ORG", "aliases": {"en": ["United Nations", "UN"], "ko": ["유엔"], "zh": ["联合国"]}},
    {"id": "Q239", "label": "GPE", "aliases": {"en": ["Brussels"], "ko": ["브뤼셀"], "zh": ["布鲁塞尔"]}},
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by playwright, or a loud skip when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seeds_output(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """``nkcorpus process seeds --ner gazetteer``, as a user runs it."""
    out = tmp_path_factory.mktemp("views-seeds") / "seeds.jsonl"
    assert main(["process", str(seed_paths[0].parent), "-o", str(out), "--ner", "gazetteer", "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def mixed_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Korean, Chinese, English and mixed letters, translated into English, one failed input."""
    work = tmp_path_factory.mktemp("views-mixed")
    packages = work / "packages"
    for archive in build_packages(work / "build", [("ko", "en"), ("zh", "en")]).values():
        install_argos_package(archive, packages)
    aliases = work / "aliases.jsonl"
    aliases.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ALIASES), encoding="utf-8")
    config = nkcorpus.Config(
        ner="gazetteer",
        entities=EntityOptions(gazetteers=(str(aliases),), builtin_gazetteer=False),
        translate_to="en",
        translate=TranslateOptions(beam_size=1, max_decoding_length=48, packages_dir=str(packages)),
    )
    texts: list[tuple[str | bytes, str]] = [
        ("Posted 2016-07-26\n\n" + " ".join(KOREAN[:5]) + "\n\n" + " ".join(KOREAN[5:10]), "ko-letter.txt"),
        ("Posted 2016-08-02\n\n" + "".join(CHINESE[:5]) + "\n\n" + "".join(CHINESE[5:9]), "zh-letter.txt"),
        ("Posted 2016-08-15\n\n" + " ".join(ENGLISH[:6]) + " Kim Jong Un and Xi Jinping met in China.", "en-page.txt"),
        ("Posted 2016-09-01\n\n" + "\n\n".join([" ".join(ENGLISH[7:9]), " ".join(KOREAN[8:10]), "".join(CHINESE[8:10])]), "mixed.txt"),
        (b"\x00\x01\x02\x03\xff\xfe\x00binary", "photo.bin"),
    ]
    pipeline = nkcorpus.Pipeline(config)
    docs = [pipeline(text, source=source) for text, source in texts]
    out = work / "mixed.jsonl"
    write_documents(docs, out)
    return out


def open_page(browser: Any, path: Path, ready: str) -> tuple[Any, list[str], list[str]]:
    """Open ``path`` and wait for ``ready``; return the page, its errors and its requests."""
    page = browser.new_page(viewport={"width": 1100, "height": 800})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.resolve().as_uri(), wait_until="load")
    page.wait_for_selector(ready, state="attached", timeout=30_000)
    page.wait_for_timeout(300)
    return page, errors, requests


def pixel_spread(browser: Any, png: bytes) -> float:
    """The standard deviation of the screenshot's grey levels, decoded by the browser itself."""
    page = browser.new_page()
    try:
        return float(
            page.evaluate(
                """async (data) => {
                    const image = new Image();
                    image.src = "data:image/png;base64," + data;
                    await image.decode();
                    const canvas = document.createElement("canvas");
                    canvas.width = image.width; canvas.height = image.height;
                    const context = canvas.getContext("2d");
                    context.drawImage(image, 0, 0);
                    const pixels = context.getImageData(0, 0, image.width, image.height).data;
                    let sum = 0, squares = 0, n = 0;
                    for (let i = 0; i < pixels.length; i += 4) {
                        const grey = (pixels[i] + pixels[i + 1] + pixels[i + 2]) / 3;
                        sum += grey; squares += grey * grey; n += 1;
                    }
                    const mean = sum / n;
                    return Math.sqrt(squares / n - mean * mean);
                }""",
                base64.b64encode(png).decode("ascii"),
            )
        )
    finally:
        page.close()


def check_clean_load(browser: Any, page: Any, path: Path, errors: list[str], requests: list[str]) -> None:
    """No console error, no request but the file, a screenshot that is not blank."""
    assert errors == []
    assert requests == [path.resolve().as_uri()]
    assert pixel_spread(browser, page.screenshot()) > 12


@pytest.mark.parametrize("corpus", ["seeds_output", "mixed_output"])
def test_document_view_in_chromium(browser: Any, corpus: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """``nkcorpus show --html`` opens cleanly with every entity, passage and toggle in place."""
    output: Path = request.getfixturevalue(corpus)
    docs = list(read_documents(output))
    view = tmp_path / "view.html"
    assert main(["show", str(output), "--html", str(view)]) == 0
    page, errors, requests = open_page(browser, view, "article.doc")
    assert page.locator("article.doc").count() == len(docs)
    assert page.locator("mark.ent sub").count() == sum(len(d.entities) for d in docs)
    assert page.evaluate("document.scripts.length") == 0
    removals = page.locator("details.removals").first
    if removals.count():
        item = removals.locator("li").first
        assert not item.is_visible()
        removals.locator("summary").click()
        assert item.is_visible() and item.get_attribute("data-rule")
    mark = page.locator("mark.ent").first
    after = "e => getComputedStyle(e, '::after').content"
    assert mark.evaluate(after) == "none"
    page.locator("input.show-ids").first.check()
    assert mark.get_attribute("data-canonical") in mark.evaluate(after)
    check_clean_load(browser, page, view, errors, requests)
    if corpus == "mixed_output":
        assert page.locator('.seg[lang="ko"]').count() > 0
        assert page.locator('.seg[lang^="zh"]').count() > 0
        korean = page.locator('.seg[lang="ko"]').first
        assert korean.evaluate("e => getComputedStyle(e).wordBreak") == "keep-all"
        assert page.locator('a[href="https://www.wikidata.org/wiki/Q56226"]').count() > 0
        alignments = sum(len(t.alignments) for d in docs for t in d.translations)
        assert alignments > 0 and page.locator("tr.aligned").count() == alignments
        assert page.locator('.failure[role="alert"]').count() == 1
    page.close()


@pytest.mark.parametrize("corpus", ["seeds_output", "mixed_output"])
def test_report_in_chromium(browser: Any, corpus: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """``nkcorpus report`` opens from disk alone with its charts drawn and its tables filled."""
    output: Path = request.getfixturevalue(corpus)
    report = tmp_path / "report.html"
    assert main(["report", str(output), "-o", str(report)]) == 0
    page, errors, requests = open_page(browser, report, "#co-mentions .main-svg")
    for chart in ("by-language", "by-source", "by-outlet", "by-month", "top-entities", "co-mentions"):
        assert page.locator(f"#{chart}.js-plotly-plot .main-svg").count() >= 1, chart
    assert page.locator("#co-mentions .heatmaplayer image").count() == 1
    assert page.locator("#top-entities .bars path").count() > 0
    assert page.locator("tr.entity-row").count() > 2
    check_clean_load(browser, page, report, errors, requests)
    if corpus == "mixed_output":
        assert page.locator("#mentions-over-time .scatterlayer .trace").count() > 1
        assert page.locator('tr.entity-row a[href="https://www.wikidata.org/wiki/Q56226"]').count() == 1
        assert page.locator("#failures.js-plotly-plot").count() == 1
        assert page.locator("table.failures tr").count() == 2
    page.close()


def test_a_hostile_page_runs_nothing_in_chromium(browser: Any, tmp_path: Path) -> None:
    """A scraped page full of script and handlers opens as text: no script element, no dialog."""
    from tests.test_views import hostile_document

    path = tmp_path / "hostile.jsonl"
    write_documents([hostile_document()], path)
    view = tmp_path / "hostile.html"
    assert main(["show", str(path), "--html", str(view)]) == 0
    page, errors, requests = open_page(browser, view, "article.doc")
    assert page.evaluate("document.scripts.length") == 0
    assert page.locator("img, iframe, svg").count() == 0
    assert "<script>alert('x')</script>" in page.locator("h2").inner_text()
    check_clean_load(browser, page, view, errors, requests)
    page.close()
