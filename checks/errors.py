"""Errors that end a run with exit status 2 and one line on stderr."""


class UsageError(Exception):
    """The run cannot be done as asked: bad input, configuration or arguments."""


class InputError(UsageError):
    """An input file or folder cannot be read as article text."""


class ConfigError(UsageError):
    """The configuration is invalid."""
