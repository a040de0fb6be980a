// The one-call entry point for `main`: parse the process's command line, print help or
// an error and exit like a well-behaved Unix tool, apply `--logging`, return the rest.

#if canImport(Glibc)
import Glibc
#endif

extension OptionParser {
    /// What `parseCommandLineOrExit` should do, computed without side effects.
    enum CommandLineOutcome: Equatable {
        /// Parsing succeeded: apply the log level (nil for `none`) and continue with the rest.
        case proceed(positional: [String], logLevel: LogLevel?)
        /// Print `output` to stdout (status 0) or stderr (otherwise) and exit.
        case exit(status: Int32, output: String)
    }

    /// Parses `arguments` (by default the process's, whose first element is the program
    /// path and is skipped) and returns the positional arguments.
    ///
    /// - On `--help`: prints the usage to stdout and exits with status 0.
    /// - On any error: prints `<program>: <message>` and a hint to run `--help` to stderr,
    ///   and exits with status 2.
    /// - On success: sets `Log.minimumLevel` from `--logging` (unless it is `none`).
    public func parseCommandLineOrExit(_ arguments: [String] = CommandLine.arguments) -> [String] {
        switch commandLineOutcome(arguments) {
        case let .proceed(positional, logLevel):
            if let logLevel { Log.minimumLevel = logLevel }
            return positional
        case let .exit(status, output):
            fflush(nil)  // keep anything the program already printed ahead of this output
            ConsoleOutput.write(output, to: status == 0 ? 1 : 2)
            exit(status)
        }
    }

    func commandLineOutcome(_ arguments: [String]) -> CommandLineOutcome {
        let program = arguments.first.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "program"
        do {
            let positional = try parse(Array(arguments.dropFirst()), programName: program)
            return .proceed(positional: positional, logLevel: LogLevel(logging.value))
        } catch where error.code == .helpRequested {
            return .exit(status: 0, output: error.message)
        } catch {
            return .exit(status: 2, output: "\(program): \(error.message)\nRun '\(program) --help' for the list of options.\n")
        }
    }
}
