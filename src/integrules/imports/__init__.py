"""Reading spreadsheets as municipalities export them: CSV and Excel (.xlsx), through a column mapping.

A table has one participant per row under a header row. A *column mapping* (docs/imports.md) says
which column fills which participant field, of what type, and how a column's words translate to
the format's values; the default mapping reads the columns of IMDi's NIR report (DUF-nummer,
Fornavn, Etternavn, Kategori, Sluttmål, Avslutningsårsak, Avslutningsdato). A user's own mapping is
a JSON or TOML file given with ``--mapping``.

- CSV: comma, semicolon or tab (sniffed from the start of the file), UTF-8 with or without a
  byte-order mark (another encoding can be named in the mapping), quoted fields as Excel writes
  them. Dates ``dd.mm.yyyy`` or ISO.
- Excel ``.xlsx`` with openpyxl, the optional extra ``pip install 'integrules[xlsx]'``; the first
  sheet unless the mapping names one. Date cells are read as dates.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first participant row 2.
A row that cannot be read becomes a :class:`~integrules.results.Rejection` whose messages name the
row and the column (``row 7, column 'Avslutningsdato': '31.02.2023' is not a date that exists``);
it is never dropped. Wholly empty rows are skipped, like blank lines in JSON Lines.
"""

from __future__ import annotations

from .mapping import DEFAULT_MAPPING, Mapping, load_mapping
from .tables import read_table, structure_row

__all__ = ["DEFAULT_MAPPING", "Mapping", "load_mapping", "read_table", "structure_row"]
