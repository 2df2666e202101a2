"""Small inline SVG charts for the HTML report: bars for counts, dots for stated against computed values."""
from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 460
BAR_HEIGHT = 18
LABEL_WIDTH = 170
MIN_POINTS = 2  # one dot on a plane says nothing a table does not
STATUS_COLOUR = {"open": "#c62828", "verified": "#2e7d32", "accepted": "#8d6e63"}


def _clip(label: str, limit: int = 14) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(items: list[tuple[str, int]], title: str) -> Markup:
    """Horizontal bars, one per (label, count); empty markup when there is nothing to draw."""
    if not items:
        return Markup("")
    top = max(n for _, n in items) or 1
    height = BAR_HEIGHT * len(items) + 8
    span = WIDTH - LABEL_WIDTH - 60
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">',
             f"<title>{escape(title)}</title>"]
    for i, (label, n) in enumerate(items):
        y = 4 + i * BAR_HEIGHT
        w = max(1, round(span * n / top))
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">{escape(_clip(str(label)))}</text>'
                     f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{w}" height="{BAR_HEIGHT - 5}" fill="#5c6bc0">'
                     f"<title>{escape(str(label))}: {n}</title></rect>"
                     f'<text x="{LABEL_WIDTH + w + 4}" y="{y + 13}">{n}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def scatter_chart(points: list[tuple[float, float, str]], title: str) -> Markup:
    """Stated (x) against computed (y) values with the diagonal where they agree; red dots are findings."""
    if len(points) < MIN_POINTS:
        return Markup("")
    size, pad = 320, 36
    values = [v for p in points for v in p[:2]]
    low, high = min(values), max(values)
    if high == low:
        low, high = low - 1, high + 1

    def scale(v: float) -> float:
        return pad + (v - low) / (high - low) * (size - 2 * pad)

    parts = [f'<svg class="chart" role="img" viewBox="0 0 {size} {size}" width="{size}" height="{size}">',
             f"<title>{escape(title)}</title>",
             f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#999" stroke-dasharray="4 3"/>',
             f'<text x="{size / 2}" y="{size - 6}" text-anchor="middle">stated</text>',
             f'<text x="10" y="{size / 2}" transform="rotate(-90 10 {size / 2})" text-anchor="middle">computed</text>',
             f'<text x="{pad}" y="{size - pad + 14}">{low:g}</text>',
             f'<text x="{size - pad}" y="{size - pad + 14}" text-anchor="end">{high:g}</text>']
    for stated, computed, status in points:
        parts.append(f'<circle cx="{scale(stated):.1f}" cy="{size - scale(computed):.1f}" r="4" '
                     f'fill="{STATUS_COLOUR.get(status, "#555")}" fill-opacity="0.7">'
                     f"<title>stated {stated:g}, computed {computed:g} ({escape(status)})</title></circle>")
    parts.append("</svg>")
    return Markup("".join(parts))
