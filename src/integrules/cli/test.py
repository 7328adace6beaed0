"""integrules test: the command's name; the implementation is in test_cases.py."""

from .test_cases import HELP, add_arguments, run

__all__ = ["HELP", "add_arguments", "run"]
