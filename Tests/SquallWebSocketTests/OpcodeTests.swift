// Autobahn 4.x (opcodes): reserved non-control (3–7) and control (B–F)
// opcodes fail the connection with 1002, also after valid traffic.

import Testing
import SquallWebSocket

@Suite("Opcodes (Autobahn 4.x)")
struct OpcodeTests {
    @Test("reserved opcodes fail with 1002", arguments: [3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF] as [UInt8])
    func reserved(raw: UInt8) {
        let opcode = WebSocketOpcode(rawValue: raw)
        #expect(!opcode.isDefined)
        let input = textFrame("ok") + frame(opcode, pattern(3)) + frame(.ping, [])
        #expect(serverOutcomesAtEverySplit(input) == [.text("ok"), .sentClose(1002, "\(opcode)"), .closeConnection])
    }

    @Test("opcode classification")
    func classification() {
        #expect(WebSocketOpcode.close.isControl && WebSocketOpcode(rawValue: 0xB).isControl)
        #expect(!WebSocketOpcode.binary.isControl && !WebSocketOpcode(rawValue: 3).isControl)
        #expect(WebSocketOpcode(rawValue: 0x1F).rawValue == 0xF)
        #expect(WebSocketOpcode.text.description == "text")
        #expect(WebSocketOpcode(rawValue: 0xB).description == "reserved opcode 0xB")
    }
}
