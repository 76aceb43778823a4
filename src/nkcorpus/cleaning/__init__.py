"""Decoding and cleaning: raw bytes or text in, clean text with an offset map out.

:func:`nkcorpus.clean` runs this package alone; :func:`nkcorpus.process` runs it as
its first stage. ``nkcorpus.cleaning.decode`` turns bytes into text,
``nkcorpus.cleaning.unicode`` holds the character rules,
``nkcorpus.cleaning.layout`` reads scraped pages (with the line rules of
``nkcorpus.cleaning.boilerplate`` and ``nkcorpus.cleaning.metadata``),
``nkcorpus.cleaning.cleaner`` chains them into one offset map. Matching keys
across spellings and scripts live in :mod:`nkcorpus.text.keys`.

HTML input is handled by ``nkcorpus.cleaning.html``, not by an extractor
such as trafilatura. An extractor returns new text with no way back to the
page source, and nkcorpus promises that every clean character maps to the raw
input; it would also add lxml and a dozen other dependencies for input that is
rare in this corpus (scraped plain text). Instead, tags, comments, scripts,
styles and navigation elements are removed as edits, block elements become
paragraph breaks and character references are decoded, so the offset map
stays exact; the page-layout rules then treat the result like any scraped page.
"""
