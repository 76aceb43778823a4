"""Dates and times as news pages write them, to ISO 8601.

>>> find_date("Posted March. 14, 2012 07:41,")
'2012-03-14T07:41'
>>> find_date("입력 2023.09.21 오후 2:30")
'2023-09-21T14:30'
>>> find_date("2023年9月21日 10:05")
'2023-09-21T10:05'
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE", "find_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

#: A date in any of the supported forms, as a regular expression (no groups captured).
DATE = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_MONTH}\.?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?"
    r"|(?:19|20)\d\d\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?)"
)

_DATE_FORMS = re.compile(
    rf"(?P<mon_a>{_MONTH})\.?\s+(?P<day_a>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year_a>(?:19|20)\d\d)"
    rf"|(?P<day_b>\d{{1,2}})\s+(?P<mon_b>{_MONTH})\.?,?\s+(?P<year_b>(?:19|20)\d\d)"
    r"|(?P<year_c>(?:19|20)\d\d)\s*[-./]\s*(?P<mon_c>\d{1,2})\s*[-./]\s*(?P<day_c>\d{1,2})\.?"
    r"|(?P<year_d>(?:19|20)\d\d)\s*[年년]\s*(?P<mon_d>\d{1,2})\s*[月월]\s*(?P<day_d>\d{1,2})"
    r"\s*[日일]?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\s*,?\s*(?:(?P<ampm_a>오전|오후|上午|下午|AM|PM)\s*)?"
    r"(?P<hour>\d{1,2})\s*(?::|시|时|時)\s*(?P<minute>\d{2})"
    r"(?:\s*(?::|분|分)\s*(?P<second>\d{2}))?\s*(?:분|分|秒|초)?"
    r"\s*(?P<ampm_b>a\.?m\.?|p\.?m\.?|AM|PM)?"
    r"(?:\s*\(?(?P<zone>KST|UTC|GMT|JST|[+-]\d\d:?\d\d)\)?)?",
    re.IGNORECASE,
)
_ZONES = {"KST": "+09:00", "JST": "+09:00", "UTC": "+00:00", "GMT": "+00:00"}


def find_date(text: str) -> str | None:
    """Return the first valid date in ``text`` (with its time when one follows) in ISO 8601.

    Returns ``None`` when there is no date with a year.
    """
    for match in _DATE_FORMS.finditer(text):
        groups = {k[:-2]: v for k, v in match.groupdict().items() if v is not None}
        month = groups["mon"]
        month_number = _MONTHS[month[:3].lower()] if month[:1].isalpha() else int(month)
        try:
            date = dt.date(int(groups["year"]), month_number, int(groups["day"]))
        except ValueError:
            continue
        iso = date.isoformat()
        time = _TIME.match(text, match.end())
        if time is not None:
            iso += _time(time) or ""
        return iso
    return None


def _time(match: re.Match[str]) -> str | None:
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"]) if match["second"] else None
    ampm = (match["ampm_a"] or match["ampm_b"] or "").lower().replace(".", "")
    if ampm in ("오후", "下午", "pm") and hour < 12:
        hour += 12
    elif ampm in ("오전", "上午", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    out = f"T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    zone = match["zone"]
    if zone:
        zone = _ZONES.get(zone.upper(), zone)
        if zone[0] in "+-" and ":" not in zone:
            zone = zone[:3] + ":" + zone[3:]
        out += zone
    return out
