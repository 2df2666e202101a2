"""The Great Expectations surface: one suite per dataset, run by a real Checkpoint, Data Docs offline.

`suites` turns each pandera model into stock GX expectations; `expectations`
wraps every consistency rule in one custom expectation whose metric calls the
rule's own function; `site` runs the Checkpoints and builds Data Docs;
`offline` points the built pages at assets vendored in this package.
"""
from checks.gx.site import write_data_docs

__all__ = ["write_data_docs"]
