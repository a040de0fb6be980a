// What a page reports on its own: console calls, uncaught exceptions and the
// browser's log. Errors are kept as one line each in `consoleErrors`, so a test
// can assert that a page ran cleanly and a failure message can show why not.

extension BrowserPage {
    /// Handles one event of this page's session.
    func note(_ method: String, _ params: JSONValue) {
        switch method {
        case "Runtime.consoleAPICalled":
            guard let type = params["type"]?.string, type == "error" || type == "assert" else { return }
            let arguments = params["args"]?.array ?? []
            recordError("console.\(type): " + arguments.map(Self.describe).joined(separator: " "))
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] ?? .null
            let text = details["exception"]?["description"]?.string ?? details["text"]?.string ?? details.description
            recordError("uncaught exception: \(text)")
        case "Log.entryAdded":
            let entry = params["entry"] ?? .null
            guard entry["level"]?.string == "error" else { return }
            let source = entry["source"]?.string ?? "log"
            let url = entry["url"]?.string.map { " (\($0))" } ?? ""
            recordError("\(source): \(entry["text"]?.string ?? "")\(url)")
        default:
            return
        }
    }

    /// A console argument (a CDP RemoteObject) as text.
    private static func describe(_ argument: JSONValue) -> String {
        if let text = argument["value"]?.string { return text }
        if let value = argument["value"] { return value.description }
        return argument["description"]?.string ?? argument["type"]?.string ?? "?"
    }
}
