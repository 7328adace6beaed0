"""Make the images in docs/ from the bundled example: rerun after changing the report.

    python docs/make_screenshots.py            # writes docs/images/report-first-page.png
    python docs/make_screenshots.py OUT_DIR    # somewhere else

Needs the `report` extra and headless Chromium (Debian: apt-get install chromium). The report is
the example compared with 28.02.2024, as the seed's follow-up was; the image is the first page,
reduced to a small palette so the PNG stays small.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1000, 725  # CSS pixels: the first page (the table per area, the key figures, what to add first)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit("make_screenshots: no Chromium found (Debian: apt-get install chromium)")


def first_page(out_dir: Path) -> Path:
    """The committee report's first page as PNG in ``out_dir``; returns its path."""
    from integrules.cli import main

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "report-first-page.png"
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "rapport.html"
        code = main(["report", "--example", "--compare", "2024-02-28", "--format", "html", "-o", str(html)])
        if code != 0:
            raise SystemExit(f"make_screenshots: report exited {code}")
        raw = Path(tmp) / "raw.png"
        subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp}/profile", f"--screenshot={raw}",
                        f"--window-size={WIDTH},{HEIGHT}", f"file://{html}"],
                       check=True, capture_output=True, timeout=120)
        _small(raw, target)
    return target


def _small(raw: Path, target: Path) -> None:
    """A palette PNG (96 colours): text and bars stay sharp, the file a fraction of the size."""
    try:
        from PIL import Image
    except ImportError:  # Pillow comes with matplotlib; without it the image is kept as Chromium made it
        shutil.copyfile(raw, target)
        return
    with Image.open(raw) as im:
        im.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)


if __name__ == "__main__":
    where = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "images"
    path = first_page(where)
    print(f"{path} ({os.path.getsize(path)} bytes)")
