// Autobahn 3.x (reserved bits): without a negotiated extension any RSV bit
// fails the connection with 1002, and nothing after the bad frame (such as a
// following ping) is processed.

import Testing
import SquallWebSocket

@Suite("Reserved bits (Autobahn 3.x)")
struct ReservedBitsTests {
    @Test("RSV1, RSV2 or RSV3 on any frame type fails with 1002", arguments: [
        (WebSocketOpcode.text, 1), (.text, 2), (.text, 3), (.binary, 1), (.binary, 2), (.binary, 3),
        (.ping, 1), (.ping, 2), (.close, 3), (.pong, 2),
    ])
    func reservedBit(opcode: WebSocketOpcode, bit: Int) {
        let input = frame(opcode, [], rsv1: bit == 1, rsv2: bit == 2, rsv3: bit == 3)
        var machine = serverMachine()
        let outcomes = run(&machine, input)
        guard case .sentClose(1002, _)? = outcomes.first else {
            Issue.record("expected a 1002 close, got \(outcomes)")
            return
        }
        #expect(outcomes.count == 2 && outcomes.last == .closeConnection)
        #expect(machine.state == .closed && machine.failure?.closeCode == .protocolError)
    }

    @Test("a good message is echoed, then the bad frame fails and the later ping is ignored (3.2)")
    func afterValidMessage() {
        let input = textFrame("Hello") + frame(.text, Array("Hello".utf8), rsv2: true) + frame(.ping, [])
        let outcomes = serverOutcomesAtEverySplit(input)
        #expect(outcomes == [.text("Hello"), .sentClose(1002, "reserved bits RSV2/RSV3 set without a negotiated extension"), .closeConnection])
    }

    @Test("with compression negotiated RSV1 is still refused on control frames and continuations")
    func rsv1WithCompression() {
        let compressed = PerMessageDeflateParameters()
        for input in [frame(.ping, [], rsv1: true), textFrame("a", fin: false) + frame(.continuation, [], rsv1: true)] {
            var machine = serverMachine(compression: compressed)
            guard case .sentClose(1002, _)? = run(&machine, input).first else {
                Issue.record("expected a 1002 close")
                continue
            }
        }
    }
}
