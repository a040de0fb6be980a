// Autobahn 9.x (limits and performance), scaled to size limits: messages up
// to the limit pass in any chunking; one byte more fails with 1009 as soon
// as a frame header announces it, before its payload is buffered.

import Testing
import SquallWebSocket

@Suite("Limits (Autobahn 9.x)")
struct LimitsTests {
    @Test("a message of exactly the limit is delivered, single or fragmented")
    func exactlyAtLimit() {
        let payload = pattern(1000)
        var single = serverMachine(maxMessageSize: 1000)
        #expect(run(&single, frame(.binary, payload)) == [.binary(payload)])
        let fragmented = frame(.binary, Array(payload[..<600]), fin: false) + frame(.continuation, Array(payload[600...]))
        #expect(serverOutcomesAtEverySplit(fragmented, maxMessageSize: 1000) == [.binary(payload)])
    }

    @Test("a frame over the limit fails on its header alone")
    func frameOverLimit() {
        let input = frame(.text, Array(repeating: 0x61, count: 1001))
        var machine = serverMachine(maxMessageSize: 1000)
        let header = Array(input[..<WebSocketFrameHeader.encodedLength(payloadLength: 1001, masked: true)])
        #expect(run(&machine, header) == [.sentClose(1009, "message exceeds 1000 bytes"), .closeConnection])
        #expect(serverOutcomesAtEverySplit(input, maxMessageSize: 1000) == [.sentClose(1009, "message exceeds 1000 bytes"), .closeConnection])
    }

    @Test("a huge announced length is refused without allocating it")
    func hugeAnnouncement() {
        let header: [UInt8] = [0x82, 0x80 | 127, 0x00, 0x00, 0x10, 0, 0, 0, 0, 0] + testMask.bytes  // 16 TiB
        var machine = serverMachine()
        #expect(run(&machine, header) == [.sentClose(1009, "message exceeds \(WebSocketConfiguration.defaultMaxMessageSize) bytes"),
                                          .closeConnection])
    }

    @Test("fragments adding up past the limit fail at the fragment that crosses it")
    func fragmentsOverLimit() {
        let input = frame(.binary, pattern(600), fin: false) + frame(.continuation, pattern(401))
        var machine = serverMachine(maxMessageSize: 1000)
        let firstFrame = WebSocketFrameHeader.encodedLength(payloadLength: 600, masked: true) + 600
        #expect(run(&machine, Array(input[..<firstFrame])) == [])
        #expect(run(&machine, Array(input[firstFrame...])) == [.sentClose(1009, "message exceeds 1000 bytes"), .closeConnection])
    }

    @Test("a 4 MiB message in 4 KiB reads and in 64-byte fragments (9.1, 9.4)")
    func largeMessages() {
        let payload = pattern(4 << 20)
        var machine = serverMachine()
        #expect(run(&machine, frame(.binary, payload), chunkSize: 4096) == [.binary(payload)])
        let text = String(repeating: "Squall ", count: 10_000)
        let utf8 = Array(text.utf8)
        var fragments = frame(.text, Array(utf8[..<64]), fin: false)
        for start in stride(from: 64, to: utf8.count, by: 64) {
            fragments += frame(.continuation, Array(utf8[start..<min(start + 64, utf8.count)]), fin: start + 64 >= utf8.count)
        }
        var fragmented = serverMachine()
        #expect(run(&fragmented, fragments, chunkSize: 1000) == [.text(text)])
    }
}
