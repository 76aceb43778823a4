"""Decoding and cleaning: raw bytes or text in, clean text with an offset map out.

:func:`nkcorpus.clean` runs this package alone; :func:`nkcorpus.process` runs it as
its first stage. ``nkcorpus.cleaning.decode`` turns bytes into text,
``nkcorpus.cleaning.unicode`` holds the character rules,
``nkcorpus.cleaning.layout`` reads scraped pages (with the line rules of
``nkcorpus.cleaning.boilerplate`` and ``nkcorpus.cleaning.metadata``),
``nkcorpus.cleaning.cleaner`` chains them into one offset map. Matching keys
across spellings and scripts live in :mod:`nkcorpus.text.keys`.

HTML input goes through ``nkcorpus.cleaning.htmlmain``: nkcorpus reads the
page's visible text itself, piece by piece with the raw span of each
(``nkcorpus.cleaning.htmlpage``), lets trafilatura decide which paragraphs are
the article, and aligns trafilatura's paragraphs back to the visible text, so
the offset map stays exact while the choice of body is trafilatura's. Every
block left out is recorded as a removal with a rule name (``navigation``,
``byline``, ``caption``, ...); the page's metadata comes from its markup in one
documented order (``nkcorpus.cleaning.htmlmeta``). Markdown input goes through
``nkcorpus.cleaning.markdown`` (markdown-it-py's block map, front matter to
metadata).
"""
