"""Dates and times as news pages write them, to ISO 8601.

>>> find_date("Posted March. 14, 2012 07:41,")
'2012-03-14T07:41'
>>> find_date("입력 2023.09.21 오후 2:30")
'2023-09-21T14:30'
>>> find_date("2023年9月21日 10:05")
'2023-09-21T10:05'
>>> find_date("11.14.2019 09:00 AM"), find_date("14/11/2019"), find_date("04/11/2019")
('2019-11-14T09:00', '2019-11-14', None)
>>> find_date("By Justine Coleman - 11/18/19 11:04 PM EST"), find_date("04/11/19")
('2019-11-18T23:04-05:00', None)
>>> find_date("7/5/2005 9:23:57 PM"), find_date("7/05/2005 9:23 PM"), find_date("7/5/2005")
('2005-07-05T21:23:57', None, None)
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "DATE",
    "DATE_PATTERN",
    "TIME_PATTERN",
    "day_alone",
    "find_date",
    "opens_with_stamp",
    "yearless_stamp",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

# Numbers with the year last are read only where the order is plain: a day past 12
# first (``14.11.2019``, day first) or second (``11.14.2019``, month first). Where both
# could be a month (``04/11/2019``) the page's convention is unknown, and no date is read,
# but where they are the same number (``03/03/2026``).
_DAY_PAST_12 = r"(?:1[3-9]|2\d|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_YEAR_LAST = r"[-./]\s*(?:19|20)\d\d(?!\d)"
#: A year of two digits after a slash, as US pages stamp their stories (``11/18/19``): read
#: as 2000 and after (1970 and after for 70 to 99), where the day is past 12 too.
_SHORT_YEAR_LAST = r"/\d\d(?![\d/])"
#: Where both numbers could be a month, one convention still tells: month and day without
#: a leading zero and a clock of 12 hours after the year (``7/5/2005 9:23:57 PM``) is how US
#: software writes a moment, month first; the day-first conventions that use a 12-hour
#: clock write the month with two digits (``7/05/2005``), or the date with dashes.
_US_MONTH, _US_DAY = r"(?:[1-9]|1[0-2])", r"(?:[1-9]|[12]\d|3[01])"
_US_CLOCK_AFTER = r"(?=\s+\d{1,2}:\d\d(?::\d\d)?\s*[ap]\.?m(?![a-z]))"
#: Where the day is the month (``03/03/2026``, a forum's stamp), either order reads the
#: same date.
_DAY_IS_MONTH = "|".join(
    [*(f"0?{m}[-./]0?{m}" for m in range(1, 10)), "10[-./]10", "11[-./]11", "12[-./]12"]
)

#: The Republic of China's era, whose years Taiwan's government and papers count from
#: 1912 (``中華民國113年1月5日``: 2024-01-05).
_ROC = r"(?:中華民國|中华民国|民國|民国)"
#: The Juche era of North Korea's calendar, whose years count from 1912 (its state media's
#: ``주체112(2023)년 9월 21일``, with the common era's year in brackets, or without it).
_JUCHE = r"(?:주체|主体|主體)"
#: A date written in Chinese numerals, as official documents and state papers date them
#: (``二〇二三年九月二十一日``): the year digit by digit, the month and day as numbers.
_ZH_YEAR = r"[〇零一二三四五六七八九]{4}"
_ZH_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"
_ZH_DAY = r"(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_NUMERALS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
#: A date in any of the supported forms, as a regular expression (no groups captured).
DATE = (
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{_MONTH}\.?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\.?"
    r"|(?:19|20)\d\d\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?"
    rf"|{_ROC}\s*\d{{2,3}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日?"
    rf"|{_JUCHE}\s*\d{{1,3}}\s*(?:[(（]\s*(?:19|20)\d\d\s*[)）])?\s*[年년]\s*\d{{1,2}}\s*[月월]"
    r"\s*\d{1,2}\s*[日일]?"
    rf"|(?<!\d){_DAY_PAST_12}[-./]{_MONTH_NUMBER}{_YEAR_LAST}"
    rf"|(?<!\d){_MONTH_NUMBER}[-./]{_DAY_PAST_12}{_YEAR_LAST}"
    rf"|(?<![\d/]){_DAY_PAST_12}/{_MONTH_NUMBER}{_SHORT_YEAR_LAST}"
    rf"|(?<![\d/]){_MONTH_NUMBER}/{_DAY_PAST_12}{_SHORT_YEAR_LAST}"
    rf"|(?<![\d/]){_US_MONTH}/{_US_DAY}/(?:19|20)\d\d{_US_CLOCK_AFTER}"
    rf"|(?<!\d)(?:{_DAY_IS_MONTH}){_YEAR_LAST}"
    rf"|{_ZH_YEAR}\s*年\s*{_ZH_MONTH}\s*月\s*{_ZH_DAY}\s*日)"
)
#: :data:`DATE` compiled, case-insensitive: to find a date in a line or take it out.
DATE_PATTERN = re.compile(DATE, re.IGNORECASE)

_DATE_FORMS = re.compile(
    rf"(?P<mon_a>{_MONTH})\.?\s+(?P<day_a>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year_a>(?:19|20)\d\d)"
    rf"|(?P<day_b>\d{{1,2}})\s+(?P<mon_b>{_MONTH})\.?,?\s+(?P<year_b>(?:19|20)\d\d)"
    r"|(?P<year_c>(?:19|20)\d\d)\s*[-./]\s*(?P<mon_c>\d{1,2})\s*[-./]\s*(?P<day_c>\d{1,2})\.?"
    r"|(?P<year_d>(?:19|20)\d\d)\s*[年년]\s*(?P<mon_d>\d{1,2})\s*[月월]\s*(?P<day_d>\d{1,2})"
    r"\s*[日일]?"
    rf"|{_ROC}\s*(?P<roc_j>\d{{2,3}})\s*年\s*(?P<mon_j>\d{{1,2}})\s*月\s*(?P<day_j>\d{{1,2}})\s*日?"
    rf"|{_JUCHE}\s*(?P<juche_k>\d{{1,3}})\s*(?:[(（]\s*(?P<year_k>(?:19|20)\d\d)\s*[)）])?"
    r"\s*[年년]\s*(?P<mon_k>\d{1,2})\s*[月월]\s*(?P<day_k>\d{1,2})\s*[日일]?"
    rf"|(?<!\d)(?P<day_e>{_DAY_PAST_12})[-./](?P<mon_e>{_MONTH_NUMBER})"
    r"[-./]\s*(?P<year_e>(?:19|20)\d\d)(?!\d)"
    rf"|(?<!\d)(?P<mon_f>{_MONTH_NUMBER})[-./](?P<day_f>{_DAY_PAST_12})"
    r"[-./]\s*(?P<year_f>(?:19|20)\d\d)(?!\d)"
    rf"|(?<![\d/])(?P<day_g>{_DAY_PAST_12})/(?P<mon_g>{_MONTH_NUMBER})/(?P<year_g>\d\d)(?![\d/])"
    rf"|(?<![\d/])(?P<mon_h>{_MONTH_NUMBER})/(?P<day_h>{_DAY_PAST_12})/(?P<year_h>\d\d)(?![\d/])"
    rf"|(?<![\d/])(?P<mon_i>{_US_MONTH})/(?P<day_i>{_US_DAY})/(?P<year_i>(?:19|20)\d\d)"
    rf"{_US_CLOCK_AFTER}"
    # day and month the same number (checked where it is read)
    rf"|(?<!\d)(?P<mon_l>{_MONTH_NUMBER})[-./](?P<day_l>{_MONTH_NUMBER})"
    r"[-./]\s*(?P<year_l>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<year_z>{_ZH_YEAR})\s*年\s*(?P<mon_z>{_ZH_MONTH})\s*月\s*(?P<day_z>{_ZH_DAY})\s*日",
    re.IGNORECASE,
)
_ZONE = r"KST|UTC|GMT|JST|HKT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|Z|[+-]\d\d:?\d\d"
#: The US zones that pages name without saying standard or daylight time (``"8:54 am PT"``):
#: their offset on a date follows that date's US daylight-saving rules.
_US_ZONES = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}  # fmt: skip
_CLOCK = (
    r"(?:(?P<ampm_a>오전|오후|上午|下午|AM|PM)\s*)?"
    r"(?P<hour>\d{1,2})\s*(?::|시|时|時|h)\s*(?P<minute>\d{2})"
    r"(?:\s*(?::|분|分)\s*(?P<second>\d{2}))?\s*(?:분|分|秒|초)?"
    r"\s*(?P<ampm_b>a\.?m\.?|p\.?m\.?|AM|PM)?"
    rf"(?:\s*\(?(?P<zone>(?:{_ZONE})(?![A-Za-z]))\)?)?"
)
#: A weekday in brackets between a Korean, Chinese or Japanese date and its time
#: (``"2023년 09월 21일(목) 14:30"``, ``"2023年9月21日（四）"``).
_CJK_WEEKDAY = r"[(（](?:[월화수목금토일月火水木金土日一二三四五六]|星期[一二三四五六日天])[)）]"
#: The time that follows a date, with what separates them and its zone (``" 14:30"``,
#: ``", 오후 2:30"``, ``" (19:11)"``, ``" / 03:38 PM MDT"``, ``" at 0h00"``, ``" - 07:29 GMT"``,
#: ``"(목) 14:30"``, ``"T14:30"``), to match right after the date.
TIME_PATTERN = re.compile(
    rf"(?:T|[\s,/(]*(?:{_CJK_WEEKDAY}\s*)?(?:[-–—|·][\s,]*)?(?:at\s+|@\s*)?){_CLOCK}\)?",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
#: A time before the date, a weekday between them or not: ``"7:40 p.m. ET March 17,
#: 2020"``, ``"3:27 am PST, Wednesday, November 20, 2019"``.
_TIME_BEFORE = re.compile(rf"{_CLOCK}[\s,]*(?:{_WEEKDAY}[\s,]*)?$", re.IGNORECASE)
#: How far before a date a time is looked for (a clock, its zone and a weekday).
_TIME_BEFORE_CHARS = 40
#: Zones by abbreviation; in English text CST is US Central time, as US pages mean it.
_ZONES = {
    "KST": "+09:00", "JST": "+09:00", "HKT": "+08:00", "UTC": "+00:00", "GMT": "+00:00",
    "Z": "+00:00",
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00",
}  # fmt: skip


def find_date(text: str, anchor: dt.datetime | None = None) -> str | None:
    """Return the first valid date in ``text`` (with its time when one follows) in ISO 8601.

    The time zone is part of the result when the text states one (``KST``,
    ``+09:00``, ``PST``; ``ET`` or ``PT`` by the US daylight-saving rules of that date).
    A relative date (``"3 hours ago"``, ``"3시간 전"``, ``"昨天"``) is read only
    against ``anchor``, the moment the page was fetched.

    >>> find_date("2시간 전", anchor=dt.datetime(2023, 4, 7, 15, 0))
    '2023-04-07T13:00'
    >>> find_date("2시간 전") is None
    True

    Returns ``None`` when there is no date with a year (and no anchor for a
    relative one).
    """
    found = _absolute(text)
    if found is None and anchor is not None:
        return _relative(text, anchor)
    return found


_RELATIVE = re.compile(
    r"(?P<count>\d{1,3})\s*(?P<unit>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d"
    r"|weeks?|w|초|분|시간|일|주|秒|秒钟|秒鐘|分钟|分鐘|小时|小時|天|周|週)\s*(?:ago|전|前)"
    r"|(?P<word>yesterday|today|어제|오늘|昨天|今天)",
    re.IGNORECASE,
)
#: A stamp that tells when but names no year: a time after a weekday, a month's day,
#: ``today`` or ``yesterday``, or alone; or a relative time.
_YEARLESS = re.compile(
    rf"(?:(?:{_WEEKDAY}|yesterday|today|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)"
    r"[\s,]++(?:at\s+|@\s*)?)?\d{1,2}:\d\d\s*+(?:[ap]\.?m\.?)?"  # spaces looked at once
    rf"(?:\s*+\(?(?:{_ZONE})\)?)?|{_RELATIVE.pattern}"
    # months or years ago: a stamp, with no day to read from it
    r"|\d{1,2}\s*(?:months?|mos?|years?|yrs?|개월|년|个月|個月|年)\s*(?:ago|전|前)",
    re.IGNORECASE,
)


_AROUND_STAMP = " \t\r\n•·|-–—"  # white space and separators around a stamp


def yearless_stamp(text: str) -> bool:
    """Whether ``text`` is a stamp alone that tells when but names no year, which
    :func:`find_date` cannot read without the moment the page was fetched: a time after a
    weekday, a month's day, ``today`` or ``yesterday``, or alone, or a relative time;
    separators around it (``"Monday 5:30PM •"``) are let be.

    >>> [yearless_stamp(s) for s in ("Monday 5:30PM", "Nov 13 at 4:26 pm", "1 day ago")]
    [True, True, True]
    >>> [yearless_stamp(s) for s in ("3시간 전", "Yesterday 2:45PM", "4:26 pm EST", "4 months ago")]
    [True, True, True, True]
    >>> [yearless_stamp(s) for s in ("3 seconds ago", "45s ago", "10秒前", "30초 전")]
    [True, True, True, True]
    >>> [yearless_stamp(s) for s in ("Monday", "Nov 13, 2019", "Filed to: Apple 5:30")]
    [False, False, False]
    """
    return _YEARLESS.fullmatch(text.strip(_AROUND_STAMP)) is not None


def opens_with_stamp(text: str) -> bool:
    """Whether ``text`` opens with a stamp that names no year (:func:`yearless_stamp`)
    and goes on with words: a teaser's line in a list of the latest stories.

    >>> opens_with_stamp("3h ago Why the gamble was a necessary evil"), opens_with_stamp("3h ago")
    (True, False)
    >>> opens_with_stamp("3 Days in Pyongyang")
    False
    """
    text = text.lstrip(_AROUND_STAMP)
    match = _YEARLESS.match(text)
    return match is not None and _OPENING_WORD.match(text, match.end()) is not None


_OPENING_WORD = re.compile(r"[\s•·|–—-]+[^\W\d_]")


#: A day of a month with no year, a weekday before it or not (``"Wednesday, November 20"``,
#: ``"20 Nov"``), or a weekday alone.
_DAY_ALONE = re.compile(
    rf"(?:{_WEEKDAY},?\s*)?"
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?)?",
    re.IGNORECASE,
)


def day_alone(text: str) -> bool:
    """Whether ``text`` is a day of a month with no year, or a weekday, and nothing else:
    the date a site's header shows (``"Wednesday,"`` over ``"November 20"``), never a
    headline.

    >>> [day_alone(s) for s in ("November 20", "Wed, Nov 20", "Wednesday,", "20 Nov.", "3rd May")]
    [True, True, True, True, True]
    >>> [day_alone(s) for s in ("Nov 20, 2019", "May Day", "March 2019", "")]
    [False, False, False, False]
    """
    text = text.strip(_AROUND_STAMP + ",")
    return bool(text) and _DAY_ALONE.fullmatch(text) is not None


_UNITS = {
    "sec": "seconds", "s": "seconds", "초": "seconds", "秒": "seconds", "秒钟": "seconds",
    "秒鐘": "seconds",
    "min": "minutes", "m": "minutes", "분": "minutes", "分钟": "minutes", "分鐘": "minutes",
    "hou": "hours", "hrs": "hours", "hr": "hours", "h": "hours",
    "시간": "hours", "小时": "hours", "小時": "hours",
    "day": "days", "일": "days", "天": "days",
    "d": "days", "wee": "weeks", "w": "weeks", "주": "weeks", "周": "weeks", "週": "weeks",
}  # fmt: skip


def _relative(text: str, anchor: dt.datetime) -> str | None:
    match = _RELATIVE.search(text)
    if match is None:
        return None
    if match["word"]:
        back = 1 if match["word"].lower() in ("yesterday", "어제", "昨天") else 0
        return (anchor.date() - dt.timedelta(days=back)).isoformat()
    unit = match["unit"].lower()
    name = _UNITS.get(unit) or _UNITS.get(unit[:3], "days")
    moment = anchor - dt.timedelta(**{name: int(match["count"])})
    if name in ("days", "weeks"):
        return moment.date().isoformat()
    return moment.isoformat(timespec="minutes")


#: The first year of the Republic of China's era, and of North Korea's Juche era.
_ROC_FIRST = _JUCHE_FIRST = 1912


def _absolute(text: str) -> str | None:
    for match in _DATE_FORMS.finditer(text):
        groups = {k[:-2]: v for k, v in match.groupdict().items() if v is not None}
        if match["year_z"]:  # in Chinese numerals
            groups = {key: str(_zh_number(value)) for key, value in groups.items()}
        month = groups["mon"]
        if match["mon_l"] and int(month) != int(groups["day"]):
            continue  # both numbers could be the month: the order is unknown
        month_number = _MONTHS[month[:3].lower()] if month[:1].isalpha() else int(month)
        if "year" in groups:
            year = int(groups["year"])
        elif "juche" in groups:
            year = _JUCHE_FIRST + int(groups["juche"]) - 1
        else:
            year = _ROC_FIRST + int(groups["roc"]) - 1
        if year < 100:  # "11/18/19"
            year += 2000 if year < 70 else 1900
        try:
            date = dt.date(year, month_number, int(groups["day"]))
        except ValueError:
            continue
        iso = date.isoformat()
        time = TIME_PATTERN.match(text, match.end())
        if time is None:
            time = _TIME_BEFORE.search(
                text, max(0, match.start() - _TIME_BEFORE_CHARS), match.start()
            )
        if time is not None:
            iso += _time(time, date) or ""
        return iso
    return None


def _zh_number(numerals: str) -> int:
    """A year written digit by digit (``二〇二三``), or a month's or day's number
    (``九``, ``十二``, ``二十一``), in Chinese numerals.

    >>> _zh_number("二〇二三"), _zh_number("十二"), _zh_number("二十一"), _zh_number("三十")
    (2023, 12, 21, 30)
    """
    if "十" not in numerals:
        return int("".join(str(_ZH_NUMERALS[c]) for c in numerals))
    tens, _, ones = numerals.partition("十")
    return 10 * (_ZH_NUMERALS[tens] if tens else 1) + (_ZH_NUMERALS[ones] if ones else 0)


def _time(match: re.Match[str], date: dt.date) -> str | None:
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
        out += _offset(zone.upper(), dt.datetime(date.year, date.month, date.day, hour, minute))
    return out


def _offset(zone: str, moment: dt.datetime) -> str:
    """The UTC offset a zone name or number stands for at ``moment`` (``ET``, ``CT``,
    ``MT`` and ``PT`` follow US daylight-saving time)."""
    if zone in _US_ZONES:
        try:
            from zoneinfo import ZoneInfo

            offset = moment.replace(tzinfo=ZoneInfo(_US_ZONES[zone])).utcoffset()
        except (ImportError, KeyError, OSError):
            return ""
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        sign = "+" if minutes >= 0 else "-"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    zone = _ZONES.get(zone, zone)
    if ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return "+00:00" if zone == "-00:00" else zone
