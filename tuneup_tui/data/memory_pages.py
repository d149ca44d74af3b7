"""Small memory pages for numpy's arrays while a pack is read and its panels computed.

numpy asks Linux for huge pages (2 MB) for every array of 4 MB or more (`madvise`). Where the
kernel honours that request by compacting memory on the spot (transparent huge pages set to
`madvise` for both use and defragmentation, the default of many distributions), each fresh
array of that size can stall while memory is moved about. Reading a pack and computing its
panels makes hundreds of such arrays, short-lived: a million leads' dates, masks, codes and
positions. Measured on the 929k-lead bench pack (docs/benchmarks.md), the all-panels run took
about 8% less time with the request off, and a bare `pandas.read_csv` the same either way.

The request is turned off once, when the first source is read; a person who set
`NUMPY_MADVISE_HUGEPAGE` themselves keeps their choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache

ENV = "NUMPY_MADVISE_HUGEPAGE"


@lru_cache(maxsize=1)
def small_pages() -> None:
    """Ask numpy not to request huge pages for its arrays from now on (this process). A no-op
    when the person chose with `NUMPY_MADVISE_HUGEPAGE` or the numpy in use has no such
    switch."""
    switch = _switch()
    if os.environ.get(ENV) is None and switch is not None:
        switch(False)


def _switch() -> Callable[[bool], bool] | None:
    """numpy's own switch for the huge-page request (numpy 2: `numpy._core.multiarray`)."""
    try:
        from numpy._core import multiarray
    except ImportError:  # numpy 1.x
        try:
            from numpy.core import multiarray  # type: ignore[no-redef]
        except ImportError:
            return None
    switch: Callable[[bool], bool] | None = getattr(multiarray, "_set_madvise_hugepage", None)
    return switch
