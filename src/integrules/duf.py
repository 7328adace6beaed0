"""DUF numbers: UDI's 12-digit case-person number, written `YYYY NNNNNN NN` or without spaces.

The check on the last two digits is the de-facto algorithm SSB uses as a warning (weighted mod 11
over the first ten digits; statisticsnorway/kostra-kontrollprogram `validateDUF`). There is no
official published specification, so a failed check is a warning, never a rejection.
"""

from __future__ import annotations

import re

import attrs

from .errors import FieldValueError

_WEIGHTS = (4, 6, 3, 2, 4, 6, 3, 2, 7, 5)
_ACCEPTED = re.compile(r"^\d{4} ?\d{6} ?\d{2}$")


def _twelve_digits(instance: object, attribute: attrs.Attribute, value: str) -> None:
    if not (len(value) == 12 and value.isdigit()):
        raise FieldValueError(f"a DUF number has 12 digits, got {len(value)} characters")


@attrs.frozen
class DufNummer:
    """A DUF number, stored as 12 digits."""

    digits: str = attrs.field(validator=_twelve_digits)

    @classmethod
    def parse(cls, value: object) -> DufNummer:
        if type(value) is str and len(value) == 12 and value.isascii() and value.isdigit():
            return cls(value)  # twelve ASCII digits, as most files write it: what the steps below give
        if isinstance(value, DufNummer):
            return value
        if not isinstance(value, str):
            raise FieldValueError(f"expected a DUF number as text, got {type(value).__name__}")
        text = value.strip()
        if not _ACCEPTED.match(text):
            # The value itself is personal data: describe it, never echo it.
            raise FieldValueError(
                "malformed DUF number: expected 12 digits written 'YYYY NNNNNN NN' or 'YYYYNNNNNNNN'"
            )
        return cls(text.replace(" ", ""))

    @property
    def check_digits_ok(self) -> bool:
        """True when the last two digits match SSB's weighted mod-11 check (a warning-level check)."""
        total = sum(int(d) * w for d, w in zip(self.digits[:10], _WEIGHTS))
        return f"{total % 11:02d}" == self.digits[10:]

    @property
    def formatted(self) -> str:
        return f"{self.digits[:4]} {self.digits[4:10]} {self.digits[10:]}"

    def __str__(self) -> str:
        return self.digits


def check_digits_for(first_ten: str) -> str:
    """The two check digits SSB's algorithm expects after ten digits (for synthetic data)."""
    return f"{sum(int(d) * w for d, w in zip(first_ten, _WEIGHTS)) % 11:02d}"
