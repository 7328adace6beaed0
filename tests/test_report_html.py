"""The HTML report in real headless Chromium: it renders, shows its charts, logs no console errors.

The fixture uses Chromium when it is installed (`.ci/run` installs Debian's `chromium` package
when it can); else the tests skip with the reason. A test never installs anything itself.
"""

import os
import re
import shutil
import subprocess
import tempfile

import pytest

from integrules.cli import main

pytest.importorskip("jinja2", reason="the 'report' extra is not installed (pip install 'integrules[report]')")
pytest.importorskip("matplotlib", reason="the 'report' extra is not installed (pip install 'integrules[report]')")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0"]


def _find() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


@pytest.fixture(scope="session")
def chromium():
    path = _find()
    if not path:
        pytest.skip("Chromium is not installed (apt-get install chromium, as .ci/run does, or set up any "
                    "chromium/google-chrome on PATH): the HTML report is not checked in a browser")
    return path


def _browse(chromium: str, html_path: str) -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", f"file://{html_path}"],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def _print(chromium: str, html_path, pdf_path) -> bytes:
    """Chromium's print to PDF (A4 from the page's @page rule, no header or footer): the PDF's bytes."""
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}",
                               "--no-pdf-header-footer", f"file://{html_path}"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return pdf_path.read_bytes()


def pdf_pages(data: bytes, path=None) -> int:
    """The page count: pdfinfo's (poppler-utils) when installed, else the page objects in the bytes."""
    if path is not None and shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60).stdout
        found = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if found:
            return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def _screenshot(chromium: str, html_path, png_path, size=(1100, 1500)) -> bytes:
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png_path}",
                               f"--window-size={size[0]},{size[1]}", "--hide-scrollbars", f"file://{html_path}"],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return png_path.read_bytes()


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "Uncaught" in line or re.search(r"CONSOLE\(\d+\)|console", line, re.I) or "Refused to" in line]


@pytest.mark.parametrize("extra", [[], ["--compare", "2024-02-28"]], ids=["single", "compare"])
def test_html_renders_with_charts_in_chromium(chromium, tmp_path, capsys, extra):
    out = tmp_path / "rapport.html"
    assert main(["report", "--example", "--format", "html", "-o", str(out), *extra]) == 0
    html = out.read_text(encoding="utf-8")
    # No network: nothing loads from elsewhere (namespace URIs and cited URLs in the text are not fetched).
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html) and "url(http" not in html and "<script" not in html
    dom, stderr = _browse(chromium, str(out))
    assert "Oppfølgingsrapport" in dom and "</table>" in dom
    charts = re.findall(r'<figure id="chart-(\w+)"', dom)
    assert "norwegian" in charts
    if extra:
        assert dom.count("<svg") >= 1 and ("change" in charts or "compliance" not in charts)
    assert dom.count("<svg") == len(charts) >= 1
    assert _console_errors(stderr) == [], stderr[-2000:]


def test_all_three_charts_with_rules_in_chromium(chromium, tmp_path):
    import copy
    import datetime as dt

    import reportplugin
    from integrules import Engine
    from integrules.reading import parse_document
    from integrules.report import build_report, compare, render

    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])

    def at(day):
        header, records = parse_document(copy.deepcopy(reportplugin.CASES))
        return build_report(engine, records, dt.date.fromisoformat(day), kommune=header.kommune)

    report = at("2024-06-01")
    report["compare"] = compare(at("2024-02-01"), report)
    out = tmp_path / "r.html"
    out.write_text(render(report, "html"), encoding="utf-8")
    dom, stderr = _browse(chromium, str(out))
    assert re.findall(r'<figure id="chart-(\w+)"', dom) == ["compliance", "change", "norwegian"]
    assert dom.count("<svg") == 3 and "il.kontrakt" in dom
    assert _console_errors(stderr) == [], stderr[-2000:]


def test_console_errors_are_detected(chromium, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>")
    _, stderr = _browse(chromium, str(bad))
    assert _console_errors(stderr), "the console-error check would miss a real error"


# -- the committee's report: first page per area, print to A4, language ------------------------------------


def _example_html(tmp_path, *extra):
    out = tmp_path / "rapport.html"
    assert main(["report", "--example", "--format", "html", "-o", str(out), *extra]) == 0
    return out


def test_committee_report_prints_to_at_most_eight_a4_pages(chromium, tmp_path):
    # The example's report without worklists, compared with February as the seed's follow-up was.
    html = _example_html(tmp_path, "--compare", "2024-02-28", "--no-worklists")
    pdf = tmp_path / "rapport.pdf"
    data = _print(chromium, html, pdf)
    assert data.startswith(b"%PDF")
    pages = pdf_pages(data, pdf)
    assert 2 <= pages <= 8, f"{pages} pages"
    # The first page is the per-area summary: its A4 page holds the whole table (a page break follows it).
    assert "break-before: page" in html.read_text(encoding="utf-8")
    # With the worklists (last, on their own pages) it is longer, never shorter.
    (tmp_path / "full").mkdir()
    full = _example_html(tmp_path / "full", "--compare", "2024-02-28")
    assert pdf_pages(_print(chromium, full, tmp_path / "full.pdf"), tmp_path / "full.pdf") > pages


def test_pdf_page_count_by_bytes_matches_pdfinfo(chromium, tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    html = _example_html(tmp_path, "--no-worklists")
    pdf = tmp_path / "r.pdf"
    data = _print(chromium, html, pdf)
    assert pdf_pages(data) == pdf_pages(data, pdf) >= 2


def test_committee_report_screenshot(chromium, tmp_path):
    html = _example_html(tmp_path, "--compare", "2024-02-28")
    png = _screenshot(chromium, html, tmp_path / "first-page.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1100, 1500)
    assert len(png) > 20_000  # a page with text and bars, not a blank one
    dom, stderr = _browse(chromium, str(html))
    # The first page: one row per area of the law, in the plugins' order, with the change since February.
    areas = re.findall(r'<tr data-area="([\w:]+)"', dom)
    assert areas[:3] == ["vedtak", "kartlegging", "plan"] and "nir" in areas
    assert "Endring siden 28.02.2024" in dom and "▲" in dom
    assert _console_errors(stderr) == [], stderr[-2000:]


@pytest.mark.parametrize("lang, present, absent", [
    ("nb", ["ikke oppfylt", "Status per område", "frist ikke nådd"], ["not met", "Status per area"]),
    ("en", ["not met", "Status per area", "pending"], ["ikke oppfylt", "Status per område"]),
    ("both", ["ikke oppfylt / not met", "Status per område / Status per area"], []),
])
def test_language_of_the_report(tmp_path, lang, present, absent):
    html = _example_html(tmp_path, "--lang", lang).read_text(encoding="utf-8")
    for text in present:
        assert text in html, text
    for text in absent:
        assert text not in html, text
    # Statuses are words, never codes; the worklist is there (last) unless left out.
    codes = "not_met|not_applicable" if lang == "en" else "not_met|not_applicable|pending|unknown"  # en: words too
    assert not re.search(rf">\s*({codes})\s*<", html)
    assert "not_met" not in html and html.index('id="worklists"') > html.index('id="norwegian"')


def test_numbers_right_aligned_and_percent_unbroken(tmp_path):
    html = _example_html(tmp_path).read_text(encoding="utf-8")
    assert "th.num, td.num { text-align: right;" in html and "td.num { white-space: nowrap; }" in html
    cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', html)
    assert cells and all(" %" not in c for c in cells)  # "22 %" keeps a no-break space
    assert any("\u00a0%" in c for c in cells)
    # Charts name areas and sub-tests by title, never by requirement id.
    for svg in re.findall(r"<svg.*?</svg>", html, re.S):
        assert "integreringsloven." not in svg and "kapittel_6a." not in svg


def test_print_rules(tmp_path):
    html = _example_html(tmp_path).read_text(encoding="utf-8")
    for rule in ("@page { size: A4;", "thead { display: table-header-group; }", "tr, figure, .key, .notice { break-inside: avoid; }",
                 "section.page { break-before: page; }"):
        assert rule in html, rule


def test_no_worklists_leaves_them_out(tmp_path):
    html = _example_html(tmp_path, "--no-worklists").read_text(encoding="utf-8")
    assert 'id="worklists"' not in html and 'id="nir"' in html


def test_requirement_new_since_the_compared_date_is_new_not_a_change():
    import copy
    import datetime as dt

    import reportplugin
    from integrules import Engine
    from integrules.reading import parse_document
    from integrules.report import build_report, compare, render

    engine = Engine(entry_points=False, plugins=[reportplugin.plugin])

    def at(day):
        header, records = parse_document(copy.deepcopy(reportplugin.CASES))
        return build_report(engine, records, dt.date.fromisoformat(day), kommune=header.kommune)

    early, late = at("2024-02-01"), at("2024-06-01")
    gone = "il.kontrakt"
    early["requirements"] = [r for r in early["requirements"] if r["id"] != gone]  # as if not yet in force
    late["compare"] = compare(early, late)
    row = next(r for r in late["compare"]["requirements"] if r["id"] == gone)
    assert row["change"] is None and row["in_force"] == {"earlier": False, "later": True}
    html = render(late, "html")
    kontrakt_row = re.search(r"Kontrakt <span class=\"id\">il.kontrakt</span>.*?</tr>", html, re.S).group(0)
    assert ">ny<" in kontrakt_row and "+" not in kontrakt_row
    text = render(late, "text")
    assert "+" not in next(line for line in text.splitlines() if line.lstrip().startswith("il.kontrakt") and "ikke i kraft" in line)


def test_docs_show_the_first_page_made_by_the_script(chromium, tmp_path):
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    image = root / "docs" / "images" / "report-first-page.png"
    assert "](images/report-first-page.png)" in (root / "docs" / "reports.md").read_text(encoding="utf-8")
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and image.stat().st_size < 150_000  # kept small
    spec = importlib.util.spec_from_file_location("make_screenshots", root / "docs" / "make_screenshots.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    made = script.first_page(tmp_path)
    data = made.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (script.WIDTH, script.HEIGHT)
    committed = image.read_bytes()
    assert (int.from_bytes(committed[16:20], "big"), int.from_bytes(committed[20:24], "big")) == (script.WIDTH, script.HEIGHT)


def test_the_first_printed_page_holds_the_summary_per_area(chromium, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    html = _example_html(tmp_path, "--compare", "2024-02-28", "--no-worklists")
    pdf = tmp_path / "r.pdf"
    _print(chromium, html, pdf)

    def page(n):
        return subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, timeout=60).stdout

    first = page(1)
    for text in ("Status per område", "Målgruppe, vedtak og", "Registrering i NIR", "Endring",
                 "NIR-punkter med mangler", "Mest å hente i dataene"):
        assert text in first, text
    assert re.search(r"[▲▼▶] [+−-]?\d+ pp", first), "a change with its arrow"
    assert "Krav per område" not in first and "Krav per område" in page(2)
