"""The result type shared by the base forecasting methods."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class BaseForecast:
    """Point forecasts and model standard deviations of the h-step errors (working scale)."""

    mean: np.ndarray
    sd: np.ndarray
    #: Fitted parameters and notes, for the record.
    info: dict[str, object] = field(default_factory=dict)
    #: Warnings raised while fitting (caught, never shown to the user).
    warnings: tuple[str, ...] = ()
