// Tests for Options: typed definitions, both value forms, name normalisation, help text,
// every error path, atomic parsing, and the command-line outcome used by main().

import Testing
@testable import SquallCore

@Suite struct OptionsTests {
    @Test func typedDefaultsBeforeParsing() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 8888, help: "port to listen on")
        let address = try options.define("address", default: "127.0.0.1")
        let ratio = try options.define("ratio", default: 0.5)
        let debug = try options.define("debug", default: false)
        let hosts = try options.define("hosts", default: ["a", "b"])
        let secret = try options.define("secret", type: String.self)
        #expect(port.value == 8888 && address.value == "127.0.0.1" && ratio.value == 0.5)
        #expect(debug.value == false && hosts.value == ["a", "b"] && secret.value == nil)
        #expect(port.name == "port" && port.defaultValue == 8888)
    }

    @Test func parsesBothValueFormsAndReturnsPositionals() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 8888)
        let address = try options.define("address", default: "127.0.0.1")
        let debug = try options.define("debug", default: false)
        let rest = try options.parse(["--port=9000", "--address", "0.0.0.0", "--debug", "serve", "--port=1"])
        #expect(port.value == 9000 && address.value == "0.0.0.0" && debug.value)
        #expect(rest == ["serve", "--port=1"])
    }

    @Test func doubleDashEndsOptionsAndLoneDashIsPositional() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 1)
        #expect(try options.parse(["--port=2", "--", "--port=3", "x"]) == ["--port=3", "x"])
        #expect(port.value == 2)
        #expect(try options.parse(["-", "--port=4"]) == ["-", "--port=4"])
        #expect(try options.parse([]) == [])
        #expect(port.value == 2)
    }

    @Test func singleDashUnderscoreAndDashAreEquivalent() throws {
        let options = OptionParser()
        let size = try options.define("max_size", default: 10)
        #expect(size.name == "max-size")
        _ = try options.parse(["--max-size=11"])
        #expect(size.value == 11)
        _ = try options.parse(["--max_size", "12"])
        #expect(size.value == 12)
        _ = try options.parse(["-max-size=13"])
        #expect(size.value == 13)
    }

    @Test func booleanSpellings() throws {
        let options = OptionParser()
        let debug = try options.define("debug", default: true)
        for (text, expected) in [("false", false), ("TRUE", true), ("0", false), ("yes", true), ("off", false),
                                 ("on", true), ("f", false), ("t", true), ("no", false), ("1", true)] {
            _ = try options.parse(["--debug=\(text)"])
            #expect(debug.value == expected, "--debug=\(text)")
        }
        // A flag never consumes the next argument.
        #expect(try options.parse(["--debug", "false"]) == ["false"])
        #expect(debug.value == true)
    }

    @Test func multipleValuesSplitOnCommas() throws {
        let options = OptionParser()
        let ports = try options.define("ports", default: [Int]())
        let names = try options.define("names", default: ["x"])
        _ = try options.parse(["--ports=80,443,8080", "--names="])
        #expect(ports.value == [80, 443, 8080] && names.value == [])
        _ = try options.parse(["--names", "a,,b"])
        #expect(names.value == ["a", "", "b"])
        let error = #expect(throws: OptionError.self) { try options.parse(["--ports=80,x"]) }
        #expect(error?.code == .invalidValue)
        #expect(error?.message.contains("'80,x'") == true)
    }

    @Test func anyLosslessStringConvertibleWorks() throws {
        let options = OptionParser()
        let level = try options.define("level", default: LogLevel.info)
        let small = try options.define("small", default: UInt16(80))
        let flag = try options.define("verbose", type: Bool.self)
        _ = try options.parse(["--level=debug", "--small=443", "--verbose"])
        #expect(level.value == .debug && small.value == 443 && flag.value == true)
        let error = #expect(throws: OptionError.self) { try options.parse(["--small=70000"]) }
        #expect(error?.message == "Option 'small' requires an integer from 0 to 65535, got '70000'")
        let custom = #expect(throws: OptionError.self) { try options.parse(["--level=loud"]) }
        #expect(custom?.message == "Option 'level' requires a value of type LogLevel, got 'loud'")
    }

    @Test func unknownOptionSuggestsClosestName() throws {
        let options = OptionParser()
        _ = try options.define("port", default: 8888)
        let error = #expect(throws: OptionError.self) { try options.parse(["--prot=9000"]) }
        #expect(error?.code == .unrecognizedOption && error?.option == "prot")
        #expect(error?.message == "Unrecognized command line option: 'prot' (did you mean 'port'?)")
        let far = #expect(throws: OptionError.self) { try options.parse(["--zzzzzz"]) }
        #expect(far?.message == "Unrecognized command line option: 'zzzzzz'")
        let empty = #expect(throws: OptionError.self) { try options.parse(["--=5"]) }
        #expect(empty?.option == "--=5")
    }

    @Test func badValuesNameTheOptionAndTheText() throws {
        let options = OptionParser()
        _ = try options.define("port", default: 8888)
        _ = try options.define("ratio", default: 1.0)
        _ = try options.define("debug", default: false)
        let int = #expect(throws: OptionError.self) { try options.parse(["--port=abc"]) }
        #expect(int?.code == .invalidValue && int?.option == "port")
        #expect(int?.message == "Option 'port' requires an integer, got 'abc'")
        let overflow = #expect(throws: OptionError.self) { try options.parse(["--port=99999999999999999999"]) }
        #expect(overflow?.code == .invalidValue)
        let double = #expect(throws: OptionError.self) { try options.parse(["--ratio", "1.2.3"]) }
        #expect(double?.message == "Option 'ratio' requires a number, got '1.2.3'")
        let bool = #expect(throws: OptionError.self) { try options.parse(["--debug=maybe"]) }
        #expect(bool?.message == "Option 'debug' requires a boolean (true or false), got 'maybe'")
    }

    @Test func missingValues() throws {
        let options = OptionParser()
        _ = try options.define("port", default: 8888)
        _ = try options.define("debug", default: false)
        for arguments in [["--port"], ["--port", "--debug"]] {
            let error = #expect(throws: OptionError.self) { try options.parse(arguments) }
            #expect(error?.code == .missingValue)
            #expect(error?.message == "Option 'port' requires a value")
        }
        let options2 = OptionParser()
        let offset = try options2.define("offset", default: 0)
        _ = try options2.parse(["--offset", "-5"])
        #expect(offset.value == -5)
    }

    @Test func failedParseChangesNothing() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 1)
        let name = try options.define("name", default: "a")
        #expect(throws: OptionError.self) { try options.parse(["--port=2", "--name=b", "--port=x"]) }
        #expect(port.value == 1 && name.value == "a")
    }

    @Test func duplicateAndInvalidDefinitions() throws {
        let options = OptionParser()
        _ = try options.define("max_size", default: 1)
        let duplicate = #expect(throws: OptionError.self) { try options.define("max-size", default: "x") }
        #expect(duplicate?.code == .duplicateDefinition && duplicate?.option == "max-size")
        #expect(duplicate?.message.hasPrefix("Option 'max-size' already defined at SquallCoreTests/OptionsTests.swift:") == true)
        for reserved in ["help", "logging"] {
            let error = #expect(throws: OptionError.self) { try options.define(reserved, default: false) }
            #expect(error?.message == "Option '\(reserved)' already defined at built-in")
        }
        for bad in ["", "-x", "a=b", "a b", "a,b"] {
            let error = #expect(throws: OptionError.self) { try options.define(bad, default: 0) }
            #expect(error?.code == .invalidName && error?.option == bad)
        }
    }

    @Test func helpIsRequestedThroughAnError() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 8888)
        let error = #expect(throws: OptionError.self) { try options.parse(["--port=1", "--help"], programName: "app") }
        #expect(error?.code == .helpRequested)
        #expect(error?.message == options.usage(programName: "app"))
        #expect(port.value == 8888)
        #expect(try options.parse(["--help=false"]) == [])
        let bad = #expect(throws: OptionError.self) { try options.parse(["--help=perhaps"]) }
        #expect(bad?.code == .invalidValue)
    }

    @Test func usageListsEveryOptionWithTypeDefaultAndHelp() throws {
        let options = OptionParser()
        _ = try options.define("port", default: 8888, help: "port to listen on")
        _ = try options.define("debug", default: false, help: "debug mode")
        _ = try options.define("hosts", default: ["a", "b"], help: "")
        _ = try options.define("cookie_secret", type: String.self,
                               help: "secret used to sign cookies; keep it out of version control please",
                               metavar: "SECRET")
        _ = try options.define("a_really_long_option_name_here", default: 1.5)
        let expected = """
            Usage: app [OPTIONS]

            Options:

              --a-really-long-option-name-here=FLOAT 
                                               (default 1.5)
              --cookie-secret=SECRET           secret used to sign cookies; keep it out of
                                               version control please
              --debug[=BOOL]                   debug mode (default false)
              --help[=BOOL]                    show this help information
              --hosts=STRING,...               (default a,b)
              --logging=debug|info|warning|error|none 
                                               log level; 'none' leaves logging
                                               configuration alone (default info)
              --port=INT                       port to listen on (default 8888)

            """
        #expect(options.usage(programName: "app") == expected)
    }

    @Test func wrapKeepsWordsWhole() {
        #expect(OptionParser.wrap("", width: 10) == [])
        #expect(OptionParser.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(OptionParser.wrap("abcdefghijkl x", width: 5) == ["abcdefghijkl", "x"])
    }

    @Test func editDistanceCountsTranspositionsOnce() {
        #expect(OptionParser.editDistance("prot", "port") == 1)
        #expect(OptionParser.editDistance("", "abc") == 3)
        #expect(OptionParser.editDistance("kitten", "sitting") == 3)
        #expect(OptionParser.editDistance("same", "same") == 0)
    }

    @Test func commandLineOutcomes() throws {
        let options = OptionParser()
        let port = try options.define("port", default: 8888)
        #expect(options.commandLineOutcome(["/usr/bin/app", "--port=1", "x"])
            == .proceed(positional: ["x"], logLevel: .info))
        #expect(port.value == 1)
        #expect(options.commandLineOutcome(["app", "--logging=DEBUG"]) == .proceed(positional: [], logLevel: .debug))
        #expect(options.logging.value == "debug")
        #expect(options.commandLineOutcome(["app", "--logging=none"]) == .proceed(positional: [], logLevel: nil))
        #expect(options.commandLineOutcome(["/bin/app", "--help"])
            == .exit(status: 0, output: options.usage(programName: "app")))
        #expect(options.commandLineOutcome(["/bin/app", "--prot=1"])
            == .exit(status: 2, output: "app: Unrecognized command line option: 'prot' (did you mean 'port'?)\n"
                + "Run 'app --help' for the list of options.\n"))
        guard case .exit(2, let output) = options.commandLineOutcome(["app", "--logging=loud"]) else {
            Issue.record("bad --logging must exit 2"); return
        }
        #expect(output.hasPrefix("app: Option 'logging' requires one of debug, info, warning, error, none, got 'loud'"))
        // An empty argv (no program name) keeps the last parsed values; logging is still "none".
        #expect(options.commandLineOutcome([]) == .proceed(positional: [], logLevel: nil))
    }

    @Test func optionsAreSharedSafelyAcrossTasks() async throws {
        let options = OptionParser()
        let count = try options.define("count", default: 0)
        await withTaskGroup(of: Void.self) { group in
            for i in 1...8 { group.addTask { _ = try? options.parse(["--count=\(i)"]); _ = count.value } }
        }
        #expect((1...8).contains(count.value))
        count.value = 42
        #expect(count.value == 42)
    }
}
