// JSONValue, the CDP currency of the browser test support (SquallTesting has no
// test target of its own): parsing keeps booleans apart from numbers, printing
// is compact and stable, and bad input is an error, not a crash.
import SquallTesting
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test("parses every kind of value, keeping true apart from 1")
    func parsing() throws {
        let value = try JSONValue(parsing: #"{"a": [1, 2.5, true, false, null, "x\u00e9\n"], "b": {"c": -3}}"#)
        #expect(value["a"] == [1, .number(2.5), true, false, nil, "xé\n"])
        #expect(value["a"]?[2]?.bool == true)
        #expect(value["a"]?[0]?.bool == nil)
        #expect(value["a"]?[0]?.int == 1)
        #expect(value["a"]?[1]?.int == nil)
        #expect(value["b"]?["c"]?.int == -3)
        #expect(value["missing"] == nil)
        #expect(value["a"]?[9] == nil)
    }

    @Test("prints compact JSON with sorted keys and whole numbers as integers")
    func printing() throws {
        let value: JSONValue = ["z": 1, "a": ["text \"quoted\" / 你好 🎉", .number(0.5), true, nil]]
        #expect(value.description == #"{"a":["text \"quoted\" / 你好 🎉",0.5,true,null],"z":1}"#)
        #expect(try JSONValue(parsing: value.description) == value)
    }

    @Test("rejects text that is not JSON", arguments: ["", "{", "[1 2]", "{'a': 1}", "nul"])
    func invalid(_ text: String) {
        #expect(throws: BrowserError.self) { try JSONValue(parsing: text) }
    }
}
