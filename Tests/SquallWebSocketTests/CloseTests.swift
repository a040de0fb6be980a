// Autobahn 7.x (closing): the peer's close is echoed and ends the session;
// nothing after it is processed; close payloads are checked (length, code,
// UTF-8 reason); our own close stops sending and ignores data until the
// peer's close arrives.

import Testing
import SquallWebSocket

@Suite("Close handling (Autobahn 7.x)")
struct CloseTests {
    @Test("a close with code and reason is echoed with the code (7.1.1, 7.3.4)")
    func echo() {
        var machine = serverMachine()
        #expect(run(&machine, textFrame("Hello") + closeFrame(1000, reason: Array("bye".utf8)))
            == [.text("Hello"), .sentClose(1000, ""), .closeConnection])
        #expect(machine.peerCloseCode == .normalClosure && machine.peerCloseReason == "bye")
        #expect(machine.state == .closed)
    }

    @Test("an empty close is answered with 1000 and reported as 1005 (7.3.1)")
    func emptyClose() {
        var machine = serverMachine()
        #expect(run(&machine, closeFrame(nil)) == [.sentClose(1000, ""), .closeConnection])
        #expect(machine.peerCloseCode == .noStatusReceived && machine.peerCloseReason == "")
    }

    @Test("nothing after the close frame is processed (7.1.2–7.1.4)")
    func afterClose() {
        let input = closeFrame(1000) + closeFrame(1001) + frame(.ping, []) + textFrame("late")
        #expect(serverOutcomesAtEverySplit(input) == [.sentClose(1000, ""), .closeConnection])
    }

    @Test("a close in the middle of a fragmented message ends it unfinished (7.1.5)")
    func closeMidMessage() {
        let input = textFrame("frag", fin: false) + closeFrame(1000) + frame(.continuation, Array("ment".utf8))
        #expect(serverOutcomesAtEverySplit(input) == [.sentClose(1000, ""), .closeConnection])
    }

    @Test("a 1-byte close payload fails with 1002 (7.3.2)")
    func oneByte() {
        #expect(serverOutcomesAtEverySplit(frame(.close, [0x03])) == [.sentClose(1002, "close frame with a 1-byte payload"), .closeConnection])
    }

    @Test("a 123-byte reason is fine, a 124-byte one makes the frame too long (7.3.5, 7.3.6)")
    func reasonLength() {
        var machine = serverMachine()
        #expect(run(&machine, closeFrame(1000, reason: Array(repeating: 0x2A, count: 123))) == [.sentClose(1000, ""), .closeConnection])
        #expect(machine.peerCloseReason?.utf8.count == 123)
        var tooLong = serverMachine()
        #expect(run(&tooLong, closeFrame(1000, reason: Array(repeating: 0x2A, count: 124)))
            == [.sentClose(1002, "close frame payload longer than 125 bytes"), .closeConnection])
    }

    @Test("an invalid UTF-8 reason fails with 1007 (7.5.1)")
    func invalidReason() {
        let reason: [UInt8] = [0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5, 0xED, 0xA0, 0x80, 0x65, 0x64]
        #expect(serverOutcomesAtEverySplit(closeFrame(1000, reason: reason))
            == [.sentClose(1007, "close reason is not valid UTF-8"), .closeConnection])
    }

    @Test("valid close codes are echoed (7.7.x)",
          arguments: [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999] as [UInt16])
    func validCodes(code: UInt16) {
        #expect(WebSocketCloseCode.isValidOnWire(code))
        var machine = serverMachine()
        #expect(run(&machine, closeFrame(code)) == [.sentClose(code, ""), .closeConnection])
        #expect(machine.peerCloseCode?.rawValue == code)
    }

    @Test("invalid close codes fail with 1002 (7.9.x)",
          arguments: [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535] as [UInt16])
    func invalidCodes(code: UInt16) {
        #expect(!WebSocketCloseCode.isValidOnWire(code))
        var machine = serverMachine()
        #expect(run(&machine, closeFrame(code)) == [.sentClose(1002, "invalid close code \(code)"), .closeConnection])
    }

    @Test("after our close, data and pings are ignored until the peer's close arrives")
    func weCloseFirst() throws {
        var machine = serverMachine()
        #expect(try machine.encodeClose(code: .goingAway, reason: "restart") == [0x88, 0x09, 0x03, 0xE9] + Array("restart".utf8))
        #expect(machine.state == .closeSent)
        let input = textFrame("ignored", fin: false) + frame(.ping, []) + frame(.continuation, [0x41]) + textFrame("also") + closeFrame(1001)
        #expect(run(&machine, input) == [.closeConnection])
        #expect(machine.state == .closed && machine.peerCloseCode == .goingAway)
    }

    @Test("nothing can be sent once the closing handshake has started")
    func noSendingAfterClose() throws {
        var machine = serverMachine()
        _ = try machine.encodeClose()
        let errors = [
            #expect(throws: WebSocketSendError.self) { try machine.encodeText("x") },
            #expect(throws: WebSocketSendError.self) { try machine.encodePing() },
            #expect(throws: WebSocketSendError.self) { try machine.encodeClose() },
        ]
        #expect(errors.allSatisfy { $0?.kind == .closed })
    }

    @Test("codes that must not be sent are refused; long reasons are cut at a character boundary")
    func sendingClose() throws {
        var machine = serverMachine()
        let error = #expect(throws: WebSocketSendError.self) { try machine.encodeClose(code: .noStatusReceived) }
        #expect(error?.kind == .invalidCloseCode)
        #expect(machine.state == .open)
        let frameBytes = try machine.encodeClose(code: .normalClosure, reason: String(repeating: "é", count: 100))
        #expect(frameBytes.count == 2 + 2 + 122)  // 61 two-byte characters fit in 123 bytes
        var bare = serverMachine()
        #expect(try bare.encodeClose(code: nil, reason: "ignored") == [0x88, 0x00])
    }

    @Test("a failed connection reports why and refuses to send")
    func failure() {
        var machine = serverMachine()
        _ = run(&machine, frame(WebSocketOpcode(rawValue: 3), []))
        #expect(machine.failure == WebSocketProtocolError(.protocolError, "reserved opcode 0x3"))
        #expect(throws: WebSocketSendError.self) { try machine.encodeBinary([1]) }
        #expect(run(&machine, textFrame("more")) == [])
    }
}
