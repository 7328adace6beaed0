"""Testing aids for plugin authors: hypothesis strategies (``integrules.testing.strategies``)."""
