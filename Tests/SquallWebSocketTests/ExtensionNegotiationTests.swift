// Sec-WebSocket-Extensions parsing (RFC 6455 §9.1) and permessage-deflate
// negotiation (RFC 7692 §7.1): the Autobahn 13.x offers, declining bad
// offers in favour of later ones, and the client's checks on the answer.

import Testing
import SquallWebSocket

@Suite("Extension negotiation")
struct ExtensionNegotiationTests {
    @Test("the header grammar: several offers, bare and quoted values, whitespace")
    func parsing() {
        let parsed = WebSocketExtension.parseList(
            "permessage-deflate ;client_max_window_bits; server_max_window_bits=\"10\" , permessage-deflate,,x-foo;a=b\t")
        #expect(parsed == [
            WebSocketExtension(name: "permessage-deflate", parameters: [.init("client_max_window_bits"), .init("server_max_window_bits", "10")]),
            WebSocketExtension(name: "permessage-deflate"),
            WebSocketExtension(name: "x-foo", parameters: [.init("a", "b")]),
        ])
        #expect(WebSocketExtension.parseList("") == [])
        #expect(parsed?.first?.headerValue == "permessage-deflate; client_max_window_bits; server_max_window_bits=10")
    }

    @Test("malformed headers are rejected", arguments: [
        "permessage-deflate; =1", "permessage-deflate;", "; x", "permessage-deflate; a=\"b c\"", "permessage-deflate; a=\"unterminated",
        "permessage-deflate x", "permessage-deflate; a=", "perm@ssage",
    ])
    func malformed(header: String) {
        #expect(WebSocketExtension.parseList(header) == nil)
    }

    /// Negotiates `header` with `options` and returns the response text.
    static func answer(_ header: String, _ options: WebSocketCompressionOptions = WebSocketCompressionOptions()) -> String? {
        PerMessageDeflate.negotiate(offers: WebSocketExtension.parseList(header) ?? [], options: options)?.response.headerValue
    }

    @Test("Autobahn 13.x client offers get the expected answers", arguments: [
        ("permessage-deflate; client_no_context_takeover; client_max_window_bits",
         "permessage-deflate; client_no_context_takeover"),
        ("permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover",
         "permessage-deflate; server_no_context_takeover; client_no_context_takeover"),
        ("permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=8",
         "permessage-deflate; client_no_context_takeover; server_max_window_bits=8"),
        ("permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15",
         "permessage-deflate; client_no_context_takeover; server_max_window_bits=15"),
        ("permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; server_max_window_bits=8",
         "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8"),
        ("permessage-deflate; client_max_window_bits", "permessage-deflate"),
        ("permessage-deflate", "permessage-deflate"),
    ])
    func autobahnOffers(offer: String, expected: String) {
        #expect(Self.answer(offer) == expected)
    }

    @Test("the negotiated parameters follow the offer and the options")
    func parameters() {
        let options = WebSocketCompressionOptions(serverNoContextTakeover: true, serverMaxWindowBits: 12, clientMaxWindowBits: 10)
        let result = PerMessageDeflate.negotiate(
            offers: WebSocketExtension.parseList("permessage-deflate; server_max_window_bits=9; client_max_window_bits=11")!, options: options)
        #expect(result?.parameters == PerMessageDeflateParameters(serverNoContextTakeover: true, serverMaxWindowBits: 9, clientMaxWindowBits: 10))
        #expect(result?.response.headerValue == "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=10")
        // Without client_max_window_bits in the offer the client's window cannot be limited.
        let unlimited = PerMessageDeflate.negotiate(offers: [WebSocketExtension(name: "permessage-deflate")], options: options)
        #expect(unlimited?.parameters.clientMaxWindowBits == 15)
        #expect(unlimited?.response.headerValue == "permessage-deflate; server_no_context_takeover; server_max_window_bits=12")
    }

    @Test("an unacceptable offer is declined and the next one tried", arguments: [
        "permessage-deflate; server_max_window_bits=16, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits=08, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits=7, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_max_window_bits, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_max_window_bits=abc, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover=1, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; mystery, permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover, permessage-deflate; server_no_context_takeover",
        "x-webkit-deflate-frame, permessage-deflate; server_no_context_takeover",
    ])
    func declineAndTryNext(header: String) {
        #expect(Self.answer(header) == "permessage-deflate; server_no_context_takeover")
    }

    @Test("no acceptable offer means no compression, never an error")
    func nothingAcceptable() {
        #expect(Self.answer("permessage-deflate; bogus") == nil)
        #expect(Self.answer("x-webkit-deflate-frame") == nil)
    }

    @Test("the client's offer reflects its options")
    func clientOffer() {
        #expect(PerMessageDeflate.offer(WebSocketCompressionOptions()).headerValue == "permessage-deflate; client_max_window_bits")
        let options = WebSocketCompressionOptions(serverNoContextTakeover: true, clientNoContextTakeover: true,
                                                  serverMaxWindowBits: 10, clientMaxWindowBits: 9)
        #expect(PerMessageDeflate.offer(options).headerValue == "permessage-deflate; client_no_context_takeover; "
            + "client_max_window_bits=9; server_no_context_takeover; server_max_window_bits=10")
    }

    /// Runs the client's check of `answer` for an offer made with `options`.
    static func clientResult(_ answer: String, _ options: WebSocketCompressionOptions) throws(WebSocketHandshakeError) -> PerMessageDeflateParameters? {
        let handshake = WebSocketClientHandshake(compression: options)
        let headers = ["sec-websocket-accept": WebSocketHandshake.acceptValue(forKey: handshake.key), "upgrade": "websocket",
                       "connection": "upgrade", "sec-websocket-extensions": answer]
        return try handshake.validateResponse(status: 101, header: { headers[$0.lowercased()] }).compression
    }

    @Test("the client accepts answers within its offer")
    func clientAccepts() throws {
        let options = WebSocketCompressionOptions(serverMaxWindowBits: 12, clientMaxWindowBits: 14)
        #expect(try Self.clientResult("permessage-deflate; server_max_window_bits=10; client_max_window_bits=11", options)
            == PerMessageDeflateParameters(serverMaxWindowBits: 10, clientMaxWindowBits: 11))
        #expect(try Self.clientResult("permessage-deflate; server_max_window_bits=12; client_no_context_takeover", options)
            == PerMessageDeflateParameters(clientNoContextTakeover: true, serverMaxWindowBits: 12, clientMaxWindowBits: 14))
        #expect(try Self.clientResult("", options) == nil)
    }

    @Test("the client fails answers outside its offer", arguments: [
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; server_max_window_bits=13",
        "permessage-deflate",
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
        "permessage-deflate; server_max_window_bits=10, permessage-deflate",
        "permessage-deflate; server_max_window_bits=10; unknown",
        "permessage-deflate; server_max_window_bits=10; client_max_window_bits=16",
    ])
    func clientFails(answer: String) {
        let options = WebSocketCompressionOptions(serverMaxWindowBits: 12)
        #expect(throws: WebSocketHandshakeError.self) { try Self.clientResult(answer, options) }
    }

    @Test("a requested server_no_context_takeover must be granted")
    func clientRequiresServerReset() {
        let options = WebSocketCompressionOptions(serverNoContextTakeover: true)
        #expect(throws: WebSocketHandshakeError.self) { try Self.clientResult("permessage-deflate", options) }
        #expect((try? Self.clientResult("permessage-deflate; server_no_context_takeover", options))
            == PerMessageDeflateParameters(serverNoContextTakeover: true))
    }
}
