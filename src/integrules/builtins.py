"""Built-in behaviour, registered like any plugin (and asked last)."""

from __future__ import annotations

from . import hookimpl
from .findings import Text
from .rules import RegimeDecision


@hookimpl(trylast=True)
def integrules_decide_regime(participant, as_of, settings):
    """When no installed plugin decides, the regime is unknown: nothing is judged by a guess."""
    return RegimeDecision(
        regime=None,
        reason=Text(
            "Ingen installert regelsamling avgjør hvilket regelverk deltakeren omfattes av.",
            "No installed rule set decides which rules govern the participant.",
        ),
        missing=("regime",),
        plugin="integrules",
    )


BUILTIN_PLUGINS = ("integrules.builtins",)
