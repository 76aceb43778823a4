"""A progress line on standard error: documents done, documents per second, failures.

On a terminal the line redraws in place a few times a second (``\\r``); when
standard error is a file or a pipe, a plain line is printed every
``interval`` seconds instead, so logs stay readable.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from nkcorpus.corpus.summary import Summary

__all__ = ["Progress"]


class Progress:
    """Reports a run's progress from its :class:`~nkcorpus.corpus.summary.Summary`.

    Args:
        stream: where to write (default: standard error).
        enabled: ``False`` writes nothing.
        interval: seconds between reports; 0.2 on a terminal and 10 otherwise by default.
    """

    def __init__(
        self, stream: TextIO | None = None, *, enabled: bool = True, interval: float | None = None
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        isatty = getattr(self.stream, "isatty", None)
        self.tty = bool(isatty and isatty())
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self.started = time.monotonic()
        self._last = self.started
        self._first: int | None = None
        self._drawn = False

    def line(self, summary: Summary) -> str:
        """Return the progress text for ``summary`` (documents, rate, failures, cache hits)."""
        if self._first is None:
            self._first = summary.documents
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = (summary.documents - self._first) / elapsed
        text = (
            f"nkcorpus: {summary.documents:,} documents, {rate:,.1f} documents/s, "
            f"{summary.status.get('failed', 0):,} failed"
        )
        if summary.cached:
            text += f", {summary.cached:,} cached"
        return text

    def start(self, summary: Summary) -> None:
        """Note the documents already done (a resumed run) so the rate counts only new ones."""
        self._first = summary.documents
        self.started = self._last = time.monotonic()

    def update(self, summary: Summary) -> None:
        """Report if ``interval`` seconds have passed since the last report."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.interval:
            return
        self._last = now
        self._write(self.line(summary))

    def _write(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + text)
            self._drawn = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self, summary: Summary) -> None:
        """Write the final figures and end the line."""
        if not self.enabled:
            return
        if self.tty:
            self._write(self.line(summary))
            self.stream.write("\n")
            self.stream.flush()
