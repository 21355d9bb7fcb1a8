"""township-report: township population statistics to demographic appendices.

Import what you need in JupyterLab::

    from analysis.load import load_dataset
    ds = load_dataset("data/demo")
    ds.townships
"""

from .version import __version__

__all__ = ["__version__"]
