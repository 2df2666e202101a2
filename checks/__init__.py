"""checks: data-quality validation for datasets derived from news articles."""

__version__ = "0.1.0"
