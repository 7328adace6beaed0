"""Hypothesis profiles for the whole suite (core and plugins).

CI sets CI=true: the same examples every run, so a red CI is a real regression and can be
reproduced. Locally each run explores new examples.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
