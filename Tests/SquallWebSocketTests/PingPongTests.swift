// Autobahn 2.x (pings and pongs): every ping is answered with a pong
// carrying its payload, then reported; pongs are reported; control frames
// over 125 bytes or fragmented fail the connection.

import Testing
import SquallWebSocket

@Suite("Ping/pong (Autobahn 2.x)")
struct PingPongTests {
    @Test("a ping is answered with the same payload, then reported", arguments: [0, 1, 125])
    func pingAnswered(length: Int) {
        let payload = pattern(length)
        #expect(serverOutcomesAtEverySplit(frame(.ping, payload)) == [.sentPong(payload), .ping(payload)])
    }

    @Test("a ping with a 126-byte payload fails with 1002")
    func pingTooLong() {
        var machine = serverMachine()
        #expect(run(&machine, frame(.ping, pattern(126)))
            == [.sentClose(1002, "ping frame payload longer than 125 bytes"), .closeConnection])
    }

    @Test("an unsolicited pong is reported and not answered")
    func unsolicitedPong() {
        #expect(serverOutcomesAtEverySplit(frame(.pong, Array("beat".utf8))) == [.pong(Array("beat".utf8))])
    }

    @Test("ten pings in one read get ten pongs in order")
    func manyPings() {
        let pings = (0..<10).flatMap { frame(.ping, [UInt8($0)]) }
        let expected = (0..<10).flatMap { [Outcome.sentPong([UInt8($0)]), .ping([UInt8($0)])] }
        var machine = serverMachine()
        #expect(run(&machine, pings) == expected)
        var dripped = serverMachine()
        #expect(run(&dripped, pings, chunkSize: 1) == expected)
    }

    @Test("a fragmented ping fails with 1002")
    func fragmentedPing() {
        var machine = serverMachine()
        #expect(run(&machine, frame(.ping, [1], fin: false)) == [.sentClose(1002, "fragmented ping frame"), .closeConnection])
    }

    @Test("pongs and pings may be sent by the application")
    func sending() throws {
        var machine = serverMachine()
        #expect(try machine.encodePing([1, 2]) == [0x89, 0x02, 1, 2])
        #expect(try machine.encodePong() == [0x8A, 0x00])
        let error = #expect(throws: WebSocketSendError.self) { try machine.encodePing(pattern(126)) }
        #expect(error?.kind == .controlPayloadTooLong)
    }
}
