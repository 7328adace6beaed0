"""Keeping personal data out of what integrules writes.

Two tools:

- :func:`echo`: the one rule for quoting an input value in an error message. A value is quoted
  only when it is short and has the shape the field expects (a date written wrongly, a level
  like ``B3``); anything else, a name typed into the wrong field for instance, is described by
  its kind and length, never shown.
- :class:`Pseudonymiser`: replaces participant ids with keyed HMAC-SHA-256 hashes
  (``--pseudonymise``), the same for the same id and key on every run, so that two reports made
  with one key can still be joined, and without the key an id cannot be recovered or tested.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from typing import Any, Iterable, Iterator

import attrs

ENV_KEY = "INTEGRULES_PSEUDONYM_KEY"
PREFIX = "psn-"
HASH_CHARS = 16  # 64 bits of the HMAC: collisions are negligible for any municipality's case load
# A key the command line takes: at least 32 characters, at least 10 of them different. With a short
# key, one known id and its pseudonym let anyone find the key by trying (a one-letter key fell in
# 1.4 s) and then reverse every pseudonym. 32 hex digits are 128 bits; the advice is 64 (256 bits).
MIN_KEY_CHARS = 32
MIN_KEY_DISTINCT = 10
KEY_ADVICE = 'python -c "import secrets; print(secrets.token_hex(32))"'

# A value shaped like a date: digits and date separators only, at most 10 characters. A DUF
# number has 12 digits and cannot match; a name cannot either.
DATE_SHAPE = re.compile(r"^[0-9][0-9.\-/ ]{0,9}$")
# A value shaped like a CEFR level: a letter and a digit, optionally after "under".
LEVEL_SHAPE = re.compile(r"^(?:[Uu][Nn][Dd][Ee][Rr][ _]?)?[A-Za-z][0-9]$")
# A field name: a lower-case identifier, the form of every field in the format. An unknown key
# is echoed only in this shape ("Kari Nordmann" or "Kari" as a key is counted, not shown).
KEY_SHAPE = re.compile(r"^[a-z_][a-z0-9_]{0,39}$")


def echo(value: object, shape: re.Pattern[str]) -> str | None:
    """``repr(value)`` when it is text of the expected ``shape``, else None (do not echo it)."""
    if isinstance(value, str) and shape.match(value.strip()):
        return repr(value.strip())
    return None


def describe(value: object) -> str:
    """A value described without showing it: ``text (12 characters)``."""
    if isinstance(value, str):
        return f"text ({len(value)} characters)"
    return type(value).__name__


def quoted_or_described(value: object, shape: re.Pattern[str]) -> str:
    return echo(value, shape) or describe(value)


def safe_keys(keys: Iterable[object]) -> str:
    """Unknown field names for a message: identifier-shaped ones by name, the others counted."""
    shown = sorted(str(k) for k in keys if isinstance(k, str) and KEY_SHAPE.match(k))
    hidden = sum(1 for k in keys if not (isinstance(k, str) and KEY_SHAPE.match(k)))
    if hidden:
        shown.append(f"{hidden} more not shown")
    return ", ".join(shown)


def weak_key(key: str | bytes) -> str | None:
    """Why ``key`` is too weak to pseudonymise with, or None when it is strong enough."""
    if len(key) < MIN_KEY_CHARS:
        return f"the key has {len(key)} characters; at least {MIN_KEY_CHARS} are needed"
    if len(set(key)) < MIN_KEY_DISTINCT:
        return f"the key repeats a few characters; at least {MIN_KEY_DISTINCT} different ones are needed"
    return None


class Pseudonymiser:
    """Keyed, stable pseudonyms for participant ids: ``psn-`` and 16 hex digits of HMAC-SHA-256."""

    def __init__(self, key: str | bytes) -> None:
        if isinstance(key, str):
            key = key.encode("utf-8")
        if not key:
            raise ValueError("a pseudonymisation key must not be empty")
        self._key = key

    @classmethod
    def from_environment(cls, key: str | None = None) -> Pseudonymiser | None:
        """From an explicit key, else INTEGRULES_PSEUDONYM_KEY; None when neither is set."""
        key = key if key is not None else os.environ.get(ENV_KEY)
        return cls(key) if key else None

    def __call__(self, participant_id: str | None) -> str | None:
        if participant_id is None:
            return None
        digest = hmac.new(self._key, participant_id.encode("utf-8"), hashlib.sha256).hexdigest()
        return PREFIX + digest[:HASH_CHARS]

    def __repr__(self) -> str:  # never show the key
        return "Pseudonymiser(<key>)"

    def apply(self, item: Any) -> Any:
        """A ParticipantResult or Rejection with its id (and its participant's id) replaced."""
        from .results import ParticipantResult, Rejection

        if isinstance(item, ParticipantResult):
            participant = item.participant
            if participant is not None:
                participant = attrs.evolve(participant, id=self(participant.id))
            return attrs.evolve(item, participant_id=self(item.participant_id), participant=participant)
        if isinstance(item, Rejection):
            return attrs.evolve(item, record_id=self(item.record_id))
        return item

    def apply_all(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield self.apply(item)
