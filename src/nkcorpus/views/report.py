"""The corpus report: one self-contained HTML file of charts and tables.

:func:`write_report` reads an output file once (:class:`~nkcorpus.views.figures.CorpusStats`)
and writes a single HTML file that needs nothing else: plotly's JavaScript is
inline (``include_plotlyjs=True``), there are no fonts, images or style sheets
to fetch, and the page's Content-Security-Policy forbids the network. It shows:

* documents by language, source, outlet and month (by language within month);
* the most mentioned entities by canonical id, with links to Wikidata for
  QIDs, and their mentions month by month;
* a heatmap of which of the top people, organisations and places are
  mentioned in the same documents;
* failures by stage and error type, with an example message;
* the settings and versions of the run: the steps that ran with their
  versions and settings, the nkcorpus version, and any run files found next
  to the output (``OUT.*.json``, ``OUT.checkpoint``).

Every label from the corpus is escaped, in the tables and in the charts.
The file is about 4.8 MB of plotly.js plus some kilobytes per chart, whatever
the size of the corpus.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from pathlib import Path
from typing import Any

from nkcorpus._version import __version__
from nkcorpus.views.figures import UNKNOWN, CorpusStats
from nkcorpus.views.style import (
    PAGE_TAIL,
    esc,
    label_colour,
    language_colour,
    page_head,
    wikidata_url,
)

__all__ = ["find_run_files", "report_html", "write_report"]

_TOP = 20
_OVER_TIME = 8
_MAX_BARS = 25
_MAX_RUN_FILE = 1_000_000


def find_run_files(path: str | os.PathLike[str]) -> list[tuple[str, Any]]:
    """Return the run files next to the output ``path``, as ``(file name, parsed JSON)``.

    These are the JSON files named after the output (``OUT.summary.json``,
    ``OUT.manifest.json``, ...) and a checkpoint left by an unfinished run
    (``OUT.checkpoint``). Files that are not JSON, or larger than 1 MB, are skipped.
    """
    target = Path(path)
    if str(path) == "-" or not target.parent.is_dir():
        return []
    found = []
    for candidate in sorted(target.parent.iterdir()):
        name = candidate.name
        if not name.startswith(target.name + ".") or not candidate.is_file():
            continue
        if not (name.endswith(".json") or name == target.name + ".checkpoint"):
            continue
        if candidate.stat().st_size > _MAX_RUN_FILE:
            continue
        try:
            found.append((name, json.loads(candidate.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return found


def _label(text: object) -> str:
    """Plotly draws its labels as a small HTML dialect; show corpus text as text."""
    return html.escape(str(text), quote=False)


class _Figures:
    """Turns figures into HTML, plotly.js inline once, before the first chart."""

    def __init__(self) -> None:
        self.first = True

    def html(self, figure: Any, element_id: str) -> str:
        import plotly.io as pio

        figure.update_layout(
            margin={"l": 10, "r": 10, "t": 40, "b": 10},
            template="plotly_white",
            font={"family": "system-ui, 'Noto Sans CJK KR', 'Noto Sans CJK SC', sans-serif"},
        )
        fragment = pio.to_html(
            figure,
            include_plotlyjs=self.first,
            full_html=False,
            div_id=element_id,
            config={"displaylogo": False, "responsive": True},
        )
        self.first = False
        return f'<div class="chart" data-chart="{esc(element_id)}">{fragment}</div>'


def _bar(stats: CorpusStats, field: str, title: str, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.documents_by(field)
    if frame.empty:
        return ""
    shown = frame.head(_MAX_BARS)
    colours = [language_colour(v)[1] if field == "language" else "#4c78a8" for v in shown[field]]
    figure = go.Figure(
        go.Bar(
            x=shown["documents"][::-1],
            y=[_label(v) for v in shown[field]][::-1],
            orientation="h",
            marker_color=colours[::-1],
        )
    )
    note = f" (top {_MAX_BARS} of {len(frame)})" if len(frame) > _MAX_BARS else ""
    figure.update_layout(title=f"{title}{note}", height=100 + 24 * len(shown), bargap=0.25)
    return figures.html(figure, f"by-{field}")


def _months(stats: CorpusStats, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.documents_by_month_and_language()
    if frame.empty:
        return ""
    figure = go.Figure()
    for language, part in frame.groupby("language", sort=True):
        figure.add_bar(
            x=list(part["month"]),
            y=list(part["documents"]),
            name=_label(language),
            marker_color=language_colour(str(language))[1],
        )
    figure.update_layout(
        title="Documents by month of publication and language",
        barmode="stack",
        height=360,
        xaxis={"type": "category"},
    )
    return figures.html(figure, "by-month")


def _entities_table(stats: CorpusStats) -> str:
    frame = stats.top_entities(_TOP)
    if frame.empty:
        return '<p class="muted">No entities were found.</p>'
    rows = []
    for row in frame.itertuples(index=False):
        canonical = row.canonical_id
        url = wikidata_url(canonical)
        if url:
            cell = (
                f'<a class="qid" href="{esc(url)}" rel="noopener noreferrer">{esc(canonical)}</a>'
            )
        else:
            cell = (
                f"<code>{esc(canonical)}</code>" if canonical else '<span class="muted">none</span>'
            )
        rows.append(
            f'<tr class="entity-row" data-canonical="{esc(canonical or "")}">'
            f'<td><span class="ent-key" data-label="{esc(row.label)}">{esc(row.label)}</span></td>'
            f"<td>{esc(row.name)}</td><td>{cell}</td><td>{row.mentions:,}</td>"
            f"<td>{row.documents:,}</td><td>{esc(', '.join(row.forms[:6]))}</td></tr>"
        )
    return (
        '<table class="entities"><tr><th>Type</th><th>Name</th><th>Canonical id</th>'
        f"<th>Mentions</th><th>Documents</th><th>Written as</th></tr>{''.join(rows)}</table>"
    )


def _entities_chart(stats: CorpusStats, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.top_entities(_TOP)
    if frame.empty:
        return ""
    names = [_label(f"{n} ({lab})") for n, lab in zip(frame["name"], frame["label"], strict=True)]
    figure = go.Figure(
        go.Bar(
            x=list(frame["mentions"])[::-1],
            y=names[::-1],
            orientation="h",
            marker_color=[label_colour(lab)[1] for lab in frame["label"]][::-1],
            customdata=[_label(c or "") for c in frame["canonical_id"]][::-1],
            hovertemplate="%{y}<br>%{customdata}<br>%{x} mentions<extra></extra>",
        )
    )
    figure.update_layout(
        title=f"Top {len(frame)} entities by mentions", height=140 + 22 * len(frame)
    )
    return figures.html(figure, "top-entities")


def _over_time(stats: CorpusStats, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.mentions_over_time(_OVER_TIME)
    if frame.empty:
        return '<p class="muted">No dated mentions (no document has a publication date).</p>'
    figure = go.Figure()
    for key in dict.fromkeys(frame["key"]):
        part = frame[frame["key"] == key]
        figure.add_scatter(
            x=list(part["month"]),
            y=list(part["mentions"]),
            mode="lines+markers",
            name=_label(part["name"].iloc[0]),
        )
    figure.update_layout(
        title="Mentions by month of the most mentioned entities",
        height=380,
        xaxis={"type": "category"},
    )
    return figures.html(figure, "mentions-over-time")


def _co_mentions(stats: CorpusStats, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.co_mentions(_TOP)
    if len(frame) < 2:
        return '<p class="muted">Fewer than two entities: nothing to pair.</p>'
    labels = [stats.entity_labels[k].most_common(1)[0][0] for k in frame.attrs["keys"]]
    names = [_label(f"{n} ({lab})") for n, lab in zip(frame.index, labels, strict=True)]
    # The diagonal (documents that mention an entity at all) would swamp the colour scale.
    z = [
        [None if i == j else v for j, v in enumerate(row)]
        for i, row in enumerate(frame.values.tolist())
    ]
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=names,
            colorscale="Blues",
            hovertemplate="%{y} and %{x}: %{z} documents<extra></extra>",
        )
    )
    figure.update_layout(
        title="Documents that mention both, for the top entities (hover for counts)",
        height=260 + 24 * len(names),
        yaxis={"autorange": "reversed"},
    )
    return figures.html(figure, "co-mentions")


def _failures(stats: CorpusStats, figures: _Figures) -> str:
    import plotly.graph_objects as go

    frame = stats.failures_frame()
    if frame.empty:
        return '<p class="no-failures">No document failed.</p>'
    kinds = [_label(f"{s}: {t}") for s, t in zip(frame["stage"], frame["error_type"], strict=True)]
    figure = go.Figure(
        go.Bar(
            x=list(frame["documents"])[::-1], y=kinds[::-1], orientation="h", marker_color="#b00020"
        )
    )
    figure.update_layout(
        title="Failed documents by stage and error type", height=120 + 26 * len(kinds)
    )
    rows = "".join(
        f"<tr><td>{esc(r.stage)}</td><td>{esc(r.error_type)}</td><td>{r.documents:,}</td>"
        f"<td>{esc(r.example)}</td></tr>"
        for r in frame.itertuples(index=False)
    )
    table = (
        '<table class="failures"><tr><th>Stage</th><th>Error</th><th>Documents</th>'
        f"<th>Example message</th></tr>{rows}</table>"
    )
    return figures.html(figure, "failures") + table


def _run(stats: CorpusStats, run_files: list[tuple[str, Any]]) -> str:
    frame = stats.steps_frame()
    rows = "".join(
        f"<tr><td><code>{esc(r.step)}</code></td><td>{esc(r.version)}</td>"
        f"<td><code>{esc(r.settings)}</code></td><td>{r.documents:,}</td></tr>"
        for r in frame.itertuples(index=False)
    )
    parts = [
        f"<p>Report made by nkcorpus {esc(__version__)}.</p>",
        '<table class="steps"><tr><th>Step</th><th>Version</th><th>Settings</th>'
        f"<th>Documents</th></tr>{rows}</table>"
        if rows
        else "",
    ]
    for name, data in run_files:
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True)
        parts.append(f"<details><summary>{esc(name)}</summary><pre>{esc(text)}</pre></details>")
    if not run_files:
        parts.append('<p class="muted">No run files next to the output.</p>')
    return "".join(parts)


def _section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{esc(title)}</h2>{body}</section>'


def report_html(
    stats: CorpusStats,
    *,
    title: str = "nkcorpus corpus report",
    run_files: list[tuple[str, Any]] | None = None,
) -> str:
    """Return the report of ``stats`` as one self-contained HTML page."""
    figures = _Figures()
    status = stats.counts["status"]
    dated = stats.documents - stats.counts["month"].get(UNKNOWN, 0)
    made = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"<h1>{esc(title)}</h1><p>{stats.documents:,} documents "
        f"({status.get('ok', 0):,} ok, {status.get('failed', 0):,} failed), "
        f"{stats.characters:,} characters of clean text, {dated:,} with a publication date, "
        f"{sum(stats.mentions.values()):,} entity mentions of {len(stats.mentions):,} entities. "
        f'<span class="muted">Made {made}.</span></p>'
    )
    body = [
        header,
        _section(
            "documents",
            "Documents",
            _bar(stats, "language", "Documents by language", figures)
            + _bar(stats, "source", "Documents by source", figures)
            + _bar(stats, "outlet", "Documents by outlet", figures)
            + _months(stats, figures),
        ),
        _section(
            "entities",
            "Entities",
            _entities_chart(stats, figures) + _entities_table(stats) + _over_time(stats, figures),
        ),
        _section("co-mention", "Who appears with whom", _co_mentions(stats, figures)),
        _section("failures", "Failures", _failures(stats, figures)),
        _section("run", "Settings and versions", _run(stats, run_files or [])),
    ]
    style = (
        "<style>.nk section{background:#fff;border:1px solid #d0d4dc;border-radius:8px;"
        "padding:.6rem 1rem;margin:1rem 0}.nk pre{white-space:pre-wrap;font-size:.8rem}</style>"
    )
    return page_head(title, style, scripts=True) + "".join(body) + PAGE_TAIL


def write_report(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    title: str | None = None,
) -> CorpusStats:
    """Read the output file ``path`` once and write its report to ``output``; return the counts.

    Args:
        path: a JSON Lines or Parquet file written by ``nkcorpus process``
            (:func:`~nkcorpus.views.inputs.sniff` tells which from its content).
        output: where the HTML file goes (written atomically).
        title: the report's title (default: the name of ``path``).
    """
    from nkcorpus.corpus.atomic import atomic_write

    stats = CorpusStats.from_path(path)
    text = report_html(
        stats, title=title or f"nkcorpus report: {Path(path).name}", run_files=find_run_files(path)
    )
    with atomic_write(output) as handle:
        handle.write(text.encode("utf-8"))
    return stats
