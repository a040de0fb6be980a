// Why a request failed the XSRF (cross-site request forgery) check.
//
// Every case maps to HTTP 403; the descriptions are Tornado's messages (plus
// one for a missing cookie, which Tornado reports as a mismatch), so logs read the same.

/// A failed XSRF check. Compare with the static members
/// (`error == .mismatch`); `description` is the reason to log with the 403.
public struct XSRFError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: String, Sendable {
        case missingArgument = "'_xsrf' argument missing from POST"
        case invalidArgument = "'_xsrf' argument has invalid format"
        case missingCookie = "'_xsrf' cookie missing or invalid"
        case mismatch = "XSRF cookie does not match POST argument"
    }
    private let reason: Reason

    /// No token in the `_xsrf` form field or the `X-XSRFToken` / `X-CSRFToken` header.
    public static let missingArgument = XSRFError(reason: .missingArgument)
    /// The submitted token cannot be decoded.
    public static let invalidArgument = XSRFError(reason: .invalidArgument)
    /// The request has no usable `_xsrf` cookie to compare with.
    public static let missingCookie = XSRFError(reason: .missingCookie)
    /// The submitted token and the cookie's token differ.
    public static let mismatch = XSRFError(reason: .mismatch)

    /// Tornado's message, e.g. `XSRF cookie does not match POST argument`.
    public var description: String { reason.rawValue }
}
