"""Reading a JSON case file as a stream, so that memory stays flat however many participants it holds.

The case file is an object (``kommune``, ``as_of``, ``settings`` and a ``participants`` array, in any
order) or a bare array of participants. :class:`CaseFileStream` reads the text in chunks and decodes
one participant at a time with :meth:`json.JSONDecoder.raw_decode`; only the participant being read
(and one chunk of text) is held in memory. No dependency beyond the standard library.

What happens where (docs/data-format.md, "Large files"):

- Everything before the first participant (the header keys written before ``participants``, the
  opening ``[``, the first participant's text) is read before any record is handed on: a file that
  breaks there raises :class:`~integrules.errors.InputError`, as a file read whole always did.
- When keys come *after* the participants (``json.dump(..., sort_keys=True)`` writes ``settings``
  after ``participants``) and the input can be read twice (a regular file), the participants are
  first skipped over once to read those keys, so the header is complete before the first record.
  Standard input cannot be read twice: a JSON case file on stdin is read whole (use JSON Lines for
  a stream on stdin).
- A participant that is valid JSON but cannot be decoded (nested deeper than Python's recursion
  limit, a number of thousands of digits) is skipped over by its brackets and yielded as
  :class:`Unreadable`: that record is rejected, the ones after it are still read.
- Keys given twice (``"participants"`` twice) are refused before the first record is handed on.
- A file that breaks *after* the first participant (truncated, a stray character) yields every
  participant read up to the break, then one :class:`~integrules.results.Rejection` saying where
  it broke (line and column) and that the rest of the file was not read. So nothing is dropped
  silently, and the counts still add up (read = evaluated + rejected).
"""

from __future__ import annotations

import io
import json
import mmap
import os
import re
from typing import IO, Any, Iterator

from .errors import InputError

CHUNK = 1 << 20  # characters read at a time
_MARGIN = 24  # a number or literal cut by a chunk boundary is at most this far from the end
_WS = re.compile(r"[ \t\n\r]*")
_TAIL = re.compile(r"\]\s*\}\s*\Z")
_decoder = json.JSONDecoder()
_SCAN = re.compile(r'["\[\]{},]')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.S)  # after an opening quote, through the closing one


class Unreadable:
    """A participant that is valid JSON but cannot be decoded: too deep, or a number too long."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


class Broken(Exception):
    """The text is not valid JSON at an absolute (line, column)."""

    def __init__(self, msg: str, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}: {msg}")
        self.msg, self.line, self.column = msg, line, column


class _Text:
    """A buffered text stream that knows the absolute line and column of its buffer."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line0 = 1  # line number of buf[0]
        self.col0 = 1  # column number of buf[0]

    def more(self) -> bool:
        """Read another chunk; False at end of input. Drops what has been consumed."""
        if self.eof:
            return False
        if self.pos:
            consumed = self.buf[: self.pos]
            newlines = consumed.count("\n")
            if newlines:
                self.line0 += newlines
                self.col0 = len(consumed) - consumed.rfind("\n")
            else:
                self.col0 += len(consumed)
            self.buf = self.buf[self.pos:]
            self.pos = 0
        chunk = self.fh.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def where(self, pos: int) -> tuple[int, int]:
        newlines = self.buf.count("\n", 0, pos)
        if newlines:
            return self.line0 + newlines, pos - self.buf.rfind("\n", 0, pos)
        return self.line0, self.col0 + pos

    def broken(self, msg: str, pos: int | None = None) -> Broken:
        return Broken(msg, *self.where(self.pos if pos is None else pos))

    def peek(self) -> str:
        """The next non-blank character ('' at end of input), without consuming it."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def expect(self, chars: str, what: str) -> str:
        c = self.peek()
        if not c or c not in chars:
            raise self.broken(f"Expecting {what}")
        self.pos += 1
        return c

    def value(self) -> Any:
        """Decode one JSON value at the current position, reading more text as needed."""
        self.peek()
        while True:
            try:
                value, end = _decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                # An error near the end of the buffer, or a string not closed yet, may only
                # mean the value goes on in the next chunk.
                cut = exc.pos >= len(self.buf) - _MARGIN or exc.msg.startswith("Unterminated string")
                if cut and not self.eof:
                    self.more()  # (may move the buffer: decode again either way)
                    continue
                raise self.broken(exc.msg, exc.pos) from None
            if end >= len(self.buf) - _MARGIN and self.buf[end - 1] not in '}]"' and not self.eof:
                self.more()  # a number may go on in the next chunk
                continue
            self.pos = end
            return value

    def skip_value(self) -> None:
        """Move past one JSON value without decoding it, by its brackets and strings (a value
        :meth:`value` cannot decode: too deep, a number too long). Raises Broken at end of input."""
        self.peek()
        depth = 0
        while True:
            m = _SCAN.search(self.buf, self.pos)
            if m is None:
                self.pos = len(self.buf)
                if not self.more():
                    if depth == 0:
                        return
                    raise self.broken("Expecting value")
                continue
            c = m.group()
            if c == '"':
                rest = _STRING_REST.match(self.buf, m.end())
                if rest is None:  # the string goes on in the next chunk: read it again from its quote
                    self.pos = m.start()
                    if not self.more():
                        raise self.broken("Unterminated string starting at", m.start())
                    continue
                self.pos = rest.end()
            elif c in "[{":
                depth += 1
                self.pos = m.end()
            elif depth == 0:  # ',' ']' '}' ending a value at the top
                self.pos = m.start()
                return
            elif c == ",":
                self.pos = m.end()
            else:
                depth -= 1
                self.pos = m.end()
                if depth == 0:
                    return

    def record(self) -> Any:
        """One participant: its decoded value, or :class:`Unreadable` (skipped over) when valid JSON
        cannot be decoded."""
        try:
            return self.value()
        except (RecursionError, ValueError) as exc:  # Broken (a syntax error) is neither
            self.skip_value()
            return Unreadable(_problem(exc))


def _problem(exc: BaseException) -> str:
    """What the decoder raised besides a syntax error, said without quoting the input."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return "a number too long to read" if "digits" in str(exc) else type(exc).__name__


class CaseFileStream:
    """Header keys and participants of one JSON case file, read as a stream.

    ``header`` holds the keys other than ``participants`` (as a dict, validated by the caller);
    :meth:`participants` yields ``(index, raw)`` pairs, and ``(index, Broken)`` once where the
    text breaks after the first participant.
    """

    def __init__(self, fh: IO[str], *, rereadable: bool | None = None) -> None:
        if rereadable is None:
            rereadable = _seekable(fh)
        if not rereadable:
            fh = io.StringIO(fh.read())  # stdin: read whole (JSON Lines streams on stdin)
        self.fh = fh
        self.text = _Text(fh)
        self.header: dict[str, Any] = {}
        self.kind = "object"
        self.scalar: Any = None  # the whole document when it is neither an object nor an array
        self._first: tuple[int, Any] | None = None
        self._done = False
        self._start()

    def _start(self) -> None:
        t = self.text
        c = t.peek()
        if c == "[":
            self.kind = "array"
            t.pos += 1
            self._peek_first()
            return
        if c != "{":
            self.kind = "scalar"
            self.scalar = t.value()
            self._end_of_document()
            return
        t.pos += 1
        if t.peek() == "}":
            t.pos += 1
            self._end_of_document()
            self.kind = "object-without-participants"
            return
        while True:
            key = self._key()
            if key == "participants" and t.peek() == "[":
                t.pos += 1
                self.header["participants"] = []  # a marker: the list itself is streamed
                start = (t.pos, t.line0, t.col0)
                if not self._tail_closes() or self._named_again():
                    self._read_trailing_keys(start)
                self._peek_first()
                return
            if key in self.header:  # json.loads would keep the last silently
                raise InputError(f"{key!r} is given twice")
            self.header[key] = t.value()
            if t.expect(",}", "',' delimiter") == "}":
                self._end_of_document()
                self.kind = "object-without-participants"
                return

    def _key(self) -> str:
        t = self.text
        if t.peek() != '"':
            raise t.broken("Expecting property name enclosed in double quotes")
        key = t.value()
        t.expect(":", "':' delimiter")
        return key

    def _tail_closes(self) -> bool:
        """True when the input ends with ``] }``: nothing can follow the participants' array."""
        try:
            if isinstance(self.fh, io.StringIO):
                tail = self.fh.getvalue()[-64:]
            else:
                fd = self.fh.fileno()
                size = os.fstat(fd).st_size
                tail = os.pread(fd, 64, max(0, size - 64)).decode("utf-8", "replace")
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            return False
        return bool(_TAIL.search(tail))

    def _named_again(self) -> bool:
        """True when ``"participants"`` occurs more than once in the input (a second key, or only
        the word in a value): the slow way (:meth:`_read_trailing_keys`) then decides. One pass over
        the bytes, at memory speed, instead of decoding every participant twice."""
        needle = '"participants"'
        if isinstance(self.fh, io.StringIO):
            text = self.fh.getvalue()
            return text.find(needle, text.find(needle) + 1) >= 0
        try:
            with mmap.mmap(self.fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
                raw = needle.encode()
                return mm.find(raw, mm.find(raw) + 1) >= 0
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            return True

    def _read_trailing_keys(self, start: tuple[int, int, int]) -> None:
        """Skip over the participants once to read the keys after them, then come back."""
        t = self.text
        fh_pos = self.fh.tell()
        saved = (t.buf, t.pos, t.eof, t.line0, t.col0)
        try:
            self._skip_array()
            while t.expect(",}", "',' delimiter") == ",":
                key = self._key()
                if key in self.header:
                    raise InputError(f"{key!r} is given twice")
                self.header[key] = t.value()
            self._end_of_document()
        except Broken:
            pass  # the stream reports where it breaks, after the participants read up to there
        self.fh.seek(fh_pos)
        t.buf, t.pos, t.eof, t.line0, t.col0 = saved

    def _skip_array(self) -> None:
        t = self.text
        if t.peek() == "]":
            t.pos += 1
            return
        while True:
            t.record()
            if t.expect(",]", "',' delimiter") == "]":
                return

    def _end_of_document(self) -> None:
        t = self.text
        if t.peek():
            raise t.broken("Extra data")

    def _peek_first(self) -> None:
        """Read the first participant now, so a file broken before it is an InputError."""
        t = self.text
        if t.peek() == "]":
            t.pos += 1
            self._done = True
            self._finish()
            return
        self._first = (0, t.record())

    def _finish(self) -> None:
        """After the participants' array: the rest of the object (trailing keys already read)."""
        t = self.text
        if self.kind == "array":
            self._end_of_document()
            return
        while t.expect(",}", "',' delimiter") == ",":
            key = self._key()
            value = t.value()
            if key == "participants":
                raise InputError("'participants' is given twice")
            if key not in self.header:
                self.header[key] = value
        self._end_of_document()

    def participants(self) -> Iterator[tuple[int, Any]]:
        if self._first is None:
            return
        t = self.text
        index, raw = self._first
        self._first = None
        yield index, raw
        try:
            while True:
                index += 1
                if t.expect(",]", "',' delimiter") == "]":
                    self._finish()
                    return
                yield index, t.record()
        except Broken as exc:
            yield index, exc
        except UnicodeDecodeError:
            line, column = t.where(len(t.buf))
            yield index, Broken("not UTF-8 text", line, column)

    def close(self) -> None:
        self.fh.close()


def _seekable(fh: IO[str]) -> bool:
    try:
        return fh.seekable() and fh.tell() >= 0
    except (OSError, ValueError, AttributeError):
        return False
