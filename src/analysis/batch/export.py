"""Export an executed notebook to a self-contained, offline HTML appendix (in-process nbconvert).

The project template ``appendix`` (``analysis/templates/nbconvert/appendix``) extends
JupyterLab's template and drops every CDN script, so the page works without a network. Code
cells are hidden; cells tagged ``remove-cell`` (notes for JupyterLab readers) are removed;
images are embedded as data URIs.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from ..fsutil import atomic_write_text

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


def notebook_to_html(nb: nbformat.NotebookNode, title: str, language: str = "zh") -> str:
    """Render an executed notebook as one self-contained HTML page titled ``title``."""
    nb = nbformat.from_dict(nb)  # copy: do not alter the caller's notebook
    nb.metadata["title"] = title
    exporter = html_exporter()
    exporter.language_code = LANGUAGE_CODES.get(language, language)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def export_html(ipynb: Path, html: Path, title: str, language: str = "zh") -> Path:
    """Read ``ipynb`` and write its HTML appendix to ``html`` atomically."""
    nb = nbformat.read(ipynb, as_version=4)
    return atomic_write_text(html, notebook_to_html(nb, title, language))
