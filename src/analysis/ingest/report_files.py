"""Read a work report's file into the text :func:`~analysis.ingest.extract.extract_figures` reads.

Statisticians keep their reports as Word documents as often as plain text, so ``township-report
extract`` takes both. The kind of file is told by its first bytes, not its name (a report saved
as ``.txt`` by a Word user is often a ``.docx``):

- plain text: UTF-8 (with or without BOM), else GB18030, the superset of GBK and GB2312 that
  Chinese Windows writes;
- Word 2007+ (``.docx``, a zip holding ``word/document.xml``): read with python-docx. Paragraphs
  and tables come in the order they are printed. A paragraph is one line; a table row is one line
  with its cells joined by `` | `` (a cell merged across columns once), which
  :mod:`~analysis.ingest.text_tables` reads like a table pasted as text. So a figure's ``line``
  in the provenance is the paragraph or table row it is in, counted from 1 over both. Headers,
  footers, footnotes, comments and text boxes are not read: reports keep no figures there;
- anything else (Word 97 ``.doc``, WPS, PDF, a workbook) is refused with a message naming the
  file and what to do, never read as garbage text.

python-docx (python-openxml/python-docx, MIT) is the maintained reader of the format; reading
the XML by hand would mean re-implementing its paragraph, run and merged-cell rules.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataValidationError, Problem
from ..i18n import t

if TYPE_CHECKING:
    from docx.table import Table

#: First bytes of the formats told apart (the zip's members then say which Office file it is).
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, WPS .wps, old .xls
_PDF = b"%PDF"
#: Separator of a table row's cells in the text (one of the separators text_tables reads).
CELL_SEPARATOR = " | "


def _refuse(path: str, key: str, language: str) -> DataValidationError:
    return DataValidationError(path, [Problem(t("ingest.cli.cmd.extract." + key, language), file=path)])


def read_report(path: str, language: str = "zh") -> str:
    """The text of the report at ``path`` (``-``: standard input), plain text or ``.docx``.

    Raises :class:`~analysis.errors.DataValidationError` naming the file when it does not exist,
    is a format that is not read (``.doc``, PDF, a workbook) or is text in neither UTF-8 nor
    GB18030.
    """
    if path == "-":
        raw = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.is_file():
            raise _refuse(path, "not_found", language)
        raw = p.read_bytes()
    if raw.startswith(_ZIP):
        return _zip_text(raw, path, language)
    if raw.startswith(_OLE2):
        raise _refuse(path, "word97", language)
    if raw.startswith(_PDF):
        raise _refuse(path, "pdf", language)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(path, "bad_encoding", language)


def _zip_text(raw: bytes, path: str, language: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except zipfile.BadZipFile:
        raise _refuse(path, "bad_docx", language) from None
    if "xl/workbook.xml" in names:
        raise _refuse(path, "workbook", language)
    if "word/document.xml" not in names:
        raise _refuse(path, "bad_docx", language)
    return docx_text(raw, path, language)


def docx_text(raw: bytes, path: str = "<docx>", language: str = "zh") -> str:
    """The paragraphs and table rows of a ``.docx`` document, one per line, in printed order."""
    import docx  # python-docx; imported here so reading plain text never needs it
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile):
        raise _refuse(path, "bad_docx", language) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def _table_lines(table: Table) -> list[str]:
    """One line per row; a cell merged across columns (python-docx repeats it) is written once."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(cell.text.split()))
        lines.append(CELL_SEPARATOR.join(cells))
    return lines
