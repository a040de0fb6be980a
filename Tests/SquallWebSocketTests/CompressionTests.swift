// Autobahn 12.x/13.x (permessage-deflate): conversations in both directions
// under every combination of context takeover and window sizes, compressed
// messages fragmented across frames, corrupt data, decompression bombs, and
// sharing compressed broadcasts between connections.

import Testing
import SquallCompression
import SquallWebSocket

/// JSON-like text of about `size` bytes, different for each `seed`.
func jsonText(_ size: Int, seed: Int) -> String {
    var text = ""
    var index = seed
    while text.utf8.count < size {
        text += "{\"id\": \(index), \"name\": \"squall-\(index % 7)\", \"tags\": [\"ws\", \"deflate\"]},"
        index += 1
    }
    return String(text.prefix(size))
}

@Suite("Compression (Autobahn 12.x/13.x)")
struct CompressionTests {
    static let combinations: [PerMessageDeflateParameters] = [false, true].flatMap { serverReset in
        [false, true].flatMap { clientReset in
            [8, 9, 15].flatMap { serverBits in
                [8, 15].map { clientBits in
                    PerMessageDeflateParameters(serverNoContextTakeover: serverReset, clientNoContextTakeover: clientReset,
                                                serverMaxWindowBits: serverBits, clientMaxWindowBits: clientBits)
                }
            }
        }
    }

    static func pair(_ parameters: PerMessageDeflateParameters, maxMessageSize: Int = 1 << 20)
        throws -> (server: WebSocketStateMachine, client: WebSocketStateMachine) {
        let options = WebSocketCompressionOptions(level: 6)
        let server = try WebSocketStateMachine(
            configuration: WebSocketConfiguration(role: .server, maxMessageSize: maxMessageSize, compression: options), compression: parameters)
        let client = try WebSocketStateMachine(
            configuration: WebSocketConfiguration(role: .client, maxMessageSize: maxMessageSize, compression: options), compression: parameters)
        return (server, client)
    }

    @Test("conversations round trip in both directions", arguments: combinations)
    func conversation(parameters: PerMessageDeflateParameters) throws {
        var (server, client) = try Self.pair(parameters)
        for (index, size) in [0, 16, 64, 256, 1024, 4096, 16384, 70_000, 300, 16].enumerated() {
            let text = jsonText(size, seed: index)
            let up = try client.encodeText(text)
            #expect(up[0] & 0x40 != 0, "RSV1 set on compressed messages")
            #expect(run(&server, up, chunkSize: 1000) == [.text(text)])
            let down = try server.encodeBinary(Array(text.utf8))
            #expect(run(&client, down, chunkSize: 777) == [.binary(Array(text.utf8))])
        }
    }

    @Test("compression shrinks repetitive messages")
    func shrinks() throws {
        var (server, _) = try Self.pair(PerMessageDeflateParameters())
        let text = jsonText(10_000, seed: 1)
        #expect(try server.encodeText(text).count < 2_000)
    }

    @Test("a compressed message fragmented across frames, RSV1 on the first only, at every split")
    func fragmentedCompressed() throws {
        let text = jsonText(2000, seed: 3)
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage(Array(text.utf8), into: &payload)
        let cut1 = payload.count / 3, cut2 = 2 * payload.count / 3
        let input = frame(.text, Array(payload[..<cut1]), fin: false, rsv1: true)
            + frame(.ping, [9])
            + frame(.continuation, Array(payload[cut1..<cut2]), fin: false)
            + frame(.continuation, Array(payload[cut2...]))
        #expect(serverOutcomesAtEverySplit(input, compression: PerMessageDeflateParameters())
            == [.sentPong([9]), .ping([9]), .text(text)])
    }

    @Test("uncompressed messages are still accepted when compression is negotiated")
    func uncompressedAllowed() {
        #expect(serverOutcomesAtEverySplit(textFrame("plain"), compression: PerMessageDeflateParameters()) == [.text("plain")])
    }

    @Test("corrupt compressed data fails with 1007; RSV1 without negotiation with 1002")
    func corrupt() {
        let input = frame(.binary, [0xFF, 0xFF, 0xFF, 0xFF], rsv1: true)
        #expect(serverOutcomesAtEverySplit(input, compression: PerMessageDeflateParameters())
            == [.sentClose(1007, "invalid compressed data"), .closeConnection])
        #expect(serverOutcomesAtEverySplit(input) == [.sentClose(1002, "RSV1 set without a negotiated extension"), .closeConnection])
    }

    @Test("invalid UTF-8 inside compressed text fails with 1007")
    func compressedInvalidText() throws {
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage([0x61, 0xED, 0xA0, 0x80], into: &payload)
        #expect(serverOutcomesAtEverySplit(frame(.text, payload, rsv1: true), compression: PerMessageDeflateParameters())
            == [.sentClose(1007, "text message is not valid UTF-8"), .closeConnection])
    }

    @Test("a decompression bomb fails with 1009 once past the limit")
    func bomb() throws {
        var payload: [UInt8] = []
        try MessageDeflater().compressMessage([UInt8](repeating: 0, count: 8 << 20), into: &payload)
        #expect(payload.count < 16_384)
        var machine = serverMachine(maxMessageSize: 1 << 20, compression: PerMessageDeflateParameters())
        #expect(run(&machine, frame(.binary, payload, rsv1: true))
            == [.sentClose(1009, "decompressed message exceeds 1048576 bytes"), .closeConnection])
    }

    @Test("without server context takeover compressed broadcasts are shared; with it each connection encodes its own")
    func broadcastSharing() throws {
        let text = jsonText(3000, seed: 9)
        for reset in [true, false] {
            let parameters = PerMessageDeflateParameters(serverNoContextTakeover: reset)
            var message = WebSocketPreparedMessage(text: text)
            var connections = try (0..<3).map { _ in try Self.pair(parameters) }
            var warmUps: [[UInt8]] = [], frames: [[UInt8]] = []
            for index in connections.indices {
                // Give each connection its own compression history first.
                warmUps.append(try connections[index].server.encodeText("warm-up \(index)"))
                frames.append(try connections[index].server.encode(&message))
            }
            let first = frames[0].withUnsafeBufferPointer { $0.baseAddress }
            let shared = frames.allSatisfy { frame in frame.withUnsafeBufferPointer { $0.baseAddress } == first }
            #expect(shared == reset, "shared with server_no_context_takeover=\(reset)")
            for index in connections.indices {
                #expect(run(&connections[index].client, warmUps[index] + frames[index]) == [.text("warm-up \(index)"), .text(text)])
            }
        }
    }
}
