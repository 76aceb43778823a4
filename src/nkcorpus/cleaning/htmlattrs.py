"""What the attributes of an HTML tag say about its element: roles, visibility, its values.

:func:`read_attributes` reads the attributes of one start tag (the text between
its name and ``>``) that :mod:`nkcorpus.cleaning.htmlpage` needs: the roles that
the ``class``, ``id``, ``role``, ``itemprop``, ``rel`` and ``aria-labelledby`` words name,
and those of the hooks a site names elements by for its scripts and tests
(``data-testid``, ``data-test``, ``data-qa``, ``data-component``, ...: navigation,
share buttons, bylines, captions, ...), whether the element is hidden, and the
values of ``datetime`` and ``lang``.

>>> values, roles, hidden = read_attributes(' class="metaInfoAuthorList" hidden')
>>> sorted(roles), hidden
(['author'], True)
"""

from __future__ import annotations

import functools
import html
import re

__all__ = [
    "for_screen_readers",
    "links_to_writer",
    "read_attributes",
    "screen_reader_classes",
    "writer_url",
]

_ROLE_ATTRIBUTES = re.compile(
    r"(?<![^\W_])(?:nav|menu|breadcrumbs?|share|social|sns|related|footer|sidebar|cookie|consent"
    r"|comment|caption|byline|author|dateline|copyright|tags?|promo|newsletter|subscribe|banner|ad"
    r"|login|reviews?|testimonials?)(?![^\W_])"
    r"|(?<![a-z])(?:author(?:name)?|byline|writer|reporter|journalist)(?![a-z])",  # "blog_author"
    re.IGNORECASE,
)
#: Where a camel-case class name starts a word (``"metaInfoAuthorList"``).
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: :data:`_ROLE_ATTRIBUTES` for lower-case ASCII words, with a look at the first letter
#: that lets the scan skip the positions where no word can start.
_ROLE_WORDS = re.compile(rf"(?=[abcdfjlmnprstw])(?:{_ROLE_ATTRIBUTES.pattern})")
#: The attributes that name an element for a site's own scripts and tests, whose words say
#: what it is as a class does (``data-testid="byline"``, BBC's ``data-component="byline-block"``,
#: The Telegraph's ``data-test="author-name"``, The Washington Post's ``data-qa="author-byline"``,
#: Nature's ``data-test="authors-list"``, CBC's ``data-cy="author-text"``).
_TEST_HOOKS = (
    "data-testid", "data-test", "data-test-id", "data-ui-testid", "data-qa", "data-cy",
    "data-component",
)  # fmt: skip
#: One attribute: its name and, when it has one, its value (quoted or bare).
_ATTR = re.compile(r"""([^\s="'<>/]++)(?:\s*+=\s*+("[^"]*+"|'[^']*+'|[^\s>]++))?""")
#: The attributes read.
_WANTED = frozenset(
    ["class", "id", "role", "itemprop", "hidden", "aria-hidden", "style", "datetime", "lang",
     "xml:lang", "rel", "aria-labelledby", *_TEST_HOOKS]
)  # fmt: skip
_STREAMED = re.compile(r"S:[0-9a-f]+")  # <div hidden id="S:1">: streamed in, shown (React)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: The classes of text that only screen readers read, which style sheets keep off the
#: screen: Korean sites' ``blind`` (``<h2 class="blind">기사 본문 영역</h2>``, "the article's
#: body") and ``screen_out``, Gnuboard's ``sound_only``, Bootstrap's ``sr-only`` and
#: ``visually-hidden`` (``u-visually-hidden`` as utility classes write it), WordPress's
#: ``screen-reader-text``, Drupal's ``element-invisible``, and ``a11y``, the class of the
#: regions where a page announces its changes to screen readers (CBC's ``<div
#: id="a11yNotification" class="a11y" role="alert">…Loaded</div>``).
_SCREEN_READER_ONLY = re.compile(
    r"(?<![\w-])(?:u-)?(?:blind|screen_out|sound_only|sr-only|visually-?hidden"
    r"|screen-?reader-(?:text|only)|element-invisible|a11y|a11y-(?:hidden|only|text))(?![\w-])",
    re.IGNORECASE,
)
_NONE: frozenset[str] = frozenset()


def for_screen_readers(attributes: dict[str, str]) -> bool:
    """Whether the values of a tag's attributes (:func:`read_attributes`'s) hide its text
    from the screen for screen readers alone (``class="visually-hidden"``, ``"blind"``).

    >>> for_screen_readers({"class": "sr-only"}), for_screen_readers({"hidden": ""})
    (True, False)
    """
    return "class" in attributes and bool(_SCREEN_READER_ONLY.search(attributes["class"]))


#: A page's style elements, whose rules may name its own classes of text for screen readers.
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_BRACE = re.compile(r"[{}]")
#: A class selector alone (``.bbc-1gnhmg2``), one of a rule's comma-separated selectors.
_CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
#: The declarations that take an element off the screen for screen readers alone: clipped
#: to nothing (``clip: rect(1px, 1px, 1px, 1px)``, ``clip: rect(0 0 0 0)``, ``clip-path:
#: inset(50%)``) at one pixel's size, absolutely placed.
_CLIPPED = re.compile(
    r"clip:rect\((?:0(?:px)?,?){4}\)|clip:rect\((?:1px,?){4}\)|clip-path:inset\((?:50|100)%\)"
)
_ONE_PIXEL = re.compile(r"(?:^|;)(?:width|height):1px(?:;|$)")


def screen_reader_classes(source: str) -> frozenset[str]:
    """The classes that the page's own style sheets (its ``style`` elements) set off the
    screen for screen readers alone, as :func:`for_screen_readers` reads the common ones:
    a class selector alone whose rule, outside any ``@media`` or other at-rule, clips the
    element to nothing at one pixel's size and places it absolutely (the generated classes
    of CSS-in-JS sites: BBC's ``.bbc-1gnhmg2{clip-path:inset(100%);clip:rect(1px, 1px, 1px,
    1px);height:1px;overflow:hidden;position:absolute;width:1px}`` over ``"图像加注文字，"``,
    "image caption,").

    >>> sorted(screen_reader_classes(
    ...     "<style>.a{color:red}.x-1{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px}"
    ...     "@media print{.b{position:absolute;clip:rect(0 0 0 0);width:1px}}</style>"))
    ['x-1']
    """
    found: set[str] = set()
    for sheet in _STYLE_ELEMENT.findall(source):
        if "clip" not in sheet:
            continue
        selectors: list[str] = []  # the open blocks' selectors, innermost last
        at = 0
        for brace in _BRACE.finditer(sheet):
            text = sheet[at : brace.start()]
            at = brace.end()
            if brace.group() == "{":
                selectors.append(text.strip())
                continue
            if not selectors:
                continue
            selector = selectors.pop()
            if selectors or "clip" not in text:
                continue  # inside an at-rule, or no clip
            rule = "".join(text.split()).lower()
            if _CLIPPED.search(rule) and _ONE_PIXEL.search(rule) and "position:absolute" in rule:
                for part in selector.split(","):
                    match = _CLASS_SELECTOR.fullmatch(part.strip())
                    if match:
                        found.add(match.group(1))
    return frozenset(found)


#: The path of a writer's page (``/author/jane-doe/``, ``/authors/12``, ``/reporter/1372``).
_WRITER_PATH = re.compile(r"/(?:authors?|reporters?)/[^/?#\s\"']", re.IGNORECASE)


def links_to_writer(source: str) -> bool:
    """Whether the attributes of an ``a`` start tag (``source``: the text after its name)
    link to a writer's page, as WordPress and many news sites link a byline's names.

    >>> links_to_writer(' class="x" href="https://example.com/report/author/heba/"')
    True
    >>> links_to_writer(' href="/author/"'), links_to_writer(' title="/author/jane"')
    (False, False)
    """
    for key, value in _ATTR.findall(source):
        if key.lower() == "href":
            return writer_url(value)
    return False


def writer_url(url: str) -> bool:
    """Whether ``url`` is a writer's page (``/author/jane-doe/``, ``/authors/12``, a
    paper's ``/reporter/1372``).

    >>> writer_url("https://example.com/author/jane-doe/"), writer_url("/authors/")
    (True, False)
    >>> writer_url("http://www.chinatimes.com/reporter/1372"), writer_url("/reports/1372")
    (True, False)
    """
    return _WRITER_PATH.search(url) is not None


@functools.lru_cache(maxsize=8192)
def _roles(marks: str) -> frozenset[str]:
    """The roles that a tag's class, id, role and itemprop words name; ``_`` and ``-`` set
    words apart (``menu_list``, ``share-bar``), and a word only counts whole (``navbar``
    and ``menus`` name none).

    >>> [sorted(_roles(marks)) for marks in ("menu_list", "share-bar news_related", "navbar")]
    [['menu'], ['related', 'share'], []]
    """
    if not marks.islower():  # "metaInfoAuthorList": its words
        marks = _CAMEL.sub("-", marks)
    if marks.isascii():  # case folds only within ASCII: match the lower-case words
        found = _ROLE_WORDS.findall(marks.lower())
    else:
        found = [m.lower() for m in _ROLE_ATTRIBUTES.findall(marks)]
    if not found:
        return _NONE
    return frozenset("author" if m.startswith("author") else m.rstrip("s") for m in found)


@functools.lru_cache(maxsize=8192)
def read_attributes(source: str) -> tuple[dict[str, str], frozenset[str], bool]:
    """Read the attributes of a start tag (``source``: the text after its name).

    Returns:
        The values of the attributes that matter (``class``, ``id``, ``role``,
        ``itemprop``, ``rel``, the test hooks, ``aria-labelledby``, ``hidden``,
        ``aria-hidden``, ``style``, ``datetime``, ``lang``), decoded; the roles that the
        ``class``, ``id``, ``role``, ``itemprop``, ``rel``, the test hooks
        (``data-testid``, ``data-qa``, ...; React sites: ``"byline-contributors"``) and
        ``aria-labelledby`` (the id of the element that
        names a region: ``"article-byline"``) words name; and whether the attributes hide the
        element (``hidden``, but for a part that a React page streams in,
        ``<div hidden id="S:1">``, a tab panel not chosen yet, ``role="tabpanel"``, and
        ``hidden="until-found"``; ``aria-hidden="true"``; ``display: none``; a class of
        text for screen readers alone, ``blind``, ``sr-only``, ``screen-reader-text``).
    """
    out: dict[str, str] = {}
    low = source.lower()
    if not (
        "class" in low
        or "id" in low  # id, hidden, aria-hidden, data-testid
        or "data-" in low  # data-test, data-qa, data-component, ...
        or "style" in low
        or "role" in low
        or "itemprop" in low
        or "rel" in low  # rel="author", aria-labelledby
        or "datetime" in low
        or "lang" in low  # lang, xml:lang
    ):
        return out, _NONE, False  # none of the attributes read here
    for key, value in _ATTR.findall(source):
        key = key.lower()
        if key not in _WANTED or key in out:
            continue
        if value[:1] in "\"'":
            value = value[1:-1]
        out[key] = html.unescape(value) if "&" in value else value
    get = out.get
    marks = " ".join(
        [get("class", ""), get("id", ""), get("role", ""), get("itemprop", ""), get("rel", ""),
         get("aria-labelledby", ""), *(get(hook, "") for hook in _TEST_HOOKS)]
    )  # fmt: skip
    roles = _roles(marks) if marks.strip() else _NONE
    hidden = (
        (
            "hidden" in out
            and not _STREAMED.fullmatch(get("id", ""))
            # a tab panel not chosen yet, text that find-in-page reveals: the page's own
            and get("role") != "tabpanel"
            and out["hidden"].lower() != "until-found"
        )
        or get("aria-hidden") == "true"
        or ("style" in out and bool(_HIDDEN_STYLE.search(out["style"])))
        or for_screen_readers(out)
    )
    return out, roles, hidden
