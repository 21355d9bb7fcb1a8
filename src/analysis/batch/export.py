"""Export an executed notebook to a self-contained, offline HTML appendix (in-process nbconvert).

The project template ``appendix`` (``analysis/templates/nbconvert/appendix``) extends
JupyterLab's template and drops every CDN script, so the page works without a network. Code
cells are hidden; cells tagged ``remove-cell`` (notes for JupyterLab readers) are removed;
images are embedded as data URIs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from ..fsutil import atomic_path
from ..i18n import t

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "nbconvert"
REMOVE_TAG = "remove-cell"


@functools.cache
def html_exporter() -> HTMLExporter:
    """One configured exporter per process (building it costs ~0.1 s; reuse it)."""
    c = Config()
    c.TagRemovePreprocessor.remove_cell_tags = {REMOVE_TAG}
    c.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(config=c, extra_template_basedirs=[str(TEMPLATES)],
                            template_name="appendix")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    exporter.register_preprocessor(TagRemovePreprocessor(config=c), enabled=True)
    return exporter


#: The HTML ``lang`` attribute of each appendix language (fonts and screen readers use it).
LANGUAGE_CODES = {"zh": "zh-CN", "en": "en"}


_H2 = re.compile(r'<h2 id="(?P<id>[^"]+)">(?P<text>.*?)<a class="anchor-link"[^>]*>.*?</a></h2>', re.S)


def add_toc(html: str, language: str) -> str:
    """Insert a table of contents (links to every numbered section) before the first section.

    In the PDF each entry gets its page number (CSS ``target-counter``, see print.css.j2).
    """
    entries = [(m["id"], re.sub(r"<[^>]+>", "", m["text"]).strip()) for m in _H2.finditer(html)]
    if not entries:
        return html
    items = "".join(f'<li><a href="#{i}">{text}</a></li>' for i, text in entries)
    nav = (f'<nav class="toc"><div class="toc-title">{t("toc.title", language)}</div>'
           f"<ol>{items}</ol></nav>")
    first = _H2.search(html)
    start = html.rfind('<div class="jp-Cell', 0, first.start())
    at = start if start != -1 else first.start()
    return keep_headings_with_next(html[:at] + nav + html[at:])


def keep_headings_with_next(html: str) -> str:
    """Mark each output block holding a section heading so print never ends a page on it."""
    out, pos = [], 0
    for m in _H2.finditer(html):
        start = html.rfind('<div class="jp-OutputArea-child">', pos, m.start())
        if start != -1:
            out.append(html[pos:start])
            out.append('<div class="jp-OutputArea-child keep-with-next">')
            pos = start + len('<div class="jp-OutputArea-child">')
    out.append(html[pos:])
    return "".join(out)


def print_css(language: str, provenance: str = "") -> str:
    """The print stylesheet with the page footer in ``language``."""
    footer = t("page.footer", language, page="\x00", pages="\x01")
    before, _, rest = footer.partition("\x00")
    middle, _, after = rest.partition("\x01")
    env = html_exporter().environment
    template = env.from_string((TEMPLATES / "appendix" / "print.css.j2").read_text(encoding="utf-8"))
    return template.render(footer_before=before, footer_middle=middle, footer_after=after,
                           provenance=provenance.replace('"', "'"))


def notebook_to_html(nb: nbformat.NotebookNode, title: str, language: str = "zh",
                     provenance: str = "") -> str:
    """Render an executed notebook as one self-contained HTML page titled ``title``.

    The page carries its own print stylesheet (A4, page numbers, ``provenance`` in the page
    footer) so that the PDF is made from exactly this HTML.
    """
    nb = nbformat.from_dict(nb)  # copy: do not alter the caller's notebook
    nb.metadata["title"] = title
    exporter = html_exporter()
    exporter.language_code = LANGUAGE_CODES.get(language, language)
    resources = {"metadata": {"name": title}, "print_css": print_css(language, provenance)}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return add_toc(body, language)


def export_pdf(html: Path, pdf: Path) -> Path:
    """Typeset an HTML appendix as an A4 PDF with WeasyPrint, atomically.

    WeasyPrint (not nbconvert's LaTeX route, which silently drops Chinese, nor webpdf, which
    needs a downloaded browser) embeds subsets of the real CJK fonts and gives byte-identical
    output for identical input (measured: shared/MEASURED.md). The print stylesheet is
    inside the HTML, so the PDF is made from exactly the page users see.
    """
    import weasyprint  # imported here: ~0.5 s, only when PDFs are asked for

    document = weasyprint.HTML(filename=str(html), base_url=str(html.parent))
    with atomic_path(pdf) as tmp:
        document.write_pdf(tmp)
    return pdf
