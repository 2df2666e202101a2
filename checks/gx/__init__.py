"""The Great Expectations surface: expectations a team adds to its own suite, and the run's Data Docs.

`articles` holds the expectations over a user's own batch of articles (ExpectNoDuplicateParagraphs,
...), each running our rules' own functions over it; `batch_corpus` turns such a batch into a Corpus.
For `checks run --data-docs`: `suites` turns each pandera model into stock GX expectations;
`expectations` states the run's findings as one expectation per rule; `site` runs the
Checkpoints and builds Data Docs; `offline` points the built pages at assets vendored here.
"""
from checks.gx.articles import (ExpectGrowthClaimsToHold, ExpectNoDoubledWords, ExpectNoDuplicateParagraphs,
                                ExpectNoTruncatedParagraphs, ExpectShareClaimsToHold)
from checks.gx.site import write_data_docs

__all__ = ["ExpectGrowthClaimsToHold", "ExpectNoDoubledWords", "ExpectNoDuplicateParagraphs",
           "ExpectNoTruncatedParagraphs", "ExpectShareClaimsToHold", "write_data_docs"]
