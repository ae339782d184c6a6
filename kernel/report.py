"""The standalone HTML report of an executed notebook (used by kernel/execute.py).

A report opens offline and reads like a paper:
- everything it needs is inside the file: plotly.js and MathJax 3 (SVG output, so no web fonts)
  from node_modules, no require.js, no CDN; a Content-Security-Policy forbids every network request;
- Markdown cells and HTML outputs are sanitised with nh3 (the Ammonia sanitiser): no script, event
  handler or foreign URL survives, while pathlab's tables (table markup, classes, inline styles
  limited to layout and colour) do;
- figures are drawn by one page script from their plotly JSON (the notebook's own HTML fragment is
  not used), so a title with a newline or a quote cannot break anything;
- the <title> is the notebook's first heading; a table of contents lists the headings; a reader
  mode folds code cells (papers start in it; a checkbox shows the code);
- the same notebook gives the same bytes: nothing random or time-dependent is written.
"""
import copy
import json
import re
from pathlib import Path

import nh3
from nbconvert import HTMLExporter

PLOTLY_MIME = "application/vnd.plotly.v1+json"
TEMPLATES = Path(__file__).resolve().parent / "report-template"
TOC_PLACEHOLDER = "<!--pathlab-toc-->"

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "progress", "q", "s", "samp", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
}
ATTRIBUTES = {
    "*": {"class", "id", "style", "title", "lang", "dir", "role"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type"},
    "progress": {"value", "max"},
    "details": {"open"},
    "time": {"datetime"},
}
# Layout, type and colour only: no property that can load a URL (background-image, content, …).
STYLE_PROPERTIES = {
    "text-align", "vertical-align", "white-space", "word-break", "overflow-wrap", "display",
    "width", "min-width", "max-width", "height", "min-height", "max-height",
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-collapse", "border-spacing",
    "border-color", "border-style", "border-width", "border-radius",
    "color", "background-color", "opacity",
    "font-family", "font-size", "font-style", "font-weight", "font-variant-numeric", "line-height", "letter-spacing",
    "text-decoration", "text-transform",
}


def _attribute_filter(tag, attr, value):
    # data: URLs only as image sources (a data: link can carry a page with scripts).
    if attr in ("href", "src") and value.strip().lower().startswith("data:"):
        return value if tag == "img" and re.match(r"\s*data:image/(png|jpeg|gif|webp);", value, re.I) else None
    return value


def sanitize(fragment) -> str:
    """Sanitised HTML (a Markdown cell after rendering, or an HTML output)."""
    text = fragment.decode() if isinstance(fragment, bytes) else str(fragment)
    return nh3.clean(
        text,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes={"http", "https", "mailto", "data"},
        filter_style_properties=STYLE_PROPERTIES,
        strip_comments=True,
    )


HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")


def first_heading(nb) -> str:
    """Text of the notebook's first Markdown heading, without Markdown markup ('Notebook' if none)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fence = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fence = not fence
                continue
            m = None if fence else HEADING.match(line)
            if m:
                t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(2))
                t = re.sub(r"[*_`]", "", t)
                return re.sub(r"<[^>]+>", "", t).strip() or "Notebook"
    return "Notebook"


HEADING_HTML = re.compile(r'<h([1-3]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def table_of_contents(body: str) -> str:
    """A <nav> listing the report's h1–h3 headings (as rendered, with their anchor ids)."""
    items = []
    for level, anchor, inner in HEADING_HTML.findall(body):
        text = re.sub(r"<[^>]+>", "", inner).replace("¶", "").strip()
        if text:
            items.append(f'<li class="pathlab-toc-h{level}"><a href="#{anchor}">{text}</a></li>')
    if len(items) < 2:
        return ""
    return (
        '<nav class="pathlab-toc" aria-label="Contents"><details open><summary>Contents</summary><ol>'
        + "".join(items)
        + "</ol></details></nav>"
    )


def figures_for_export(nb):
    """A copy of the notebook whose plotly outputs are placeholders, and the figures' JSON."""
    nb = copy.deepcopy(nb)
    figures = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if PLOTLY_MIME not in data:
                continue
            spec = data[PLOTLY_MIME]
            layout = spec.get("layout") or {}
            height = layout.get("height") if isinstance(layout.get("height"), (int, float)) else 420
            k = len(figures)
            figure = {"data": spec.get("data", []), "layout": layout, "config": spec.get("config", {})}
            if spec.get("frames"):
                figure["frames"] = spec["frames"]  # animation frames: the Play buttons of teaching figures need them
            figures.append(figure)
            title = data.get("text/plain", "Figure")
            out["data"] = {
                "text/html": f'<div class="pathlab-figure" id="pathlab-figure-{k}" style="width:100%;height:{int(height)}px"></div>',
                "text/plain": title,
            }
    return nb, figures


def inline_script(js: str) -> str:
    """Script text safe inside <script>…</script>."""
    return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


MATHJAX_CONFIG = """window.MathJax = {
  tex: { inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]], processEscapes: true, processEnvironments: true, tags: "ams" },
  svg: { fontCache: "global" },
  options: { ignoreHtmlClass: "jp-CodeCell|jp-OutputArea-output", processHtmlClass: "jp-MarkdownOutput|jp-RenderedMarkdown|jp-RenderedLatex" },
  startup: { typeset: true }
};"""

DRAW = """(function () {
  var data = document.querySelector("script.pathlab-figure-data");
  var figures = data ? JSON.parse(data.textContent) : [];
  figures.forEach(function (f, i) {
    var el = document.getElementById("pathlab-figure-" + i);
    if (!el) return;
    if (!window.Plotly) { el.textContent = "(plotly.js is missing: figure not drawn)"; return; }
    window.Plotly.newPlot(el, f);
  });
})();"""

CSS = """
.pathlab-show-code { position: fixed; top: 0; left: 0; width: 1px; height: 1px; opacity: 0; margin: 0; }
.pathlab-show-code-label { position: fixed; top: 6px; right: 12px; z-index: 20; font: 13px/1.6 var(--jp-ui-font-family, sans-serif);
  background: #fff; border: 1px solid #bbb; border-radius: 4px; padding: 1px 10px; cursor: pointer; user-select: none; }
.pathlab-show-code-label::before { content: "Show code"; }
.pathlab-show-code:checked + .pathlab-show-code-label::before { content: "Hide code"; }
.pathlab-show-code:focus-visible + .pathlab-show-code-label { outline: 2px solid #4a90d9; }
.pathlab-show-code:not(:checked) ~ main .jp-CodeCell .jp-Cell-inputWrapper { display: none; }
.pathlab-show-code:not(:checked) ~ main .jp-OutputPrompt { visibility: hidden; }
.pathlab-show-code:not(:checked) ~ main .jp-CodeCell:not(:has(.jp-OutputArea-output)) { display: none; }
nav.pathlab-toc { margin: 0 0 1.5em 0; padding: 0.5em 1em; border: 1px solid #ddd; border-radius: 4px; background: #fafafa;
  font-family: var(--jp-ui-font-family, sans-serif); }
nav.pathlab-toc summary { font-weight: 600; cursor: pointer; }
nav.pathlab-toc ol { list-style: none; margin: 0.4em 0 0 0; padding: 0; }
nav.pathlab-toc li { margin: 0.15em 0; }
nav.pathlab-toc .pathlab-toc-h2 { padding-left: 1.2em; }
nav.pathlab-toc .pathlab-toc-h3 { padding-left: 2.4em; font-size: 0.95em; }
@media print { .pathlab-show-code, .pathlab-show-code-label { display: none; } }
"""


def export_html(nb, assets: dict, reader: bool) -> str:
    """The report of an executed notebook. `assets` holds the text of plotly.js and MathJax."""
    export_nb, figures = figures_for_export(nb)
    exporter = HTMLExporter(
        template_name="pathlab",
        extra_template_basedirs=[str(TEMPLATES)],
        sanitize_html=True,
        filters={"clean_html": sanitize},
    )
    resources = {
        "metadata": {"name": first_heading(nb)},
        "pathlab": {
            "css": CSS,
            "mathjax_config": MATHJAX_CONFIG,
            "mathjax": inline_script(assets["mathjax"]),
            "plotly": inline_script(assets["plotly"]),
            "figures": json.dumps(figures, ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("<", "\\u003c"),
            "draw": DRAW,
            "reader": reader,
            "toc_placeholder": TOC_PLACEHOLDER,
        },
    }
    body, _ = exporter.from_notebook_node(export_nb, resources=resources)
    return body.replace(TOC_PLACEHOLDER, table_of_contents(body), 1)


def load_assets(plotly_path: str, mathjax_path: str) -> dict:
    return {
        "plotly": Path(plotly_path).read_text(encoding="utf-8"),
        "mathjax": Path(mathjax_path).read_text(encoding="utf-8"),
    }


__all__ = ["export_html", "load_assets", "sanitize", "first_heading", "table_of_contents"]
