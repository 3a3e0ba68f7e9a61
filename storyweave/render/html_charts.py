"""The HTML report's charts as Vega specs: data in, spec out.

Each chart's marks carry a ``target`` (an article's anchor) and, where they cite a
passage, its ``start``/``end`` in UTF-16 units, which the report's script reads on click.
"""

from __future__ import annotations

from typing import Any

#: A fact's status, its colour in the charts and its words.
STATUS_COLORS = {"corroborated": "#1a7f37", "single-source": "#d4a72c", "contested": "#cf222e"}
STATUS_LABELS = {"corroborated": "corroborated", "single-source": "single source", "contested": "contested"}

_SCHEMA = "https://vega.github.io/schema/vega/v5.json"


def fact_matrix(cells: list[dict[str, Any]], outlets: list[str], rows: list[str]) -> dict[str, Any]:
    """Who reports what: a row per statement, a column per outlet, a cell coloured by status."""
    return {
        "$schema": _SCHEMA,
        "width": max(160, 46 * len(outlets)), "height": 17 * len(rows), "padding": 5,
        "data": [{"name": "cells", "values": cells}],
        "scales": [
            {"name": "x", "type": "band", "domain": outlets, "range": "width", "padding": 0.08},
            {"name": "y", "type": "band", "domain": rows, "range": "height", "padding": 0.12},
            {"name": "color", "type": "ordinal", "domain": [STATUS_LABELS[k] for k in STATUS_COLORS],
             "range": list(STATUS_COLORS.values())},
        ],
        "axes": [
            {"orient": "top", "scale": "x", "labelAngle": -35, "labelAlign": "left", "labelLimit": 160, "domain": False, "ticks": False},
            {"orient": "left", "scale": "y", "labelLimit": 430, "domain": False, "ticks": False, "labelFontSize": 11},
        ],
        "legends": [{"fill": "color", "title": "status", "orient": "bottom", "direction": "horizontal"}],
        "marks": [{
            "type": "rect", "from": {"data": "cells"},
            "encode": {
                "enter": {"x": {"scale": "x", "field": "outlet"}, "width": {"scale": "x", "band": 1},
                          "y": {"scale": "y", "field": "row"}, "height": {"scale": "y", "band": 1},
                          "fill": {"scale": "color", "field": "status"}, "cursor": {"value": "pointer"},
                          "tooltip": {"signal": "{'outlet': datum.outlet, 'status': datum.status, 'says': datum.text}"}},
                "update": {"opacity": {"value": 0.9}}, "hover": {"opacity": {"value": 0.6}},
            },
        }],
    }


def time_axis(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Dated events as points on one time axis, a row each."""
    return {
        "$schema": _SCHEMA,
        "width": 420, "height": 22 * len(points), "padding": 5,
        "data": [{"name": "events", "values": points}],
        "scales": [
            {"name": "x", "type": "utc", "domain": {"data": "events", "field": "when"}, "range": "width", "nice": True},
            {"name": "y", "type": "band", "domain": [p["row"] for p in points], "range": "height", "padding": 0.3},
        ],
        "axes": [{"orient": "bottom", "scale": "x", "grid": True, "tickCount": 6},
                 {"orient": "left", "scale": "y", "labelLimit": 420, "domain": False, "ticks": False}],
        "marks": [{
            "type": "symbol", "from": {"data": "events"},
            "encode": {"enter": {"x": {"scale": "x", "field": "when"}, "y": {"scale": "y", "field": "row", "band": 0.5},
                                 "size": {"value": 110}, "fill": {"value": "#0969da"}, "cursor": {"value": "pointer"},
                                 "tooltip": {"signal": "{'date': datum.date, 'says': datum.text}"}}},
        }],
    }


def copy_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Articles as circles coloured by their share of own text; a line, as thick as its score, joins two that share text."""
    return {
        "$schema": _SCHEMA,
        "width": 520, "height": 320, "padding": 36,
        "data": [{"name": "nodes", "values": nodes}, {"name": "edges", "values": edges}],
        "scales": [{"name": "own", "type": "linear", "domain": [0, 1], "range": ["#cf222e", "#1a7f37"]}],
        "legends": [{"fill": "own", "title": "share of own text", "format": ".0%", "orient": "right", "gradientLength": 120}],
        "marks": [
            {"type": "rule", "from": {"data": "edges"},
             "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "x2": {"field": "x2"}, "y2": {"field": "y2"},
                                  "stroke": {"value": "#57606a"}, "strokeWidth": {"signal": "1 + 8 * datum.score"},
                                  "tooltip": {"field": "kind"}}}},
            {"type": "text", "from": {"data": "edges"},
             "encode": {"enter": {"x": {"field": "mx"}, "y": {"field": "my"}, "text": {"field": "kind"}, "align": {"value": "center"},
                                  "dy": {"value": -6}, "fontSize": {"value": 11}, "fill": {"value": "#24292f"}}}},
            {"type": "symbol", "from": {"data": "nodes"},
             "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "size": {"value": 900}, "fill": {"scale": "own", "field": "own"},
                                  "stroke": {"value": "#fff"}, "strokeWidth": {"value": 2}, "cursor": {"value": "pointer"},
                                  "tooltip": {"signal": "{'article': datum.label, 'original': datum.share}"}}}},
            {"type": "text", "from": {"data": "nodes"},
             "encode": {"enter": {"x": {"field": "x"}, "y": {"field": "y"}, "dy": {"field": "dy"}, "align": {"value": "center"},
                                  "baseline": {"value": "middle"}, "fontSize": {"value": 11},
                                  "text": {"signal": "[datum.label, datum.share]"}, "limit": {"value": 200}}}},
        ],
    }


def headline_bars(bars: list[dict[str, Any]]) -> dict[str, Any]:
    """How sensational each headline is, a bar per outlet."""
    return {
        "$schema": _SCHEMA,
        "width": 360, "height": 26 * len(bars), "padding": 5,
        "data": [{"name": "bars", "values": bars}],
        "scales": [{"name": "x", "type": "linear", "domain": [0, 1], "range": "width"},
                   {"name": "y", "type": "band", "domain": [b["outlet"] for b in bars], "range": "height", "padding": 0.2},
                   {"name": "c", "type": "linear", "domain": [0, 1], "range": ["#8c959f", "#cf222e"]}],
        "axes": [{"orient": "bottom", "scale": "x", "title": "sensationalism (0 plain – 1 clickbait)", "format": ".1f"},
                 {"orient": "left", "scale": "y", "labelLimit": 200}],
        "marks": [{"type": "rect", "from": {"data": "bars"},
                   "encode": {"enter": {"x": {"scale": "x", "value": 0}, "x2": {"scale": "x", "field": "value"},
                                        "y": {"scale": "y", "field": "outlet"}, "height": {"scale": "y", "band": 1},
                                        "fill": {"scale": "c", "field": "value"}, "cursor": {"value": "pointer"},
                                        "tooltip": {"signal": "{'outlet': datum.outlet, 'signals': datum.signals}"}}}}],
    }
