// Autobahn 10.x (miscellaneous) plus the client role and the sending API:
// auto-fragmented large messages, a client decoding server frames and
// masking its own, and a prepared message shared by many connections.

import Testing
import SquallWebSocket

@Suite("Miscellaneous (Autobahn 10.x) and sending")
struct MiscTests {
    @Test("a 64 KiB text message auto-fragmented into 1300-byte frames (10.1.1)")
    func autoFragmented() {
        let utf8 = Array(repeating: UInt8(ascii: "*"), count: 65536)
        var input: [UInt8] = []
        for start in stride(from: 0, to: utf8.count, by: 1300) {
            let end = min(start + 1300, utf8.count)
            input += frame(start == 0 ? .text : .continuation, Array(utf8[start..<end]), fin: end == utf8.count)
        }
        var machine = serverMachine()
        #expect(run(&machine, input, chunkSize: 1500) == [.text(String(decoding: utf8, as: UTF8.self))])
    }

    @Test("the server sends unmasked frames")
    func serverSending() throws {
        var machine = serverMachine()
        #expect(try machine.encodeText("Hello") == [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])
        #expect(try machine.encodeBinary([1, 2, 3]) == [0x82, 0x03, 1, 2, 3])
    }

    @Test("a client masks what it sends with fresh keys, and reads unmasked frames")
    func clientRole() throws {
        var client = try WebSocketStateMachine(configuration: WebSocketConfiguration(role: .client))
        let sent = try (0..<3).map { _ in try client.encodeText("Hello") }
        let decoded = decodeFrames(sent[0], sentBy: .client)
        #expect(decoded.count == 1 && decoded[0].header.maskKey != nil && decoded[0].payload == Array("Hello".utf8))
        #expect(Set(sent).count > 1)  // fresh random keys: three equal ones would be a 2^-64 fluke
        var server = serverMachine()
        #expect(run(&server, sent.flatMap { $0 }) == [.text("Hello"), .text("Hello"), .text("Hello")])
        #expect(run(&client, frame(.text, Array("hi".utf8), mask: nil) + frame(.ping, [7], mask: nil)) == [.text("hi"), .sentPong([7]), .ping([7])])
    }

    @Test("a prepared message is encoded once for all uncompressed server connections")
    func preparedShared() throws {
        var message = WebSocketPreparedMessage(text: "broadcast")
        var first = serverMachine()
        var second = serverMachine()
        let a = try first.encode(&message)
        let b = try second.encode(&message)
        #expect(a == WebSocketFrameEncoder.encode(text: "broadcast"))
        #expect(a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress })
        var closed = serverMachine()
        _ = try closed.encodeClose()
        #expect(throws: WebSocketSendError.self) { try closed.encode(&message) }
    }

    @Test("close codes and errors describe themselves")
    func closeCodeDescriptions() {
        #expect(WebSocketCloseCode.messageTooBig.description == "1009")
        #expect(WebSocketCloseCode(rawValue: 4000).isValidOnWire)
        #expect(WebSocketProtocolError(.protocolError, "x").description == "1002: x")
    }
}
