"""jadwal.nation: a province or the nation planned on a Dask cluster, one agency per task.

A national folder (docs/scale.md) is ``nation.yaml`` plus one scenario per
agency. ``jadwal-nation plan FOLDER --out DIR`` (:func:`main`, also
``python3 -m jadwal.nation``) surveys every agency, splits the shared capacity
(national webinar seats, platform lanes, the dates of shared instructors and
venues) among them (:mod:`.coordinate`), plans each agency as one Dask task
(:mod:`.task`), hands unused capacity back for a bounded number of rounds, and
checks the combined plan (:mod:`.check`) before writing the national summary
(:mod:`.summary`).

Importing this package does not import Dask: only :func:`main` does.
"""

from __future__ import annotations

from typing import Optional, Sequence

from .folder import Nation, NationError, Problem, fingerprint, read_nation

__all__ = ["Nation", "NationError", "Problem", "fingerprint", "read_nation", "main"]


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The ``jadwal-nation`` command line; returns the exit status."""
    from .__main__ import main as _main

    return _main(argv)
