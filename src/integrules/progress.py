"""Progress on standard error for long runs (check, report, generate): total, rate and time left.

Only on a terminal: piped or redirected, nothing is written (the output stays byte-identical and
logs stay clean). Drawn by tqdm (the ``progress`` extra) when it is installed, else by a plain
counter that says the same things. A total is shown when the number of records is known up front.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any, Iterable, Iterator

WITH_TOTAL = "{desc}: {n_fmt}/{total_fmt} %s {bar} {percentage:3.0f} %% [{elapsed}<{remaining}, {rate_fmt}]"
NO_TOTAL = "{desc}: {n_fmt} %s [{elapsed}, {rate_fmt}]"


class Progress:
    """A progress line on ``stream`` (stderr), redrawn at most every half second, only when it is a terminal."""

    def __init__(self, label: str, stream: IO[str] | None = None, *, force: bool | None = None,
                 total: int | None = None, unit: str = "poster/records", verb: str = "lest/read") -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force if force is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = label
        self.total = total
        self.verb = verb
        self.count = 0
        self._start = time.monotonic()
        self._last = 0.0
        self._bar: Any = None
        if self.enabled:
            try:
                from tqdm import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                self._bar = tqdm(total=total, desc=label, file=self.stream, unit=f" {unit}", mininterval=0.5,
                                 bar_format=(WITH_TOTAL if total else NO_TOTAL) % verb, leave=True, ncols=_width(self.stream),
                                 nrows=24)  # a terminal reporting no size would otherwise hide the line

    def wrap(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.advance()
            yield item
        self.done()

    def advance(self, n: int = 1) -> None:
        """``n`` more records read."""
        self.count += n
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if now - self._last >= 0.5:
            self._last = now
            self.stream.write("\r" + self._line(now))
            self.stream.flush()

    def _line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        rate = self.count / elapsed
        text = f"{self.label}: {self.count}" + (f"/{self.total}" if self.total else "") + f" {self.verb}, {rate:.0f}/s"
        if self.total and rate > 0 and self.count < self.total:
            text += f", ca./about {(self.total - self.count) / rate:.0f} s igjen/left"
        return text

    def done(self) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.close()
            self._bar = None
            return
        if self.count:
            self.stream.write(f"\r{self._line(time.monotonic())}, ferdig/done\n")  # noqa: E501
            self.stream.flush()


def _width(stream: IO[str]) -> int:
    """The terminal's width; 100 when it reports none (a terminal without a size would hide tqdm's line)."""
    import os

    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = 0
    return min(columns, 120) if columns >= 40 else 100


def count_records(path: str) -> int | None:
    """The number of records in a case file, when cheap to know: a .jsonl file's non-empty lines, a .json
    file's participants; else None (CSV/xlsx: the progress shows no total)."""
    lower = path.lower()
    try:
        if lower.endswith((".jsonl", ".ndjson")):
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if lower.endswith(".json"):
            import json

            with open(path, encoding="utf-8") as fh:
                participants = json.load(fh).get("participants")
            return len(participants) if isinstance(participants, list) else None
    except (OSError, ValueError, AttributeError):
        return None  # the reader reports the problem; progress is only a help
    return None
