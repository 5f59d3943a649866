#!/usr/bin/env python3
"""Writes one Graphviz DOT file per frame of a rendered program, from its trace.json: the way frames are made
without gradframes, redrawing the whole graph with Graphviz for every step (micrograd's draw_dot, torchviz).

    python3 bench/frame_dots.py frames/advanced/trace.json /tmp/dots
"""
import json
import os
import sys

COLORS = {"pending": "#f3f4f6", "partial": "#fef3c7", "ready": "#dbeafe", "active": "#fee2e2",
          "done": "#dcfce7", "unused": "#fafafa"}


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(trace_path, out):
    trace = json.load(open(trace_path, encoding="utf-8"))
    os.makedirs(out, exist_ok=True)
    latest = {}
    for frame in trace["frames"]:
        latest.update(frame["changes"])
        lines = ["digraph G {", "  rankdir=LR;", "  node [shape=record, style=filled];"]
        for node in trace["nodes"]:
            grad = latest.get(node["id"])
            if grad is None:
                label = f"{node['id']} | value {node['value']:.5g}"
                fill = "#ffffff"
            else:
                label = f"{node['id']} | value {node['value']:.5g} | grad {float(grad['grad']):.5g}"
                fill = COLORS.get(grad["state"], "#ffffff")
            lines.append(f"  {quote(node['id'])} [label={quote(label)}, fillcolor={quote(fill)}];")
        for edge in trace["edges"]:
            lines.append(f"  {quote(edge['from'])} -> {quote(edge['to'])};")
        lines.append("}")
        with open(os.path.join(out, "frame-%04d.dot" % frame["index"]), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
