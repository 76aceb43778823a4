"""Language codes: the one alias table, and the codes of the libraries nkcorpus drives.

nkcorpus labels languages with BCP 47 style codes: ``en``, ``ko``, ``ja``, and Chinese
as ``zh-Hans`` (Simplified), ``zh-Hant`` (Traditional) or plain ``zh`` when the script
is not known. Other spellings of the same language (``zh-CN``, ``zh_tw``, ``ZH-HK``) are
aliases, read through :func:`normalize`. Stanza and Argos Translate have codes of their
own, given by :func:`stanza_code` and :func:`argos_code`.

>>> normalize("zh_TW"), normalize("zh-cn"), normalize("KO")
('zh-Hant', 'zh-Hans', 'ko')
>>> base_language("zh-Hant"), stanza_code("zh"), argos_code("zh-Hant")
('zh', 'zh-hans', 'zh')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "ALIASES",
    "UNDETERMINED",
    "argos_code",
    "base_language",
    "normalize",
    "stanza_code",
    "target_code",
]

#: The code of a passage whose language cannot be told.
UNDETERMINED = "und"

#: Other spellings of a code, lower case, mapped to nkcorpus's code.
ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "zh-hans": "zh-Hans",
        "zh-cn": "zh-Hans",
        "zh-sg": "zh-Hans",
        "zh-my": "zh-Hans",
        "zh-hans-cn": "zh-Hans",
        "zh-hant": "zh-Hant",
        "zh-tw": "zh-Hant",
        "zh-hk": "zh-Hant",
        "zh-mo": "zh-Hant",
        "zh-hant-tw": "zh-Hant",
        "zh-hant-hk": "zh-Hant",
        "kor": "ko",
        "eng": "en",
        "zho": "zh",
        "chi": "zh",
        "jpn": "ja",
    }
)


def normalize(code: str) -> str:
    """Return nkcorpus's code for ``code`` (any case, ``_`` or ``-``, aliases resolved).

    >>> normalize("zh-Hans"), normalize(" EN "), normalize("zh")
    ('zh-Hans', 'en', 'zh')
    """
    key = code.strip().replace("_", "-").lower()
    return ALIASES.get(key, key)


def base_language(code: str | None) -> str:
    """Return the language of a code without script or region (``und`` when empty).

    >>> base_language("zh-Hant"), base_language("ko"), base_language(None)
    ('zh', 'ko', 'und')
    """
    if not code or not code.strip():
        return UNDETERMINED
    return normalize(code).split("-")[0]


def stanza_code(code: str) -> str:
    """Return Stanza's code for a language: lower case, Chinese always with its script.

    >>> stanza_code("zh-Hans"), stanza_code("zh"), stanza_code("zh-TW"), stanza_code("ko")
    ('zh-hans', 'zh-hans', 'zh-hant', 'ko')
    """
    code = normalize(code)
    return "zh-hans" if code == "zh" else code.lower()


def argos_code(code: str) -> str:
    """Return Argos Translate's code: Chinese in either script is ``zh``.

    >>> argos_code("zh-Hant"), argos_code("ko")
    ('zh', 'ko')
    """
    code = normalize(code)
    return "zh" if base_language(code) == "zh" else code


def target_code(code: str) -> str:
    """Return the code a translation into ``code`` is labelled with.

    Argos ``zh`` packages write Simplified Chinese, so any Chinese target is ``zh-Hans``.

    >>> target_code("zh"), target_code("ko")
    ('zh-Hans', 'ko')
    """
    return "zh-Hans" if argos_code(code) == "zh" else normalize(code)
