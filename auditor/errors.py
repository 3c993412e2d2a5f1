"""One exception tree. Each error maps to the contract's exit codes and a one-line message, so only the CLI
ever decides how to print and exit."""

from __future__ import annotations

EXIT_OK = 0
EXIT_GATE_FAILED = 1
EXIT_USAGE = 2
EXIT_NOTHING_AUDITED = 3


class CxauditError(Exception):
    """Base: a message a user can act on, and the exit code it maps to."""

    exit_code = EXIT_NOTHING_AUDITED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(CxauditError):
    """A bad flag, URL or config file: the user must change the command."""

    exit_code = EXIT_USAGE


class ConfigError(UsageError):
    """The config file is missing, unreadable or invalid."""


class BrowserNotFound(CxauditError):
    """No Chromium could be located; the message says how to get one."""

    exit_code = EXIT_NOTHING_AUDITED


class NothingAudited(CxauditError):
    """Every site failed before any page could be measured."""

    exit_code = EXIT_NOTHING_AUDITED


class SiteUnreachable(CxauditError):
    """A preflight failure for one site; carries a stable code for report.json's `error.code`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
