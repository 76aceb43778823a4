"""What a writer's name carries after it in a byline but is not part of it.

:func:`without_role` serves the ``authors`` rule of :mod:`nkcorpus.cleaning.htmlmeta`:
a desk's label (``"張立勳／特稿"``), a staff title (``"Adam Aaronson PhillyVoice Staff"``),
the site's name and what follows it (``"Kelli Miller WebMD Health News"``), an editor's
credit after the writer's (``"Rob Ewaschuk Edited by Betsy Beyer"``). :func:`posted_by`
reads a blog's unmarked ``"Posted by …"`` line.
"""

from __future__ import annotations

import re

from nkcorpus.cleaning.titles import match_key

__all__ = ["posted_by", "without_role"]

#: What a name carries after it but is not part of it: a desk's label (``"張立勳／特稿"``),
#: a staff title (``"Adam Aaronson PhillyVoice Staff"``, with the site's name before it).
_ROLE_AFTER = re.compile(
    r"\s*[／/]\s*(?:特稿|專題|专题|專欄|专栏|評論|评论|專訪|专访|綜合|综合)$"
    r"|\s+(?:staff(?:\s+(?:writer|reporter))?|contributor|contributing\s+writer|correspondent)$",
    re.IGNORECASE,
)
#: An editor's or illustrator's credit after the writer's name: not part of it.
_CREDIT_AFTER = re.compile(
    r"\s+(?:edited|illustrated|illustrations|photographs|photos|reviewed|fact[- ]checked)"
    r"\s+by\b.*$",
    re.IGNORECASE,
)
#: An outlet's news desk after the name, the outlet written as an acronym or in camel case
#: (``"WebMD Health News"``, ``"NBC News"``).
_NEWS_AFTER = re.compile(r"\s+[A-Z][\w&]*[A-Z][\w&]*(?:\s+[A-Z][a-z]+)?\s+News$")


def without_role(name: str, site_keys: set[str]) -> str:
    """``name`` without a desk label or staff title after it, nor the site's name before
    that; without the site's name and the words after it when two words or more come
    before it; without an outlet's news desk (``"WebMD Health News"``) or an editor's
    credit after it.

    >>> without_role("Adam Aaronson PhillyVoice Staff", {"phillyvoice"})
    'Adam Aaronson'
    >>> without_role("Kelli Miller WebMD Health News", set())
    'Kelli Miller'
    >>> without_role("Anna Lee CityPress Reporter", {"citypress"})
    'Anna Lee'
    >>> without_role("Rob Ewaschuk Edited by Betsy Beyer", set())
    'Rob Ewaschuk'
    """
    name = _NEWS_AFTER.sub("", _CREDIT_AFTER.sub("", name))
    words = name.split()
    for index in range(2, len(words)):
        if match_key(words[index]) in site_keys:
            return " ".join(words[:index])
    match = _ROLE_AFTER.search(name)
    if match is None:
        return name
    words = name[: match.start()].split()
    for size in (3, 2, 1):
        if len(words) > size and match_key(" ".join(words[-size:])) in site_keys:
            words = words[:-size]
            break
    return " ".join(words)


#: A blog's line naming who posted the piece, unmarked as a byline: ``"Posted by Andrew
#: Hayden, Software Engineer on Google Play"``, ``"Posted by kovarex, TOGos on 2019-02-15"``.
_POSTED_BY = re.compile(
    r"^(?:posted|written|published)\s+by:?\s+(?P<names>.+?)(?:,?\s+(?:on|at|in)\s.*)?$",
    re.IGNORECASE,
)
#: A job title given after a name in such a line: not a name itself.
_JOB = re.compile(
    r"(?:^|\s)(?:senior\s+|staff\s+|principal\s+|lead\s+)?(?:software\s+|product\s+)?"
    r"(?:engineer|developer|manager|director|designer|scientist|researcher|analyst"
    r"|advocate|editor|writer|reporter|intern|president|officer|founder|ceo|cto)s?$",
    re.IGNORECASE,
)


def posted_by(lines: list[str]) -> tuple[str, ...]:
    """The names of the first ``"Posted by …"`` line among ``lines`` (up to 120 characters),
    without the date or place after them nor a job title among them.

    >>> posted_by(["Home", "Posted by Andrew Hayden, Software Engineer on Google Play"])
    ('Andrew Hayden',)
    >>> posted_by(["Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts"])
    ('kovarex', 'TOGos', 'Ernestas', 'Albert')
    """
    for line in lines:
        match = _POSTED_BY.match(" ".join(line.split())) if len(line) <= 120 else None
        if match:
            parts = re.split(r"\s*(?:,|;|&|\band\b)\s*", match["names"])
            names = [p for p in parts if p and not _JOB.search(p) and len(p.split()) <= 4]
            if names:
                return tuple(names)
    return ()
