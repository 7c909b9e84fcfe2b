"""The one error type a person reads, and its few kinds.

Each carries the message to print and the exit code. The entry point catches
``WorkbookError`` once; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

EXIT_FLAGGED = 1
EXIT_BAD_INPUT = 2
EXIT_CANCELLED = 130


class WorkbookError(Exception):
    """An error with a message for a person and an exit code."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, details: tuple[str, ...] = (), exit_code: int | None = None):
        super().__init__(message)
        self.message = message
        self.details = details
        if exit_code is not None:
            self.exit_code = exit_code


class ContentError(WorkbookError):
    """Content (built-in or a pack) that failed to load or validate."""


class AnswersError(WorkbookError):
    """An answers file, or typed answers, that failed validation."""


class NotFoundError(WorkbookError):
    """An id or name that names nothing."""


class StorageError(WorkbookError):
    """The data root or a journal file could not be read or written."""


class Cancelled(WorkbookError):
    """The person cancelled a prompt (Ctrl-C, Ctrl-D, end of input)."""

    exit_code = EXIT_CANCELLED
