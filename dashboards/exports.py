"""The figures as files that open in Excel, Romanian diacritics included.

CSV: UTF-8 with a byte-order mark, ';' between fields and ',' before the
decimals. Excel guesses a CSV's encoding from the BOM alone (without it,
"Mănăștur" turns into "MÄƒnÄƒÈ™tur"), and splits fields on the list
separator of the Windows region, which is ';' in Romania because ',' is
the decimal mark there. A file written so opens with a double click in
Romanian Excel, and LibreOffice reads it as well.

Excel (.xlsx): written with openpyxl, one sheet per table, numbers as
numbers.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from dashboards.tables import Cell, Table

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"
# Characters Excel refuses in a sheet's name, which is at most 31 long.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _csv_writer(buffer: io.StringIO) -> Any:
    return csv.writer(buffer, delimiter=";", lineterminator="\r\n")


def tables_to_csv(tables: Sequence[Table]) -> bytes:
    """Every table under its title, a blank line between two tables."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = _csv_writer(buffer)
    for position, table in enumerate(tables):
        if position:
            writer.writerow([])
        if len(tables) > 1:
            writer.writerow([str(table.title)])
        writer.writerow([str(column) for column in table.columns])
        writer.writerows([csv_cell(cell) for cell in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8")


def sheet_name(title: str, taken: set[str]) -> str:
    name = SHEET_NAME_FORBIDDEN.sub(" ", title).strip()[:31] or "Sheet"
    candidate, number = name, 2
    while candidate in taken:
        suffix = f" {number}"
        candidate = name[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(candidate)
    return candidate


def tables_to_xlsx(tables: Sequence[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(str(table.title), taken))
        sheet.append([str(column) for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        if table.note:
            sheet.append([])
            sheet.append([str(table.note)])
        sheet.freeze_panes = "A2"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rows_to_csv_lines(rows: Iterable[Sequence[Cell]]) -> Iterable[str]:
    """CSV lines for a long export, written as they come."""
    buffer = io.StringIO()
    writer = _csv_writer(buffer)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
