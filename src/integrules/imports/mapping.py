"""The column mapping: which column fills which participant field, and how its values are read.

A mapping file (JSON, or TOML with the same shape)::

    {
      "columns": {
        "DUF-nummer": {"field": "duf", "aliases": ["DUF", "DUF-nr"]},
        "Avslutningsdato": {"field": "introduksjonsprogram.end_date", "type": "date"},
        "Sluttmål": {"field": "introduksjonsprogram.sluttmal", "values": {"Arbeid": "arbeid"}}
      },
      "id": "row",            # when no column gives "id": "row" (the id is "rad-<row>") or "required"
      "unmapped": "ignore",   # a column the mapping does not name: "ignore" or "error"
      "encoding": "utf-8-sig",  # CSV only
      "sheet": null           # .xlsx only: the sheet's name (default: the first sheet)
    }

Per column: ``field`` (a dotted path into the participant, as in docs/data-format.md), ``type``
(``text`` (default), ``date``, ``bool``, ``int``, ``number``), ``aliases`` (other headers for the same
column), ``values`` (the column's words to the format's values; matched ignoring case, and else by
the text before the first `` - ``, so "Arbeid - person har utdanning ..." matches "Arbeid"), and
``unmatched``: what a value not in ``values`` is: ``"pass"`` (default: given to the field as it is,
so a wrong one is rejected naming the allowed values) or ``"unknown"`` (left out: the fact is unknown).
Headers are matched ignoring case, extra spaces and Unicode normal form.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError

TYPES = ("text", "date", "bool", "int", "number")

# The NIR report "personer som har avsluttet introduksjonsprogrammet" (see /docs/imports.md).
DEFAULT_MAPPING: dict[str, Any] = {
    "columns": {
        "Id": {"field": "id", "aliases": ["ID", "Løpenummer", "Saksnummer", "Internt nummer"]},
        "DUF-nummer": {"field": "duf", "aliases": ["DUF", "DUF-nr", "DUF nummer", "DUFnummer"]},
        "Fornavn, Etternavn": {"field": "name", "aliases": ["Navn", "Fornavn Etternavn", "Etternavn, Fornavn"]},
        "Fødselsdato": {"field": "birth_date", "type": "date", "aliases": ["Fodselsdato"]},
        "Bosettingsdato": {"field": "settlement_date", "type": "date", "aliases": ["Bosatt dato", "Bosatt"]},
        "Kategori": {
            "field": "introduksjonsprogram.participates", "type": "bool", "unmatched": "unknown",
            # In the NIR report of persons who ended the programme, this category says the person
            # took part in it; any other category says nothing about that (unknown).
            "values": {"Rett til introduksjonsprogram": True},
        },
        "Sluttmål": {
            "field": "introduksjonsprogram.sluttmal", "aliases": ["Sluttmaal", "Sluttmal"],
            "values": {
                "Arbeid": "arbeid",
                "Kvalifisering til høyere utdanning": "hoyere_utdanning",
                "Høyere utdanning": "hoyere_utdanning",
                "Fagskole": "fagskole",
                "Kvalifisering til fagskole": "fagskole",
                "Fullføre videregående opplæring": "fullfort_videregaende",
                "Fullført videregående opplæring": "fullfort_videregaende",
                "Videregående opplæring": "fullfort_videregaende",
                "Grunnskole": "grunnskole",
                "Fullføre grunnskole": "grunnskole",
                "Deler av videregående opplæring": "deler_av_videregaende",
            },
        },
        "Avslutningsårsak": {"field": "introduksjonsprogram.end_reason", "aliases": ["Avslutningsarsak", "Avslutningsaarsak"]},
        "Avslutningsdato": {"field": "introduksjonsprogram.end_date", "type": "date"},
    },
    "id": "row",
    "unmapped": "ignore",
    "encoding": "utf-8-sig",
    "sheet": None,
}


def norm(text: str) -> str:
    """A header or a value as it is compared: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


@attrs.frozen
class Column:
    header: str
    field: str
    type: str = "text"
    values: dict[str, Any] = attrs.field(factory=dict)  # normalised word -> value
    unmatched: str = "pass"
    names: tuple[str, ...] = ()  # normalised header and aliases


@attrs.frozen
class Mapping:
    columns: tuple[Column, ...]
    id: str = "row"
    unmapped: str = "ignore"
    encoding: str = "utf-8-sig"
    sheet: str | None = None
    kommune: str | None = None  # the municipality the export is from (an export names none)

    def match(self, header: str) -> Column | None:
        key = norm(header)
        for column in self.columns:
            if key in column.names:
                return column
        return None


def mapping_from_dict(data: Any, name: str = "mapping") -> Mapping:
    """Check a mapping's shape and build it; every mistake is an InputError naming where."""
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected an object with 'columns'")
    extra = sorted(set(data) - {"columns", "id", "unmapped", "encoding", "sheet", "kommune"})
    if extra:
        raise InputError(f"{name}: unknown key(s) {', '.join(map(str, extra))} "
                         "(expected: columns, id, unmapped, encoding, sheet, kommune)")
    if data.get("kommune") is not None and not isinstance(data["kommune"], str):
        raise InputError(f"{name}: kommune: expected text (the municipality's name)")
    raw_columns = data.get("columns")
    if not isinstance(raw_columns, dict) or not raw_columns:
        raise InputError(f"{name}: 'columns' must be an object of header: {{field, type, ...}}")
    columns, seen, fields = [], {}, {}
    for header, spec in raw_columns.items():
        where = f"{name}: columns.{header}"
        if isinstance(spec, str):
            spec = {"field": spec}
        if not isinstance(spec, dict) or not isinstance(spec.get("field"), str) or not spec["field"]:
            raise InputError(f"{where}: expected {{\"field\": \"path.in.participant\", ...}} or the field path")
        bad = sorted(set(spec) - {"field", "type", "values", "aliases", "unmatched"})
        if bad:
            raise InputError(f"{where}: unknown key(s) {', '.join(bad)} (expected: field, type, values, aliases, unmatched)")
        kind = spec.get("type", "text")
        if kind not in TYPES:
            raise InputError(f"{where}: type must be one of {', '.join(TYPES)}")
        unmatched = spec.get("unmatched", "pass")
        if unmatched not in ("pass", "unknown"):
            raise InputError(f"{where}: unmatched must be 'pass' or 'unknown'")
        values = spec.get("values", {})
        aliases = spec.get("aliases", [])
        if not isinstance(values, dict) or not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(f"{where}: values must be an object and aliases a list of headers")
        field = spec["field"]
        if field in fields:
            raise InputError(f"{where}: the field {field} is filled by the column {fields[field]!r} already")
        fields[field] = header
        names = tuple(dict.fromkeys(norm(h) for h in [header, *aliases]))
        for n in names:
            if n in seen:
                raise InputError(f"{where}: the header {n!r} is named twice (also under {seen[n]!r})")
            seen[n] = header
        columns.append(Column(str(header), field, kind, {norm(k): v for k, v in values.items()}, unmatched, names))
    id_rule = data.get("id", "row")
    if id_rule not in ("row", "required"):
        raise InputError(f"{name}: id must be 'row' or 'required'")
    unmapped = data.get("unmapped", "ignore")
    if unmapped not in ("ignore", "error"):
        raise InputError(f"{name}: unmapped must be 'ignore' or 'error'")
    encoding = data.get("encoding", "utf-8-sig") or "utf-8-sig"
    sheet = data.get("sheet")
    if not isinstance(encoding, str) or (sheet is not None and not isinstance(sheet, str)):
        raise InputError(f"{name}: encoding and sheet must be text")
    return Mapping(tuple(columns), id_rule, unmapped, encoding, sheet, data.get("kommune"))


def load_mapping(path: str | Path | None) -> Mapping:
    """The mapping in a JSON or TOML file, or the default mapping when ``path`` is None."""
    if path is None:
        return mapping_from_dict(DEFAULT_MAPPING, "default mapping")
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot open {name}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    if name.lower().endswith(".toml"):
        try:
            import tomllib
        except ImportError:  # Python 3.10
            try:
                import tomli as tomllib  # type: ignore[no-redef]
            except ImportError:
                raise InputError(f"{name}: a TOML mapping needs Python 3.11 or the package tomli; use JSON") from None
        try:
            parsed = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{name}: not valid TOML ({exc})") from None
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return mapping_from_dict(parsed, name)
