"""Markdown: headings, paragraphs and pipe tables."""

from __future__ import annotations

from typing import Any

from .blocks import all_blocks


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render(report: dict[str, Any]) -> str:
    out = []
    for block in all_blocks(report):
        if block[0] == "h":
            out.append("#" * block[1] + " " + block[2] + "\n")
        elif block[0] == "p":
            out.append(block[1] + "\n")
        else:
            headers, rows = block[1], block[2]
            lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines) + "\n" if rows else "(ingen / none)\n")
    return "\n".join(out)
