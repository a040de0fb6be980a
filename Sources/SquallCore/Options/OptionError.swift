// Errors from defining or parsing command-line options (Tornado's `tornado.options.Error`),
// each carrying the option involved and a message fit to show the person at the terminal.

/// A problem with an option definition or with the command line.
///
/// `description` is the readable message, e.g.
/// `Option 'port' requires an integer, got 'abc'`.
public struct OptionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem occurred.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unrecognizedOption, invalidValue, missingValue, duplicateDefinition, invalidName, helpRequested
        }
        private let base: Base

        /// The command line named an option that was never defined.
        public static let unrecognizedOption = Code(base: .unrecognizedOption)
        /// A value could not be converted to the option's type.
        public static let invalidValue = Code(base: .invalidValue)
        /// A non-boolean option was given without a value.
        public static let missingValue = Code(base: .missingValue)
        /// `define` was called twice for the same (normalised) name.
        public static let duplicateDefinition = Code(base: .duplicateDefinition)
        /// `define` was given a name that cannot appear on a command line.
        public static let invalidName = Code(base: .invalidName)
        /// `--help` was given; `message` holds the usage text. Not a failure.
        public static let helpRequested = Code(base: .helpRequested)

        /// The code's name, e.g. `"invalidValue"`.
        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public let code: Code
    /// The option concerned, in command-line form without dashes (`"max-size"`);
    /// for an unrecognised option, the name as typed.
    public let option: String
    /// The full human-readable message.
    public let message: String

    /// Same as `message`.
    public var description: String { message }

    static func unrecognized(_ name: String, suggestion: String?) -> OptionError {
        var message = "Unrecognized command line option: '\(name)'"
        if let suggestion { message += " (did you mean '\(suggestion)'?)" }
        return OptionError(code: .unrecognizedOption, option: name, message: message)
    }

    static func invalidValue(_ name: String, expected: String, got value: String) -> OptionError {
        OptionError(code: .invalidValue, option: name, message: "Option '\(name)' requires \(expected), got '\(value)'")
    }

    static func missingValue(_ name: String) -> OptionError {
        OptionError(code: .missingValue, option: name, message: "Option '\(name)' requires a value")
    }

    static func duplicate(_ name: String, firstDefinedAt site: String) -> OptionError {
        OptionError(code: .duplicateDefinition, option: name,
                    message: "Option '\(name)' already defined at \(site)")
    }

    static func invalidName(_ name: String) -> OptionError {
        OptionError(code: .invalidName, option: name,
                    message: "Invalid option name '\(name)': it must be non-empty, must not start with '-', "
                        + "and must not contain '=', ',' or whitespace")
    }
}
