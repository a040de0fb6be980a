// The opening handshake, server and client side: the RFC 6455 accept-key
// example, key validation, every rejection with its status and headers,
// subprotocol selection, and the client's checks on the server's answer.

import Testing
import SquallWebSocket

/// Request headers for a valid upgrade, overridable per test.
func upgradeHeaders(_ overrides: [String: String?] = [:]) -> (String) -> String? {
    var headers: [String: String] = [
        "upgrade": "websocket", "connection": "Upgrade", "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
    ]
    for (name, value) in overrides { headers[name.lowercased()] = value }
    return { headers[$0.lowercased()] }
}

@Suite("Handshake")
struct HandshakeTests {
    @Test("RFC 6455 §1.3: the accept value for the sample nonce")
    func acceptValue() {
        #expect(WebSocketHandshake.acceptValue(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test("keys must be base64 of exactly 16 bytes")
    func keys() {
        #expect(WebSocketHandshake.isValidKey("dGhlIHNhbXBsZSBub25jZQ=="))
        for bad in ["", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ==x", "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZR==",
                    "!GhlIHNhbXBsZSBub25jZQ=="] {
            #expect(!WebSocketHandshake.isValidKey(bad), "\(bad)")
        }
        let generated = WebSocketHandshake.generateKey()
        #expect(WebSocketHandshake.isValidKey(generated) && generated != WebSocketHandshake.generateKey())
    }

    @Test("a valid request is accepted with the 101 headers")
    func validRequest() throws {
        let request = try WebSocketHandshake.validateRequest(
            method: "GET", header: upgradeHeaders(["Connection": "keep-alive, Upgrade", "Upgrade": "WebSocket"]))
        #expect(request.key == "dGhlIHNhbXBsZSBub25jZQ==" && request.protocols.isEmpty && request.extensions.isEmpty)
        let acceptance = try request.accept()
        #expect(acceptance.headers.map { "\($0.name): \($0.value)" }
            == ["Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="])
        #expect(acceptance.subprotocol == nil && acceptance.compression == nil)
    }

    @Test("rejections carry the status and headers to answer with", arguments: [
        ("POST", "HTTP/1.1", [:], 405, "Allow: GET"),
        ("GET", "HTTP/1.0", [:], 400, ""),
        ("GET", "HTTP/1.1", ["Upgrade": nil], 400, ""),
        ("GET", "HTTP/1.1", ["Upgrade": "h2c"], 400, ""),
        ("GET", "HTTP/1.1", ["Connection": "keep-alive"], 400, ""),
        ("GET", "HTTP/1.1", ["Connection": nil], 400, ""),
        ("GET", "HTTP/1.1", ["Sec-WebSocket-Version": "8"], 426, "Sec-WebSocket-Version: 13"),
        ("GET", "HTTP/1.1", ["Sec-WebSocket-Version": nil], 426, "Sec-WebSocket-Version: 13"),
        ("GET", "HTTP/1.1", ["Sec-WebSocket-Key": nil], 400, ""),
        ("GET", "HTTP/1.1", ["Sec-WebSocket-Key": "c2hvcnQ="], 400, ""),
        ("GET", "HTTP/1.1", ["Sec-WebSocket-Protocol": "chat, a b"], 400, ""),
    ] as [(String, String, [String: String?], Int, String)])
    func rejections(method: String, version: String, overrides: [String: String?], status: Int, header: String) {
        let error = #expect(throws: WebSocketHandshakeError.self) {
            try WebSocketHandshake.validateRequest(method: method, httpVersion: version, header: upgradeHeaders(overrides))
        }
        #expect(error?.status == status)
        #expect(error?.headers.map { "\($0.name): \($0.value)" }.joined() == header)
        #expect(error.map { !$0.message.isEmpty } == true)
    }

    @Test("subprotocols are parsed in order and the choice must be one of them")
    func subprotocols() throws {
        let request = try WebSocketHandshake.validateRequest(method: "GET", header: upgradeHeaders(["Sec-WebSocket-Protocol": "chat, , superchat"]))
        #expect(request.protocols == ["chat", "superchat"])
        let acceptance = try request.accept(subprotocol: "superchat")
        #expect(acceptance.headers.last.map { "\($0.name): \($0.value)" } == "Sec-WebSocket-Protocol: superchat")
        let error = #expect(throws: WebSocketHandshakeError.self) { try request.accept(subprotocol: "mqtt") }
        #expect(error?.status == 500)
    }

    @Test("compression is negotiated only when the server enables it")
    func compressionInAcceptance() throws {
        let request = try WebSocketHandshake.validateRequest(
            method: "GET", header: upgradeHeaders(["Sec-WebSocket-Extensions": "permessage-deflate; client_max_window_bits"]))
        #expect(try request.accept().compression == nil)
        let acceptance = try request.accept(compression: WebSocketCompressionOptions(clientMaxWindowBits: 12))
        #expect(acceptance.compression == PerMessageDeflateParameters(clientMaxWindowBits: 12))
        #expect(acceptance.headers.last.map { "\($0.name): \($0.value)" }
            == "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=12")
    }

    @Test("a malformed extensions header only costs the extensions")
    func malformedExtensions() throws {
        let request = try WebSocketHandshake.validateRequest(
            method: "GET", header: upgradeHeaders(["Sec-WebSocket-Extensions": "permessage-deflate; =3"]))
        #expect(request.extensions.isEmpty)
        #expect(try request.accept(compression: WebSocketCompressionOptions()).compression == nil)
    }

    /// A server response to `handshake`, overridable per test.
    static func response(to handshake: WebSocketClientHandshake, _ overrides: [String: String?] = [:]) -> (String) -> String? {
        var headers: [String: String] = [
            "upgrade": "websocket", "connection": "Upgrade",
            "sec-websocket-accept": WebSocketHandshake.acceptValue(forKey: handshake.key),
        ]
        for (name, value) in overrides { headers[name.lowercased()] = value }
        return { headers[$0.lowercased()] }
    }

    @Test("the client sends the request headers and accepts a correct answer")
    func clientHandshake() throws {
        let handshake = WebSocketClientHandshake(protocols: ["chat", "v2"], compression: WebSocketCompressionOptions(), key: "dGhlIHNhbXBsZSBub25jZQ==")
        #expect(handshake.requestHeaders.map { "\($0.name): \($0.value)" } == [
            "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: chat, v2",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
        ])
        let result = try handshake.validateResponse(status: 101, header: Self.response(to: handshake, [
            "Sec-WebSocket-Protocol": "v2", "Sec-WebSocket-Extensions": "permessage-deflate; server_no_context_takeover",
        ]))
        #expect(result.subprotocol == "v2")
        #expect(result.compression == PerMessageDeflateParameters(serverNoContextTakeover: true))
        #expect(WebSocketClientHandshake().key != WebSocketClientHandshake().key)
    }

    @Test("the client rejects answers the RFC forbids", arguments: [
        (302, [:] as [String: String?]),
        (101, ["Upgrade": "h2c"]),
        (101, ["Connection": nil]),
        (101, ["Sec-WebSocket-Accept": "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="]),
        (101, ["Sec-WebSocket-Protocol": "mqtt"]),
        (101, ["Sec-WebSocket-Extensions": "x-webkit-deflate-frame"]),
        (101, ["Sec-WebSocket-Extensions": "permessage-deflate; foo"]),
    ])
    func clientRejects(status: Int, overrides: [String: String?]) {
        let handshake = WebSocketClientHandshake(protocols: ["chat"])
        let error = #expect(throws: WebSocketHandshakeError.self) {
            try handshake.validateResponse(status: status, header: Self.response(to: handshake, overrides))
        }
        #expect(error?.status == status)
    }
}
