"""Strip run-dependent bytes from executed notebooks so reruns are byte-identical.

papermill records wall-clock times (notebook and per cell), the temporary output path and a
random id for the injected-parameters cell; nbclient records kernel message timestamps. None
of it is content. Timings are kept in the batch manifest instead.
"""

from __future__ import annotations

import nbformat

#: papermill metadata keys that change on every run.
_RUN_KEYS = ("start_time", "end_time", "duration")
INJECTED_CELL_ID = "injected-parameters"


def normalize_notebook(nb: nbformat.NotebookNode, input_path: str, output_path: str) -> nbformat.NotebookNode:
    """Remove timestamps, durations and random ids, renumber executions; return ``nb``.

    ``input_path``/``output_path`` replace papermill's recorded paths (the latter is a
    temporary name while the notebook runs).
    """
    pm = nb.metadata.get("papermill", {})
    for key in _RUN_KEYS:
        pm.pop(key, None)
    if pm:
        pm["input_path"] = input_path
        pm["output_path"] = output_path
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            count += 1  # a warm kernel keeps counting across notebooks: number from 1
            cell.execution_count = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
        cpm = cell.metadata.get("papermill")
        if cpm:
            for key in _RUN_KEYS:
                cpm.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_CELL_ID
    return nb
