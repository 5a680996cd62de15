"""One hierarchy for domain errors: services raise these, views and the API turn them
into plain-English messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")


class WorkingsError(Exception):
    """Base class. The message is shown to the person, so write it in plain English."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def problems(self) -> list[WorkingsError]:
        """Every problem this error reports (one, unless a service collected several)."""
        return [self]


class ValidationFailed(WorkingsError):
    """Input that breaks a rule; nothing was written. It may carry several problems at once
    (see `Problems`): the first is its own message and field, for callers that show one."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: Sequence[WorkingsError] = (),
    ) -> None:
        super().__init__(message, field=field)
        self._problems = list(problems)

    @property
    def problems(self) -> list[WorkingsError]:
        return self._problems or [self]

    @classmethod
    def together(cls, problems: Sequence[WorkingsError]) -> ValidationFailed:
        first = problems[0]
        return cls(first.message, field=first.field, problems=problems)


class NotAllowed(WorkingsError):
    """The person may not do this."""


class NotFound(WorkingsError):
    """Missing, or not visible to this person (the two are never told apart)."""


class Conflict(WorkingsError):
    """Someone else changed the same thing first."""


class Problems:
    """Collects every rule a service finds broken, so the person hears about all of them at
    once (the GOV.UK pattern), then raises them together as one ValidationFailed.

        problems = Problems()
        title = problems.check(required_text, title, field="title", label=...)
        with problems.collect():
            due = parse_day(...)
        problems.raise_any()   # before anything is written

    A value whose check failed comes back as None: call `raise_any()` before using it.
    """

    def __init__(self) -> None:
        self.found: list[WorkingsError] = []

    def __bool__(self) -> bool:
        return bool(self.found)

    def add(self, message: str, *, field: str | None = None) -> None:
        self.found.append(ValidationFailed(message, field=field))

    def fields(self) -> set[str | None]:
        return {problem.field for problem in self.found}

    def check(self, rule: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return rule(*args, **kwargs)
        except ValidationFailed as error:
            self.found.extend(error.problems)
            return None

    @contextmanager
    def collect(self) -> Iterator[None]:
        try:
            yield
        except ValidationFailed as error:
            self.found.extend(error.problems)

    def raise_any(self) -> None:
        if self.found:
            raise ValidationFailed.together(self.found)
