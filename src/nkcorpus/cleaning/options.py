"""Settings of the cleaning stage: one switch per rule.

>>> from nkcorpus.cleaning.options import CleanOptions
>>> CleanOptions(quotes="straighten", boilerplate=False).normalization
'NFC'
"""

from __future__ import annotations

import attrs

from nkcorpus.validators import flag, one_of

__all__ = ["FULLWIDTH_CHOICES", "NORMALIZATION_CHOICES", "QUOTE_CHOICES", "CleanOptions"]

#: Values of :attr:`CleanOptions.normalization`.
NORMALIZATION_CHOICES = ("NFC", "NFKC", None)
#: Values of :attr:`CleanOptions.fullwidth`.
FULLWIDTH_CHOICES = ("alnum", "all", "off")
#: Values of :attr:`CleanOptions.quotes`.
QUOTE_CHOICES = ("keep", "straighten")


@attrs.frozen
class CleanOptions:
    """Which cleaning rules run. Every rule is on by default except where noted.

    Each rule that changes a document is recorded as a step named
    ``clean.<rule>`` in :attr:`Document.steps <nkcorpus.Document.steps>`.

    Attributes:
        html: when the input is an HTML page, drop tags, scripts, styles and
            navigation, turn block elements into paragraph breaks and decode
            character references (rule ``clean.html``).
        main_content: for an HTML page, keep only the article as trafilatura
            finds it; every other visible block is recorded as a removal with the
            rule that says what it was (``navigation``, ``byline``, ``caption``,
            ...). Off: keep every visible block but scripts and hidden elements.
            For a markdown scrape of a whole page, the lines that are not the
            article (menus, link lists) leave the text (rule ``not-main-content``).
        markdown: when the input is a markdown document (front matter, or two
            kinds of markdown syntax), turn it into plain text: front matter to
            metadata, markup out, link text kept and URLs to metadata, images
            out (rule ``clean.markdown``); the date and byline next to the first
            level-one heading fill the metadata the front matter and the layout leave
            empty.
        mojibake: repair text that was decoded with the wrong encoding
            (``"Itâ€™s"`` to ``"It’s"``) with ftfy, only on lines that show
            evidence of it (rule ``clean.mojibake``).
        invisible: remove zero-width characters, soft hyphens, bidi controls,
            Hangul fillers, NUL and other control characters (rule
            ``clean.invisible``). A zero-width joiner inside an emoji sequence stays.
        unify_newlines: turn ``\\r\\n``, ``\\r`` and the other line separators
            into ``\\n`` (rule ``clean.newlines``).
        spaces: turn tabs, no-break spaces and the other odd spaces into a
            plain space (rule ``clean.spaces``); together with
            :attr:`collapse_whitespace`, runs of spaces become one.
        fullwidth: full-width forms to ASCII: ``"alnum"`` (the default) for
            letters and digits, and the marks inside a number or word that they
            write (``４．３``, ``１９９５－２００５``, ``５０％``), which keeps the
            full-width punctuation that Chinese and Japanese use (``，``, ``：``,
            ``（``) elsewhere; ``"all"`` for
            punctuation too; ``"off"`` for none (rule ``clean.fullwidth``).
        normalization: ``"NFC"`` (the default), ``"NFKC"`` or ``None``
            (rule ``clean.nfc`` or ``clean.nfkc``). NFKC leaves Hangul
            compatibility jamo (``ㅋㅋ``) and half-width Hangul alone, because
            turning them into conjoining jamo changes Korean text.
        keep_cjk_compatibility: keep CJK compatibility ideographs (U+F900 to
            U+FAFF, U+2F800 to U+2FA1F) as they are instead of replacing them with
            their unified ideographs, as both normalization forms otherwise do;
            Korean texts use them to mark a reading of a Hanja. Off by default.
        backtick_apostrophe: a backtick used as an apostrophe (``"It`s"``,
            ``"defectors`"``) becomes ``'`` (rule ``clean.apostrophe``).
        quotes: ``"keep"`` curly quotes (the default) or ``"straighten"`` them to
            ``'`` and ``"`` (rule ``clean.quotes``).
        collapse_whitespace: strip spaces at the start and end of lines,
            collapse runs of spaces, keep single line breaks and make every
            paragraph break exactly ``\\n\\n`` (rule ``clean.whitespace``).
        boilerplate: remove the furniture of scraped pages, one line at a time
            and each removal recorded with its rule: share buttons, font-size
            widgets, breadcrumbs, menus, "Top 10 Stories", "go top", close
            buttons, login and comment prompts, comment policies, language
            switches, skip links, related-article labels and copyright lines.
        captions: keep one copy of a photo caption printed twice, mark it as a
            caption region and record the other copy as removed.
        metadata: find the title, subtitle, byline, dateline, signature and
            credit lines, record their values in
            :class:`~nkcorpus.Metadata` and remove them from the body text.
    """

    html: bool = attrs.field(default=True, validator=flag)
    main_content: bool = attrs.field(default=True, validator=flag)
    markdown: bool = attrs.field(default=True, validator=flag)
    mojibake: bool = attrs.field(default=True, validator=flag)
    invisible: bool = attrs.field(default=True, validator=flag)
    unify_newlines: bool = attrs.field(default=True, validator=flag)
    spaces: bool = attrs.field(default=True, validator=flag)
    fullwidth: str = attrs.field(default="alnum", validator=one_of(FULLWIDTH_CHOICES))
    normalization: str | None = attrs.field(
        default="NFC", validator=one_of(NORMALIZATION_CHOICES)
    )
    keep_cjk_compatibility: bool = attrs.field(default=False, validator=flag)
    backtick_apostrophe: bool = attrs.field(default=True, validator=flag)
    quotes: str = attrs.field(default="keep", validator=one_of(QUOTE_CHOICES))
    collapse_whitespace: bool = attrs.field(default=True, validator=flag)
    boilerplate: bool = attrs.field(default=True, validator=flag)
    captions: bool = attrs.field(default=True, validator=flag)
    metadata: bool = attrs.field(default=True, validator=flag)
