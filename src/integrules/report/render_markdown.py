"""Markdown: headings, paragraphs and pipe tables."""

from __future__ import annotations

from typing import Any

from ..escaping import markdown
from .blocks import all_blocks


def _cell(value: Any) -> str:
    return markdown(str(value))  # pipes, links, tags and control characters from the data are text


def render(report: dict[str, Any]) -> str:
    out = []
    for block in all_blocks(report):
        if block[0] == "h":
            out.append("#" * block[1] + " " + markdown(block[2]) + "\n")
        elif block[0] == "p":
            out.append(markdown(block[1]) + "\n")
        else:
            headers, rows = block[1], block[2]
            lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines) + "\n" if rows else "(ingen / none)\n")
    return "\n".join(out)
