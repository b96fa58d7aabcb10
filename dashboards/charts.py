"""The geometry of the charts, drawn as SVG by the templates.

The Content-Security-Policy forbids inline styles, so the charts carry
coordinates and CSS classes only; colours live in dashboards.css. Every
chart has a table with the same numbers beside it: the SVG is hidden from
screen readers, which read the table.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH = 720
HEIGHT = 260
LEFT = 48
RIGHT = 32
TOP = 12
BOTTOM = 36


@dataclass
class Line:
    label: str
    css: str
    points: str
    dashed: bool = False


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class LineChart:
    width: int = WIDTH
    height: int = HEIGHT
    lines: list[Line] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    plot_bottom: int = HEIGHT - BOTTOM


def _nice_top(highest: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above the value."""
    # Counts are whole: a scale under 4 would show quarters of a report.
    if highest <= 4:
        return 4
    step = 1.0
    while step * 10 <= highest:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= highest:
            return step * factor
    return step * 10


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int | None], bool]],
) -> LineChart:
    """Lines over the labels; series are (label, css class, values, dashed)."""
    chart = LineChart()
    values = [value for _l, _c, points, _d in series for value in points if value]
    top = _nice_top(max(values, default=0))
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(labels) - 1, 1)

    def x(position: int) -> float:
        return LEFT + position * step

    def y(value: float) -> float:
        return TOP + plot_height - value / top * plot_height

    for label, css, points, dashed in series:
        drawn = " ".join(
            f"{x(position):.1f},{y(value):.1f}"
            for position, value in enumerate(points)
            if value is not None
        )
        chart.lines.append(Line(label=label, css=css, points=drawn, dashed=dashed))

    every = max(1, len(labels) // 8)
    chart.x_ticks = [
        Tick(x(position), label)
        for position, label in enumerate(labels)
        if position % every == 0
    ]
    chart.y_ticks = [
        Tick(y(top * fraction / 4), f"{top * fraction / 4:g}") for fraction in range(5)
    ]
    return chart


@dataclass
class Bar:
    label: str
    value: float
    shown: str
    width: float
    y: float


@dataclass
class BarChart:
    bars: list[Bar]
    width: int = WIDTH
    height: int = 0
    label_width: int = 260
    bar_height: int = 18


def bar_chart(rows: Sequence[tuple[str, float | None]], suffix: str = "") -> BarChart:
    """Horizontal bars, one per row, scaled to the largest value."""
    chart = BarChart(bars=[])
    highest = max((value or 0 for _label, value in rows), default=0) or 1
    room = WIDTH - chart.label_width - 80
    for position, (label, value) in enumerate(rows):
        amount = value or 0
        chart.bars.append(
            Bar(
                label=label,
                value=amount,
                shown=f"{amount:g}{suffix}" if value is not None else "–",
                width=max(amount / highest * room, 0),
                y=position * (chart.bar_height + 6),
            )
        )
    chart.height = len(rows) * (chart.bar_height + 6) + 6
    return chart
