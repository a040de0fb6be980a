// Autobahn 6.x (UTF-8 handling): valid text split into fragments anywhere,
// invalid text failing with 1007, and "fail fast" — the connection fails as
// soon as the first invalid byte arrives, before the frame or message is
// complete.

import Testing
import SquallCore
import SquallWebSocket

@Suite("UTF-8 (Autobahn 6.x)")
struct UTF8Tests {
    static let hello = Array("Hello-µ@ßöäüàá-UTF-8!!".utf8)
    /// κόσμε, a UTF-16 surrogate (ED A0 80), then "edited".
    static let kosmeSurrogate: [UInt8] = Hex.decode("cebae1bdb9cf83cebcceb5eda080656469746564")!

    @Test("valid text split into two fragments at every byte position (6.2)")
    func validFragmented() {
        for split in 0...Self.hello.count {
            let input = frame(.text, Array(Self.hello[..<split]), fin: false) + frame(.continuation, Array(Self.hello[split...]))
            var machine = serverMachine()
            #expect(run(&machine, input) == [.text(String(decoding: Self.hello, as: UTF8.self))], "split \(split)")
        }
    }

    @Test("valid text one byte per fragment (6.2.4)")
    func oneBytePerFragment() {
        var input = frame(.text, [Self.hello[0]], fin: false)
        for index in 1..<Self.hello.count {
            input += frame(.continuation, [Self.hello[index]], fin: index == Self.hello.count - 1)
        }
        #expect(serverOutcomesAtEverySplit(input) == [.text(String(decoding: Self.hello, as: UTF8.self))])
    }

    @Test("invalid sequences fail with 1007", arguments: [
        "cebae1bdb9cf83cebcceb5eda080656469746564", "c0af", "e080af", "f4908080", "eda080", "fe", "80", "c2", "f09080",
    ])
    func invalid(hex: String) {
        let input = frame(.text, Hex.decode(hex)!)
        let outcomes = serverOutcomesAtEverySplit(input)
        guard case .sentClose(1007, _)? = outcomes.first else {
            Issue.record("expected a 1007 close for \(hex), got \(outcomes)")
            return
        }
        #expect(outcomes.last == .closeConnection)
    }

    @Test("fail fast inside a frame: the bad byte fails before the frame is complete (6.4.3)")
    func failFastInFrame() {
        let input = frame(.text, Self.kosmeSurrogate)
        let header = WebSocketFrameHeader.encodedLength(payloadLength: Self.kosmeSurrogate.count, masked: true)
        var machine = serverMachine()
        // Everything up to the byte before the invalid one (index 12): nothing happens.
        #expect(run(&machine, Array(input[..<(header + 12)])) == [])
        #expect(run(&machine, [input[header + 12]]) == [.sentClose(1007, "text message is not valid UTF-8"), .closeConnection])
    }

    @Test("fail fast across fragments: the first fragment is accepted, the bad byte in the next fails (6.4.1)")
    func failFastAcrossFragments() {
        let first = frame(.text, Array(Self.kosmeSurrogate[..<11]), fin: false)
        let second = frame(.continuation, Array(Self.kosmeSurrogate[11...]))
        let header = WebSocketFrameHeader.encodedLength(payloadLength: Self.kosmeSurrogate.count - 11, masked: true)
        var machine = serverMachine()
        #expect(run(&machine, first) == [])
        #expect(run(&machine, Array(second[..<(header + 1)])) == [])  // ED alone could still be valid
        #expect(run(&machine, [second[header + 1]]) == [.sentClose(1007, "text message is not valid UTF-8"), .closeConnection])
    }

    @Test("a sequence split across fragments is fine; one cut off by the message end is not")
    func sequenceAcrossFragments() {
        let joined = frame(.text, [0xC3], fin: false) + frame(.continuation, [0xA9])
        #expect(serverOutcomesAtEverySplit(joined) == [.text("é")])
        let cut = frame(.text, Array("ab".utf8) + [0xC3], fin: false) + frame(.continuation, [])
        #expect(serverOutcomesAtEverySplit(cut) == [.sentClose(1007, "text message ends inside a UTF-8 sequence"), .closeConnection])
    }

    @Test("binary messages are never checked")
    func binaryUnchecked() {
        #expect(serverOutcomesAtEverySplit(frame(.binary, [0xFF, 0xC0])) == [.binary([0xFF, 0xC0])])
    }
}
