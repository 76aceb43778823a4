"""Shared pieces of the HTML views: escaping, colours, fonts and the page frame.

Every string that comes from a document goes through :func:`esc` (text and
attribute values alike), so a scraped page that holds ``<script>`` shows it as
text and cannot run it. Links are only ever made to Wikidata, from ids that
match :data:`QID`.

The font stacks put a Korean and a Chinese face next to the Latin one (Noto
Sans CJK, Apple SD Gothic Neo, Malgun Gothic, PingFang, Microsoft YaHei),
Korean text keeps its words whole when lines wrap (``word-break: keep-all``),
and every passage carries a ``lang`` attribute so the browser picks the right
glyphs for Han characters shared by both languages.
"""

from __future__ import annotations

import html
import re

__all__ = [
    "CSS",
    "LABEL_COLOURS",
    "LANGUAGE_COLOURS",
    "PAGE_TAIL",
    "QID",
    "esc",
    "label_colour",
    "language_colour",
    "page",
    "page_head",
    "wikidata_url",
]

#: A Wikidata item id, alone or prefixed (``Q42``, ``wd:Q42``, ``wikidata:Q42``).
QID = re.compile(r"^(?:wd:|wikidata:)?(Q[1-9][0-9]{0,11})$")

#: Background tint and border colour of passages, by language.
LANGUAGE_COLOURS = {
    "en": ("#eef4ff", "#3b6fd8"),
    "ko": ("#ecf8ef", "#2e9a4f"),
    "zh": ("#fff3e8", "#d9731a"),
}
_OTHER_LANGUAGE = ("#f3f0f7", "#7d5ba6")

#: Highlight and text colour of entity mentions, by label.
LABEL_COLOURS = {
    "PER": ("#ffe0e6", "#a3123a"),
    "ORG": ("#dff1ff", "#0b5c99"),
    "GPE": ("#e6f5d0", "#3d6b00"),
    "LOC": ("#fff2c2", "#7a5a00"),
}
_OTHER_LABEL = ("#ececec", "#444444")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(value: object) -> str:
    """Return ``value`` as text safe inside HTML text and quoted attribute values.

    Control characters that HTML cannot hold become U+FFFD, and lone
    surrogates (possible in decoded scraped bytes) are replaced too, so the
    result always encodes as UTF-8.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    text = "" if value is None else str(value)
    text = _CONTROL.sub("\ufffd", text)
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    return html.escape(text, quote=True)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def wikidata_url(canonical_id: str | None) -> str | None:
    """Return the Wikidata page of ``canonical_id`` when it is a QID, else ``None``.

    >>> wikidata_url("Q1")
    'https://www.wikidata.org/wiki/Q1'
    >>> wikidata_url("kim-jong-un") is None
    True
    """
    if not canonical_id:
        return None
    match = QID.match(canonical_id.strip())
    return f"https://www.wikidata.org/wiki/{match.group(1)}" if match else None


def language_colour(language: str | None) -> tuple[str, str]:
    """Return the ``(background, border)`` colours of passages in ``language``."""
    return LANGUAGE_COLOURS.get((language or "").split("-")[0], _OTHER_LANGUAGE)


def label_colour(label: str) -> tuple[str, str]:
    """Return the ``(background, text)`` colours of entity mentions labelled ``label``."""
    return LABEL_COLOURS.get(label, _OTHER_LABEL)


_LATIN = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial'
_KO = '"Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "Nanum Gothic"'
_ZH = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB"'
_ZH_TW = '"Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei"'


def _colour_rules() -> str:
    rules = []
    for language, (background, border) in LANGUAGE_COLOURS.items():
        rules.append(
            f'.nk .seg[data-lang="{language}"]{{background:{background};'
            f"box-shadow:inset 0 -1px 0 {border}}}"
            f'.nk .lang-key[data-lang="{language}"]{{background:{background};'
            f"border-color:{border}}}"
        )
    for label, (background, colour) in LABEL_COLOURS.items():
        rules.append(
            f'.nk mark.ent[data-label="{label}"],.nk .ent-key[data-label="{label}"]'
            f"{{background:{background};color:{colour}}}"
        )
    return "".join(rules)


#: The style sheet of every view; all rules are scoped under the ``.nk`` class.
CSS = (
    f".nk{{font-family:{_LATIN},{_KO},{_ZH},sans-serif;line-height:1.6;color:#1d1d1f;"
    "overflow-wrap:anywhere;max-width:72rem}"
    f".nk :lang(ko){{font-family:{_KO},{_LATIN},sans-serif;word-break:keep-all}}"
    f".nk :lang(zh){{font-family:{_ZH},{_LATIN},sans-serif}}"
    f".nk :lang(zh-Hant),.nk :lang(zh-TW){{font-family:{_ZH_TW},{_ZH},sans-serif}}"
    ".nk .doc{border:1px solid #d0d4dc;border-radius:8px;padding:.8rem 1.1rem;margin:1rem 0;"
    "background:#fff}"
    ".nk .doc h2{font-size:1.25rem;margin:.2rem 0 .6rem}"
    ".nk dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;"
    "margin:.4rem 0 .8rem;font-size:.92rem}"
    ".nk dl.meta dt{color:#5b6270;font-weight:600}.nk dl.meta dd{margin:0}"
    ".nk .status-failed{color:#b00020;font-weight:700}.nk .status-ok{color:#1c7c3a}"
    ".nk .failure{border-left:4px solid #b00020;background:#fdecee;padding:.5rem .8rem;"
    "margin:.6rem 0;white-space:pre-wrap}"
    ".nk .text{white-space:pre-wrap;font-size:1rem;margin:.6rem 0}"
    ".nk .seg{border-radius:2px}"
    ".nk mark.ent{border-radius:3px;padding:0 .12em;font-weight:600}"
    ".nk mark.ent sub{font-size:.62em;font-weight:700;margin-left:.15em;opacity:.85}"
    ".nk .ids-toggle{font-size:.82rem;color:#5b6270;cursor:pointer}"
    ".nk article:has(input.show-ids:checked) mark.ent::after{content:' [' attr(data-info) ']';"
    "font-size:.7em;font-weight:400}"
    ".nk .legend{font-size:.82rem;color:#5b6270;margin:.3rem 0}"
    ".nk .legend span{display:inline-block;margin-right:.4rem;padding:0 .35rem;"
    "border:1px solid transparent;border-radius:3px}"
    ".nk details{margin:.5rem 0}.nk summary{cursor:pointer;color:#3b4a66;font-weight:600}"
    ".nk table{border-collapse:collapse;font-size:.88rem;margin:.4rem 0;width:100%}"
    ".nk th,.nk td{border:1px solid #dde1e8;padding:.25rem .45rem;text-align:left;"
    "vertical-align:top}"
    ".nk th{background:#f4f6f9}"
    ".nk table.align td{width:50%;white-space:pre-wrap}"
    ".nk ol.removed{font-size:.88rem;padding-left:1.6rem}"
    ".nk ol.removed li{margin:.2rem 0;white-space:pre-wrap}"
    ".nk del{background:#ffe3e3;color:#8a1c1c;text-decoration:line-through}"
    ".nk .ctx{color:#8a8f99}"
    ".nk .rule{display:inline-block;font-size:.75rem;font-family:ui-monospace,monospace;"
    "background:#eef0f4;border-radius:3px;padding:0 .3rem;margin-right:.4rem;color:#3b4a66}"
    ".nk code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em}"
    ".nk .muted{color:#8a8f99}" + _colour_rules()
)


def page_head(title: str, head: str = "", *, scripts: bool = False) -> str:
    """Return the start of a self-contained page, up to and including ``<div class="nk">``.

    The page fetches nothing: no external style sheets, fonts or scripts, and
    its Content-Security-Policy forbids loading anything from the network.
    Scripts run only when ``scripts`` is true (the corpus report's inline
    charts); a document view runs none at all. End the page with :data:`PAGE_TAIL`.
    """
    script_src = "'unsafe-inline' 'unsafe-eval'" if scripts else "'none'"
    policy = (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_src}; "
        "img-src data: blob:; font-src data:"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>body{{margin:1.2rem;background:#f7f8fa}}"
        f"{CSS}</style>{head}</head>"
        '<body><div class="nk">'
    )


#: The end of a page begun with :func:`page_head`.
PAGE_TAIL = "</div></body></html>\n"


def page(title: str, body: str, head: str = "", *, scripts: bool = False) -> str:
    """Return a complete, self-contained HTML page around ``body`` (already HTML).

    See :func:`page_head` for what the page may load and run.
    """
    return page_head(title, head, scripts=scripts) + body + PAGE_TAIL
