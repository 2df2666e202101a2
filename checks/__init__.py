"""checks: data-quality validation for datasets derived from news articles.

`checks.validate(data, config)` runs the checks from Python (see checks/api.py); the API is imported
on first use, so `import checks` stays light.
"""

__version__ = "0.1.0"

__all__ = ["validate", "load_config", "Run", "__version__"]


def __getattr__(name: str):
    if name in ("validate", "load_config", "Run", "findings_frame"):
        from checks import api

        return getattr(api, name)
    raise AttributeError(f"module 'checks' has no attribute {name!r}")
