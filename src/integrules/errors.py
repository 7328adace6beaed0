"""Errors meant for users. They print without a traceback; a bug inside a plugin keeps its own."""

from __future__ import annotations


class IntegrulesError(Exception):
    """Base class for errors the command line reports as a message, not a traceback."""

    exit_code = 2


class FieldValueError(ValueError):
    """A single input value is not what the field expects (placed on its field path by the converter)."""


class ConfigurationError(IntegrulesError):
    """Plugins disagree at start-up: a duplicate id, two overrides of one id, an override of nothing."""

    exit_code = 4


class PluginLoadError(IntegrulesError):
    """A plugin named on the entry-point group could not be imported."""

    exit_code = 4


class InputError(IntegrulesError):
    """A file could not be read at all (not a single bad record: those are rejections)."""

    exit_code = 3


class NoRulesError(IntegrulesError):
    """No requirement is installed: judging would find nothing and look like all is well."""

    exit_code = 6


class UsageError(IntegrulesError):
    """The command line or an API call was used wrongly."""

    exit_code = 2


class OutputError(IntegrulesError):
    """The output could not be written (``-o`` into a missing folder, onto a folder, a read-only file, a full disk)."""

    exit_code = 2


class InputWarning(UserWarning):
    """Something in the input was read, but perhaps not as meant (an xlsx formula without a value,
    merged cells, an id given twice). The command line prints it as one line on standard error."""
