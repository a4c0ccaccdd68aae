"""What can go wrong talking to the panel, split by what it means for an order.

`PanelError`: the panel answered with `{"error": ...}`, so it did not act on the request.
`PanelTransportError`: no clear answer came back; `request_sent` says whether the panel may
have acted anyway (an `add` with `request_sent` True has an unknown outcome).

Messages are built by the client from the action name, the HTTP status and a scrubbed body
excerpt, never from the request, so the API key cannot end up in one.
"""

from __future__ import annotations

from typing import ClassVar


class PanelFailure(Exception):
    """Any failed panel request."""

    def __init__(self, message: str, *, action: str | None = None) -> None:
        super().__init__(message)
        self.action = action


class PanelError(PanelFailure):
    """The panel refused the request with `{"error": text}`; `text` is its own wording."""

    # The document's wording for this error; empty for an error the document does not list.
    canonical: ClassVar[str] = ""

    def __init__(self, text: str | None = None, *, action: str | None = None) -> None:
        self.text = self.canonical if text is None else text
        super().__init__(self.text, action=action)


class InvalidApiKey(PanelError):
    canonical = "Invalid API key"


class IncorrectRequest(PanelError):
    canonical = "Incorrect request"


class IncorrectServiceId(PanelError):
    canonical = "Incorrect service ID"


class BadLink(PanelError):
    canonical = "Bad link"


class QuantityLessThanMinimum(PanelError):
    canonical = "Quantity less than minimum"


class QuantityMoreThanMaximum(PanelError):
    canonical = "Quantity more than maximum"


class NotEnoughFunds(PanelError):
    canonical = "Not enough funds on balance"


class IncorrectOrderId(PanelError):
    canonical = "Incorrect order ID"


class AnswerNumberRequired(PanelError):
    canonical = "Answer number is required"


# Refusals of `refill` and `refill_status` (api-v2-service-types.md), beyond the seed's list.


class RefillNotEligible(PanelError):
    canonical = "Order not eligible for refill."


class RefillAlreadyRequested(PanelError):
    canonical = "Refill already requested"


class RefillNotFound(PanelError):
    canonical = "Refill not found"


KNOWN_ERRORS: tuple[type[PanelError], ...] = (
    InvalidApiKey,
    IncorrectRequest,
    IncorrectServiceId,
    BadLink,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
    NotEnoughFunds,
    IncorrectOrderId,
    AnswerNumberRequired,
    RefillNotEligible,
    RefillAlreadyRequested,
    RefillNotFound,
)


def _error_key(text: str) -> str:
    # Panels differ in case, stray spaces and a closing full stop ("Incorrect order id ",
    # "Bad  link", "Order not eligible for refill").
    return " ".join(text.split()).rstrip(".").casefold()


_REGISTRY: dict[str, type[PanelError]] = {_error_key(cls.canonical): cls for cls in KNOWN_ERRORS}


def panel_error(text: str, *, action: str | None = None) -> PanelError:
    """The typed error for the panel's text; an unknown text gives a plain `PanelError`."""
    return _REGISTRY.get(_error_key(text), PanelError)(text, action=action)


class PanelTransportError(PanelFailure):
    """No usable answer. `request_sent`: could the panel have received and acted on it?"""

    request_sent: bool = True


class PanelConnectError(PanelTransportError):
    """Refused, DNS failure, connect timeout: the request never left."""

    request_sent = False


class PanelTimeout(PanelTransportError):
    """The request went out but no complete answer came back in time."""


class PanelHTTPError(PanelTransportError):
    """A non-2xx answer: a proxy or the panel broke after the request arrived."""

    def __init__(self, message: str, *, status: int, action: str | None = None) -> None:
        super().__init__(message, action=action)
        self.status = status


class PanelRateLimited(PanelHTTPError):
    """HTTP 429: the panel, or a proxy in front of it, turned the request away for coming too
    often (the shop's own API does, per key): nothing was done, so an `add` is a plain "not
    placed", not an unknown outcome."""

    request_sent = False


class PanelBadResponse(PanelTransportError):
    """An answer that is not the JSON the document describes (HTML, truncated, wrong shape)."""


class PanelDisconnected(PanelTransportError):
    """The connection dropped after the request was sent."""
