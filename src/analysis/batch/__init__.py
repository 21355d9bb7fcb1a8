"""Running the appendix notebook for many townships: planning, execution, export, index.

This subpackage knows nothing of demography: it runs a notebook with parameters, exports it
and records what happened.
"""

# papermill loads its engines' entry points when it is first imported, ours included
# (analysis.batch.engine). Importing papermill here, before any module of this package, means
# that entry point never finds analysis.batch.engine half-imported, whichever is imported first.
import papermill  # noqa: E402,F401  (import order matters; see above)
