"""integrules: Norwegian integration law as executable, explainable, testable rules.

Import what a plugin or a host application needs from here::

    from integrules import Engine, hookimpl, requirement, Requirement, Text, LegalRef
"""

import pluggy

hookimpl = pluggy.HookimplMarker("integrules")

from .areas import Area  # noqa: E402
from .context import Context, Missing  # noqa: E402
from .engine import Engine  # noqa: E402
from .errors import ConfigurationError, IntegrulesError, UsageError  # noqa: E402
from .findings import (  # noqa: E402
    Evaluation, Finding, Force, LegalRef, Outcome, Text, Unit,
    all_of, any_of, met, not_applicable, not_met, pending, unknown,
)
from .levels import Level, Subtest  # noqa: E402
from .model import Participant  # noqa: E402
from .results import ParticipantResult, Rejection  # noqa: E402
from .rules import (  # noqa: E402
    Adaptation, DerivedFact, Regime, RegimeDecision, Requirement, Setting, Verification, requirement,
)

__version__ = "0.1.0"

__all__ = [
    "Adaptation", "Area", "ConfigurationError", "Context", "DerivedFact", "Engine", "Evaluation", "Finding", "Force",
    "IntegrulesError", "LegalRef", "Level", "Missing", "Outcome", "Participant", "ParticipantResult", "Regime",
    "RegimeDecision", "Rejection", "Requirement", "Setting", "Subtest", "Text", "Unit", "UsageError", "Verification",
    "all_of", "any_of", "hookimpl", "met", "not_applicable", "not_met", "pending", "requirement", "unknown",
]
