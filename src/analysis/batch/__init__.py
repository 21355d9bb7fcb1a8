"""Running the appendix notebook for many townships: planning, execution, export, index.

This subpackage knows nothing of demography: it runs a notebook with parameters, exports it
and records what happened.
"""
