// Autobahn 5.x (fragmentation): messages in several frames, control frames
// between fragments, and every way to get continuation frames wrong.

import Testing
import SquallWebSocket

@Suite("Fragmentation (Autobahn 5.x)")
struct FragmentationTests {
    @Test("a text message in two fragments (5.3)")
    func twoFragments() {
        let input = textFrame("frag", fin: false) + frame(.continuation, Array("ment1".utf8))
        #expect(serverOutcomesAtEverySplit(input) == [.text("fragment1")])
    }

    @Test("pings between fragments are answered at once (5.6–5.8)")
    func pingsBetweenFragments() {
        let input = textFrame("frag", fin: false) + frame(.ping, Array("p".utf8)) + frame(.continuation, Array("ment".utf8))
        #expect(serverOutcomesAtEverySplit(input) == [.sentPong(Array("p".utf8)), .ping(Array("p".utf8)), .text("fragment")])
    }

    @Test("a binary message in many one-byte fragments, with a pong in the middle")
    func manyFragments() {
        let payload = pattern(20)
        var input = frame(.binary, [payload[0]], fin: false)
        for index in 1..<payload.count {
            if index == 10 { input += frame(.pong, []) }
            input += frame(.continuation, [payload[index]], fin: index == payload.count - 1)
        }
        #expect(serverOutcomesAtEverySplit(input) == [.pong([]), .binary(payload)])
    }

    @Test("empty fragments are fine, including an empty final one")
    func emptyFragments() {
        let input = textFrame("", fin: false) + frame(.continuation, Array("a".utf8), fin: false) + frame(.continuation, [])
        #expect(serverOutcomesAtEverySplit(input) == [.text("a")])
    }

    @Test("continuation without a message to continue fails with 1002 (5.9–5.12)", arguments: [true, false])
    func orphanContinuation(fin: Bool) {
        let input = frame(.continuation, Array("x".utf8), fin: fin) + textFrame("never")
        #expect(serverOutcomesAtEverySplit(input)
            == [.sentClose(1002, "continuation frame without a message to continue"), .closeConnection])
    }

    @Test("a finished message cannot be continued (5.15)")
    func continuationAfterEnd() {
        let input = textFrame("frag", fin: false) + frame(.continuation, Array("ment1".utf8))
            + frame(.continuation, Array("x".utf8), fin: false) + textFrame("never")
        #expect(serverOutcomesAtEverySplit(input)
            == [.text("fragment1"), .sentClose(1002, "continuation frame without a message to continue"), .closeConnection])
    }

    @Test("a new data frame while a fragmented message is open fails with 1002 (5.17–5.20)")
    func interleavedMessages() {
        let input = textFrame("a", fin: false) + frame(.binary, [1])
        #expect(serverOutcomesAtEverySplit(input)
            == [.sentClose(1002, "new binary message before the fragmented one finished"), .closeConnection])
    }

    @Test("fragmented control frames fail with 1002 (5.1, 5.2)", arguments: [WebSocketOpcode.ping, .pong, .close])
    func fragmentedControl(opcode: WebSocketOpcode) {
        let input = frame(opcode, [1], fin: false) + frame(.continuation, [2])
        #expect(serverOutcomesAtEverySplit(input) == [.sentClose(1002, "fragmented \(opcode) frame"), .closeConnection])
    }
}
