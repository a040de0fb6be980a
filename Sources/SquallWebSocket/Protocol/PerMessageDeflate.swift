// permessage-deflate negotiation (RFC 7692 §5, §7.1). A client offers the
// extension, possibly several times with different parameters; the server
// accepts the first offer it can and states the parameters in force; the
// client checks that answer against what it offered.
//
// An offer with unknown, duplicated or malformed parameters is declined and
// the next one considered: a bad offer costs the client compression, never
// the connection (Tornado answers 500 there). A server answer the client
// did not allow for fails the client's handshake, as §5 requires.

/// Negotiation of the permessage-deflate extension.
public enum PerMessageDeflate {
    /// The extension's registered name.
    public static let extensionName = "permessage-deflate"

    /// Server side: picks the first acceptable permessage-deflate offer in
    /// `offers` (the client's Sec-WebSocket-Extensions, in order) and works
    /// out the parameters, combining the client's requests with `options`.
    /// - Returns: the parameters and the entry for the response's
    ///   Sec-WebSocket-Extensions header, or `nil` to run uncompressed.
    public static func negotiate(offers: [WebSocketExtension], options: WebSocketCompressionOptions)
        -> (parameters: PerMessageDeflateParameters, response: WebSocketExtension)? {
        for offer in offers where offer.name.lowercased() == extensionName {
            guard let requested = WrittenParameters(offer) else { continue }
            var agreed = PerMessageDeflateParameters(
                serverNoContextTakeover: requested.serverNoContextTakeover || options.serverNoContextTakeover,
                clientNoContextTakeover: requested.clientNoContextTakeover || options.clientNoContextTakeover,
                serverMaxWindowBits: min(options.serverMaxWindowBits, requested.serverMaxWindowBits ?? 15))
            var response = WebSocketExtension(name: extensionName)
            if agreed.serverNoContextTakeover { response.parameters.append(.init("server_no_context_takeover")) }
            if agreed.clientNoContextTakeover { response.parameters.append(.init("client_no_context_takeover")) }
            if requested.serverMaxWindowBits != nil || agreed.serverMaxWindowBits < 15 {
                response.parameters.append(.init("server_max_window_bits", String(agreed.serverMaxWindowBits)))
            }
            // The client's window can only be limited if its offer allows it.
            switch requested.clientMaxWindowBits {
            case .absent:
                break
            case .unspecified:
                agreed.clientMaxWindowBits = options.clientMaxWindowBits
            case .value(let bits):
                agreed.clientMaxWindowBits = min(options.clientMaxWindowBits, bits)
            }
            if requested.clientMaxWindowBits != .absent && agreed.clientMaxWindowBits < 15 {
                response.parameters.append(.init("client_max_window_bits", String(agreed.clientMaxWindowBits)))
            }
            return (agreed, response)
        }
        return nil
    }

    /// Client side: the offer to send, asking for what `options` wants.
    /// It always allows the server to limit our window (bare
    /// `client_max_window_bits`), as browsers do.
    public static func offer(_ options: WebSocketCompressionOptions) -> WebSocketExtension {
        var offer = WebSocketExtension(name: extensionName)
        if options.clientNoContextTakeover { offer.parameters.append(.init("client_no_context_takeover")) }
        offer.parameters.append(.init("client_max_window_bits",
                                      options.clientMaxWindowBits < 15 ? String(options.clientMaxWindowBits) : nil))
        if options.serverNoContextTakeover { offer.parameters.append(.init("server_no_context_takeover")) }
        if options.serverMaxWindowBits < 15 {
            offer.parameters.append(.init("server_max_window_bits", String(options.serverMaxWindowBits)))
        }
        return offer
    }

    /// Client side: checks the server's Sec-WebSocket-Extensions answer to
    /// `offer(options)`.
    /// - Returns: the parameters in force, or `nil` if the server declined
    ///   compression (no extension in the answer).
    /// - Throws: the reason, when the answer is not one the offer allowed.
    static func accept(_ response: [WebSocketExtension], offered options: WebSocketCompressionOptions) throws(NegotiationFailure) -> PerMessageDeflateParameters? {
        guard let answer = response.first else { return nil }
        guard response.count == 1, answer.name.lowercased() == extensionName else {
            throw NegotiationFailure("the server accepted extensions that were not offered: \(response.map(\.name))")
        }
        guard let granted = WrittenParameters(answer) else {
            throw NegotiationFailure("invalid permessage-deflate parameters in \"\(answer.headerValue)\"")
        }
        if options.serverNoContextTakeover && !granted.serverNoContextTakeover {
            throw NegotiationFailure("the server did not accept server_no_context_takeover")
        }
        if options.serverMaxWindowBits < 15 && (granted.serverMaxWindowBits ?? 15) > options.serverMaxWindowBits {
            throw NegotiationFailure("the server did not accept server_max_window_bits=\(options.serverMaxWindowBits)")
        }
        var clientWindow = options.clientMaxWindowBits
        switch granted.clientMaxWindowBits {
        case .absent: break
        case .unspecified: throw NegotiationFailure("client_max_window_bits without a value in the response")
        case .value(let bits): clientWindow = min(clientWindow, bits)
        }
        return PerMessageDeflateParameters(
            serverNoContextTakeover: granted.serverNoContextTakeover,
            clientNoContextTakeover: granted.clientNoContextTakeover || options.clientNoContextTakeover,
            serverMaxWindowBits: granted.serverMaxWindowBits ?? 15, clientMaxWindowBits: clientWindow)
    }
}

/// Why a server's permessage-deflate answer is unacceptable to the client.
struct NegotiationFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The permessage-deflate parameters as written in one offer or answer,
/// checked against RFC 7692 §7.1: only the four known names, each at most
/// once, with a value exactly where one is allowed.
private struct WrittenParameters {
    enum ClientWindow: Equatable {
        case absent, unspecified, value(Int)
    }

    var serverNoContextTakeover = false
    var clientNoContextTakeover = false
    var serverMaxWindowBits: Int?
    var clientMaxWindowBits = ClientWindow.absent

    /// Reads `entry`'s parameters, or fails for any the RFC does not allow.
    init?(_ entry: WebSocketExtension) {
        var seen = Set<String>()
        for parameter in entry.parameters {
            let name = parameter.name.lowercased()
            guard seen.insert(name).inserted else { return nil }
            switch (name, parameter.value) {
            case ("server_no_context_takeover", nil):
                serverNoContextTakeover = true
            case ("client_no_context_takeover", nil):
                clientNoContextTakeover = true
            case ("server_max_window_bits", let value?):
                guard let bits = Self.windowBits(value) else { return nil }
                serverMaxWindowBits = bits
            case ("client_max_window_bits", nil):
                clientMaxWindowBits = .unspecified
            case ("client_max_window_bits", let value?):
                guard let bits = Self.windowBits(value) else { return nil }
                clientMaxWindowBits = .value(bits)
            default:
                return nil
            }
        }
    }

    /// "8"…"15" exactly: decimal without leading zeros (RFC 7692 §7.1.2).
    private static func windowBits(_ text: String) -> Int? {
        guard let bits = Int(text), (8...15).contains(bits), String(bits) == text else { return nil }
        return bits
    }
}
