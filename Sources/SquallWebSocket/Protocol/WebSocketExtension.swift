// Sec-WebSocket-Extensions values (RFC 6455 §9.1): a comma-separated list of
// extensions, each a name with `;`-separated parameters that may carry a
// value, bare or quoted (a quoted value must still be a token once
// unquoted). A client lists offers in preference order; a server answers
// with what it accepted.

/// One extension in a Sec-WebSocket-Extensions header, e.g.
/// `permessage-deflate; client_max_window_bits`.
public struct WebSocketExtension: Sendable, Hashable {
    /// One `name[=value]` parameter.
    public struct Parameter: Sendable, Hashable {
        /// The parameter name, e.g. "server_max_window_bits".
        public var name: String
        /// The value (unquoted), or `nil` when the parameter has none.
        public var value: String?

        /// Creates a parameter.
        public init(_ name: String, _ value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// The extension's name, e.g. "permessage-deflate".
    public var name: String
    /// The parameters in header order, duplicates included.
    public var parameters: [Parameter]

    /// Creates an extension entry.
    public init(name: String, parameters: [Parameter] = []) {
        self.name = name
        self.parameters = parameters
    }

    /// Parses a whole header value (several header lines joined with ", ").
    /// Returns `nil` if any part breaks the grammar; an absent header is the
    /// empty string and yields `[]`.
    public static func parseList(_ value: String) -> [WebSocketExtension]? {
        HeaderScanner.list(value) { scanner in
            guard let name = scanner.token() else { return nil }
            var entry = WebSocketExtension(name: name)
            while true {
                scanner.skipWhitespace()
                guard scanner.consume(";") else { return entry }
                scanner.skipWhitespace()
                guard let parameterName = scanner.token() else { return nil }
                var parameter = Parameter(parameterName)
                scanner.skipWhitespace()
                if scanner.consume("=") {
                    scanner.skipWhitespace()
                    guard let value = scanner.token() ?? scanner.quotedString(), HeaderScanner.isToken(value) else { return nil }
                    parameter.value = value
                }
                entry.parameters.append(parameter)
            }
        }
    }

    /// The entry as header text, e.g. "permessage-deflate; server_max_window_bits=10".
    public var headerValue: String {
        parameters.reduce(name) { text, parameter in
            text + "; " + parameter.name + (parameter.value.map { "=" + $0 } ?? "")
        }
    }
}
