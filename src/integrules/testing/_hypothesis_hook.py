"""The function hypothesis' entry point calls when hypothesis is imported.

It lives apart from :mod:`integrules.testing.strategies` and imports nothing at module level:
when ``import integrules.testing.strategies`` is the first import in a script, hypothesis (which
that module imports) runs its entry points while the module is still half-built, so the hook
must not need anything from it yet. The strategies are therefore registered deferred: they are
built the first time hypothesis asks for them, when every module is complete.
"""

from __future__ import annotations

# The profile a longer run uses: ``pytest --hypothesis-profile=integrules-thorough`` (docs/testing.md).
THOROUGH_PROFILE = "integrules-thorough"
THOROUGH_EXAMPLES = 1000


def _hypothesis_setup_hook() -> None:
    """Register ``st.from_type`` strategies for the domain types and the longer-run profile."""
    from hypothesis import settings
    from hypothesis import strategies as st

    from ..duf import DufNummer
    from ..levels import Level
    from ..model import Participant

    def later(name: str):
        def build():
            from . import strategies

            return getattr(strategies, name)()
        return st.deferred(build)

    st.register_type_strategy(Participant, later("participants"))
    st.register_type_strategy(Level, later("levels"))
    st.register_type_strategy(DufNummer, later("duf_numbers"))
    settings.register_profile(THOROUGH_PROFILE, max_examples=THOROUGH_EXAMPLES, deadline=None)
