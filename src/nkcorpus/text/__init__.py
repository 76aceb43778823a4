"""What every stage knows about text, defined once.

The bottom layer of nkcorpus: it imports nothing from the stages, and every stage takes
its text knowledge from here rather than writing its own.

- :mod:`nkcorpus.text.codes`: language codes and their aliases (``zh-TW`` is ``zh-Hant``),
  and the codes Stanza and Argos Translate use;
- :mod:`nkcorpus.text.scripts`: Unicode script ranges and the classification of text by
  script (Hangul, Han Simplified/Traditional/shared, kana, alphabets);
- :mod:`nkcorpus.text.chinese`: Traditional and Simplified Chinese conversion (OpenCC);
- :mod:`nkcorpus.text.hangul`: Hangul syllables and North to South Korean spelling;
- :mod:`nkcorpus.text.keys`: matching keys across spellings and scripts;
- :mod:`nkcorpus.text.sentences`: the one sentence splitter, with exact spans.
"""
