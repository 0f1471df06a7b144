"""Domain error kinds: each aggregate raises subclasses, the API maps each kind to one status."""


class DomainError(Exception):
    """A command was refused; `field` names the input that caused it, when one did."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """The thing asked for does not exist, or the caller may not know it does."""


class Forbidden(DomainError):
    """The caller is known but may not do this."""


class Conflict(DomainError):
    """The request clashes with the current state (duplicate, concurrent writer)."""


class Unacceptable(DomainError):
    """Well-formed input that the rules of the game refuse."""
