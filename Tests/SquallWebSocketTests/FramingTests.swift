// Autobahn 1.x (framing): text and binary messages at the length encoding
// boundaries, fed whole, in odd chunks and byte by byte; the frame parser's
// header decoding at every split point; masking at every phase; the
// encoder's header forms.

import Testing
import SquallWebSocket

@Suite("Framing (Autobahn 1.x)")
struct FramingTests {
    static let lengths = [0, 1, 125, 126, 127, 128, 65535, 65536]

    @Test("text messages of boundary lengths, whole and in chunks", arguments: lengths)
    func textLengths(length: Int) {
        let text = String(repeating: "*", count: length)
        let input = textFrame(text)
        for chunkSize in [nil, 1, 7, 4096] as [Int?] where chunkSize != 1 || length <= 1024 {
            var machine = serverMachine()
            #expect(run(&machine, input, chunkSize: chunkSize) == [.text(text)], "chunks of \(chunkSize ?? input.count)")
        }
    }

    @Test("binary messages of boundary lengths, whole and in chunks", arguments: lengths)
    func binaryLengths(length: Int) {
        let payload = pattern(length)
        let input = frame(.binary, payload)
        for chunkSize in [nil, 3, 1000] as [Int?] {
            var machine = serverMachine()
            #expect(run(&machine, input, chunkSize: chunkSize) == [.binary(payload)])
        }
    }

    @Test("several messages in one read come out in order")
    func pipelined() {
        let input = textFrame("one") + frame(.binary, [1, 2]) + textFrame("") + frame(.binary, [])
        #expect(serverOutcomesAtEverySplit(input) == [.text("one"), .binary([1, 2]), .text(""), .binary([])])
    }

    @Test("header decoding at every split point, including 16- and 64-bit lengths")
    func headerSplits() throws {
        for length in [5, 300, 70_000] {
            let bytes = frame(.binary, pattern(length), fin: false, rsv1: true)
            for split in 0...min(bytes.count, 20) {
                var parser = WebSocketFrameParser(role: .server)
                var header: WebSocketFrameHeader?
                var consumed = 0
                for part in [bytes[..<split], bytes[split...]] {
                    try Array(part).withUnsafeBytes { input in
                        let (event, used) = try parser.parse(input)
                        if case .header(let decoded) = event { header = decoded }
                        consumed += used
                    }
                    if header != nil { break }
                }
                #expect(header == WebSocketFrameHeader(fin: false, rsv1: true, opcode: .binary, maskKey: testMask, payloadLength: length))
                #expect(consumed == WebSocketFrameHeader.encodedLength(payloadLength: length, masked: true), "split \(split)")
            }
        }
    }

    @Test("non-minimal length encodings are accepted (RFC 6455 §5.2 only binds senders)")
    func nonMinimalLengths() {
        let payload = Array("hi".utf8)
        var masked = payload
        masked.withUnsafeMutableBytes { testMask.apply(to: $0) }
        let key = testMask.bytes
        let sixteen: [UInt8] = [0x81, 0x80 | 126, 0x00, 0x02] + key + masked
        let sixtyFour: [UInt8] = [0x81, 0x80 | 127, 0, 0, 0, 0, 0, 0, 0, 0x02] + key + masked
        for input in [sixteen, sixtyFour] {
            #expect(serverOutcomesAtEverySplit(input) == [.text("hi")])
        }
    }

    @Test("64-bit length with the top bit set fails with 1002 as soon as the header is in")
    func topBitLength() {
        let input: [UInt8] = [0x82, 0x80 | 127, 0x80, 0, 0, 0, 0, 0, 0, 1] + testMask.bytes
        var machine = serverMachine()
        #expect(run(&machine, input) == [.sentClose(1002, "64-bit payload length with the most significant bit set"), .closeConnection])
    }

    @Test("a server requires masked frames, a client unmasked ones")
    func maskingRule() throws {
        var server = serverMachine()
        #expect(run(&server, frame(.text, Array("x".utf8), mask: nil)).first == .sentClose(1002, "unmasked frame from the client"))
        var client = try WebSocketStateMachine(configuration: WebSocketConfiguration(role: .client))
        let outcomes = run(&client, textFrame("x"))
        #expect(outcomes.first == .sentClose(1002, "masked frame from the server"))
        #expect(outcomes.last == .closeConnection)
        var fine = try WebSocketStateMachine(configuration: WebSocketConfiguration(role: .client))
        #expect(run(&fine, frame(.text, Array("x".utf8), mask: nil)) == [.text("x")])
    }

    @Test("masking at every phase and length matches byte-wise XOR")
    func maskPhases() {
        let key = testMask.bytes
        for length in [0, 1, 3, 7, 8, 9, 31, 32, 33, 100] {
            let data = pattern(length)
            for phase in 0..<4 {
                var fast = data
                fast.withUnsafeMutableBytes { testMask.apply(to: $0, phase: phase) }
                let slow = data.enumerated().map { $0.element ^ key[($0.offset + phase) % 4] }
                #expect(fast == slow, "length \(length), phase \(phase)")
            }
        }
    }

    @Test("RFC 6455 §5.7 examples encode byte for byte")
    func rfcExamples() {
        #expect(WebSocketFrameEncoder.encode(text: "Hello") == [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f])
        #expect(WebSocketFrameEncoder.encode(text: "Hello", maskKey: testMask)
            == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
        #expect(WebSocketFrameEncoder.encode(opcode: .text, payload: Array("Hel".utf8), fin: false) == [0x01, 0x03, 0x48, 0x65, 0x6c])
        #expect(WebSocketFrameEncoder.encode(opcode: .continuation, payload: Array("lo".utf8)) == [0x80, 0x02, 0x6c, 0x6f])
        #expect(WebSocketFrameEncoder.encode(opcode: .binary, payload: pattern(256)).prefix(4) == [0x82, 0x7E, 0x01, 0x00])
        #expect(WebSocketFrameEncoder.encode(opcode: .binary, payload: pattern(65536)).prefix(10) == [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    @Test("encoded client frames parse back, for every header size")
    func encodeParseRoundTrip() {
        for length in FramingTests.lengths {
            let payload = pattern(length)
            let bytes = WebSocketFrameEncoder.encode(opcode: .binary, payload: payload, maskKey: .random())
            #expect(bytes.count == WebSocketFrameHeader.encodedLength(payloadLength: length, masked: true) + length)
            var machine = serverMachine()
            #expect(run(&machine, bytes, chunkSize: 5000) == [.binary(payload)])
        }
    }
}
