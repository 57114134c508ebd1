"""The scoring engine: from one organisation's answers and the catalogue to an explained recommendation.

Pure: no Django, no I/O, deterministic (the simulation is seeded); an import-linter contract keeps it so.
`score(profile, catalogue)` is the one entry point; see decide.py for the road through the modules.
"""

from .decide import score

__all__ = ["score"]
