"""Escaping text from the input (ids, kommune, names, free text) for each output format.

What a case file holds is data, never markup or commands: a spreadsheet must not run an id as a
formula, a terminal must not obey an escape sequence in a kommune's name, a Markdown viewer must
not turn an id into a link or a script. HTML is escaped by its template engine (autoescape).
"""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC among them), DEL, line and paragraph separators, and the
# bidirectional overrides and isolates that can make text read differently than it is stored.
_OTHERS = "\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069"
_CONTROL = re.compile("[\\x00-\\x1f" + _OTHERS + "]")
_CONTROL_BUT_NEWLINE = re.compile("[\\x00-\\x09\\x0b-\\x1f" + _OTHERS + "]")
# What can make a link, an image, an HTML tag, code or a new table cell. (Emphasis with * and _ only
# changes how text looks; requirement ids are full of underscores, so they are left alone.)
_MARKDOWN = re.compile(r"([\\`\[\]<>|])")
# A spreadsheet reads a cell starting with these as a formula (or, for tab and CR, may).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _shown(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with control characters written out (``ESC`` as ``\\x1b``), safe to print on a terminal.

    ``keep_newlines`` leaves line breaks alone (for a whole block of output made of lines)."""
    pattern = _CONTROL_BUT_NEWLINE if keep_newlines else _CONTROL
    if type(text) is not str:
        text = str(text)
    if pattern.search(text) is None:  # the common case: nothing to do, no copy
        return text
    return pattern.sub(_shown, text)


def markdown(text: str) -> str:
    """``text`` as literal Markdown text: control characters written out, markup characters
    (links, images, HTML tags, code, table pipes) backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", terminal(str(text)))


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text starting with ``= + - @``, tab or CR gets a
    leading apostrophe (OWASP's advice); control characters are written out (a bare CR splits a row
    in some readers); numbers are unchanged."""
    if type(value) is not str:
        return value
    return "'" + terminal(value) if value.startswith(FORMULA_START) else terminal(value)
