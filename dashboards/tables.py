"""The numbers behind every chart, as a table a person or a program reads.

Each figure of the dashboards is a Table: the page shows it beside its
chart, and the CSV and Excel exports write it as it is.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

Cell = str | int | float | None


@dataclass
class Table:
    slug: str
    title: "str | StrPromise"
    columns: list["str | StrPromise"]
    rows: list[list[Cell]] = field(default_factory=list)
    note: "str | StrPromise" = ""

    @property
    def is_empty(self) -> bool:
        return not self.rows
