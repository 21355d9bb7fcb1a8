"""township-report: township population statistics to demographic appendices.

At the prompt (JupyterLab)::

    import analysis
    ds = analysis.open_dataset("data/demo")
    town = ds.township("白石镇")
    town.forecast()

The batch notebooks use :mod:`analysis.report`; both rest on the same functions
(:mod:`analysis.indicators`, :mod:`analysis.quality`, :mod:`analysis.forecast`).
"""

from .version import __version__

__all__ = ["__version__", "open_dataset"]


def __getattr__(name: str):  # lazy: pandas and matplotlib load only when asked for
    if name == "open_dataset":
        from .explore import open_dataset

        return open_dataset
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
