"""Public home of :func:`extract_figures` (implemented in :mod:`analysis.ingest.extract`)."""
from .ingest.extract import extract_figures

__all__ = ["extract_figures"]
