// A typed registry of command-line options, the Swift form of tornado.options:
// `define` options with defaults and help, then `parse` the command line.
//
//     let options = OptionParser()
//     let port = try options.define("port", default: 8888, help: "port to listen on")
//     let debug = try options.define("debug", default: false, help: "debug mode")
//     let rest = options.parseCommandLineOrExit()
//     print(port.value)

import Synchronization

/// The registry of defined options. Thread-safe; usually one per program.
///
/// Names are matched with `-` and `_` treated alike (`--max_size` is `--max-size`).
/// Two options are always present: `--help` (print usage) and `--logging`
/// (`debug|info|warning|error|none`, applied to `Log.minimumLevel` by
/// `parseCommandLineOrExit`), so those names cannot be defined again. Each `define`
/// records its call site (`file`, `line`) to name it in duplicate-definition errors.
public final class OptionParser: Sendable {
    /// Everything the parser and usage text need about one option, independent of its type.
    struct Spec: Sendable {
        let name: String
        let help: String
        let metavar: String
        let defaultText: String?
        let isFlag: Bool
        let site: String
        /// Validates text and returns the assignment to perform if the whole parse succeeds.
        let prepare: @Sendable (String) throws(OptionError) -> @Sendable () -> Void
    }

    let specs = Mutex<[String: Spec]>([:])

    /// The built-in `--logging` option: `"debug"`, `"info"` (default), `"warning"`,
    /// `"error"`, or `"none"` (leave `Log.minimumLevel` untouched).
    public let logging: Option<String>

    /// Creates a registry holding only the built-in `--help` and `--logging` options.
    public init() {
        let help = Spec(name: "help", help: "show this help information", metavar: "BOOL", defaultText: nil,
                        isFlag: true, site: "built-in") { _ throws(OptionError) in { } }
        specs.withLock { $0["help"] = help }
        let levels = ["debug", "info", "warning", "error", "none"]
        let type = OptionValueType<String>(expectation: "one of " + levels.joined(separator: ", "),
                                           metavar: levels.joined(separator: "|")) { text in
            levels.contains(text.lowercased()) ? text.lowercased() : nil
        }
        let (spec, option) = Self.makeSpec("logging", default: "info", type: type, isFlag: false,
                                           help: "log level; 'none' leaves logging configuration alone",
                                           metavar: nil, site: "built-in")
        specs.withLock { $0["logging"] = spec }
        logging = option
    }

    /// Defines an option of any `LosslessStringConvertible` type (`Int`, `Double`, `String`,
    /// `UInt16`, your own types…). `--name=value` and `--name value` both work.
    /// - Throws: `OptionError` `.duplicateDefinition` or `.invalidName`.
    public func define<T: LosslessStringConvertible & Sendable>(
        _ name: String, default defaultValue: T, help: String = "", metavar: String? = nil,
        file: String = #fileID, line: Int = #line
    ) throws(OptionError) -> Option<T> {
        try register(name, default: defaultValue, type: .lossless, isFlag: false, help: help,
                     metavar: metavar, site: "\(file):\(line)")
    }

    /// Defines a boolean flag: `--name` sets it true, `--name=false` (or `0`, `no`, `off`)
    /// sets it false. A separate following argument is never taken as its value.
    /// - Throws: `OptionError` `.duplicateDefinition` or `.invalidName`.
    public func define(_ name: String, default defaultValue: Bool, help: String = "",
                       file: String = #fileID, line: Int = #line) throws(OptionError) -> Option<Bool> {
        try register(name, default: defaultValue, type: .boolean, isFlag: true, help: help,
                     metavar: nil, site: "\(file):\(line)")
    }

    /// Defines a multi-value option (Tornado's `multiple=True`): the value is split on
    /// commas and each part converted, so `--hosts=a,b` gives `["a", "b"]`; an empty
    /// value gives `[]`. Parts are not trimmed.
    /// - Throws: `OptionError` `.duplicateDefinition` or `.invalidName`.
    public func define<T: LosslessStringConvertible & Sendable>(
        _ name: String, default defaultValue: [T], help: String = "", metavar: String? = nil,
        file: String = #fileID, line: Int = #line
    ) throws(OptionError) -> Option<[T]> {
        let element = OptionValueType<T>.lossless
        let list = OptionValueType<[T]>(expectation: "a comma-separated list of values, each \(element.expectation)",
                                        metavar: element.metavar + ",...") { text in
            if text.isEmpty { return [] }
            var values: [T] = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let value = element.parse(String(part)) else { return nil }
                values.append(value)
            }
            return values
        }
        return try register(name, default: defaultValue, type: list, isFlag: false, help: help,
                            metavar: metavar, site: "\(file):\(line)")
    }

    /// Defines an option without a default (Tornado's `default=None`): `value` is `nil`
    /// unless the command line sets it. For `Bool.self` it is a flag.
    /// - Throws: `OptionError` `.duplicateDefinition` or `.invalidName`.
    public func define<T: LosslessStringConvertible & Sendable>(
        _ name: String, type: T.Type, help: String = "", metavar: String? = nil,
        file: String = #fileID, line: Int = #line
    ) throws(OptionError) -> Option<T?> {
        let element = OptionValueType<T>.lossless
        let optional = OptionValueType<T?>(expectation: element.expectation, metavar: element.metavar) { text in
            element.parse(text).map { .some($0) }
        }
        return try register(name, default: nil, type: optional, isFlag: T.self == Bool.self, help: help,
                            metavar: metavar, site: "\(file):\(line)")
    }

    /// Names as the command line spells them: underscores become dashes (Tornado's rule).
    static func normalize(_ name: some StringProtocol) -> String {
        String(name).replacingUnderscoresWithDashes()
    }

    private func register<T: Sendable>(
        _ rawName: String, default defaultValue: T, type: OptionValueType<T>, isFlag: Bool,
        help: String, metavar: String?, site: String
    ) throws(OptionError) -> Option<T> {
        guard !rawName.isEmpty, !rawName.hasPrefix("-"),
              !rawName.contains(where: { $0 == "=" || $0 == "," || $0.isWhitespace })
        else { throw .invalidName(rawName) }
        let (spec, option) = Self.makeSpec(rawName, default: defaultValue, type: type, isFlag: isFlag,
                                           help: help, metavar: metavar, site: site)
        let existing: Spec? = specs.withLock { table in
            if let earlier = table[spec.name] { return earlier }
            table[spec.name] = spec
            return nil
        }
        if let existing { throw .duplicate(spec.name, firstDefinedAt: existing.site) }
        return option
    }

    private static func makeSpec<T: Sendable>(
        _ rawName: String, default defaultValue: T, type: OptionValueType<T>, isFlag: Bool,
        help: String, metavar: String?, site: String
    ) -> (Spec, Option<T>) {
        let name = normalize(rawName)
        let option = Option(name: name, defaultValue: defaultValue)
        let spec = Spec(name: name, help: help, metavar: metavar ?? type.metavar,
                        defaultText: defaultText(defaultValue), isFlag: isFlag, site: site) {
            text throws(OptionError) in
            guard let value = type.parse(text) else {
                throw .invalidValue(name, expected: type.expectation, got: text)
            }
            return { option.value = value }
        }
        return (spec, option)
    }

    /// How a default is shown in usage (`nil` hides it, as Tornado does for None and "").
    private static func defaultText<T>(_ value: T) -> String? {
        let text: String
        switch value {
        case let list as [any LosslessStringConvertible]: text = list.map(\.description).joined(separator: ",")
        case let optional as (any LosslessStringConvertible)?: text = optional?.description ?? ""
        default: text = String(describing: value)
        }
        return text.isEmpty ? nil : text
    }
}

extension String {
    fileprivate func replacingUnderscoresWithDashes() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
