// Acting on a page the way a person does: focus a field, type text (as the
// keyboard's input method would insert it), press a key. The events go through
// the browser's input pipeline, so default actions such as Enter submitting a
// form happen exactly as for a real user.

extension BrowserPage {
    /// Focuses the first element matching the CSS `selector`.
    ///
    /// - Throws: `BrowserError` when nothing matches.
    public func focus(_ selector: String) async throws(BrowserError) {
        let found = try await evaluate("""
            (() => { const element = document.querySelector(\(Self.quote(selector)));
                     if (!element) return false; element.focus(); return true; })()
            """)
        guard found.bool == true else { throw BrowserError("no element matches \(selector)") }
    }

    /// Types `text` into the focused element (any Unicode, including emoji).
    ///
    /// - Throws: `BrowserError` when the browser refuses.
    public func type(_ text: String) async throws(BrowserError) {
        try await send("Input.insertText", ["text": .string(text)])
    }

    /// Presses and releases the Enter key on the focused element.
    ///
    /// - Throws: `BrowserError` when the browser refuses.
    public func pressEnter() async throws(BrowserError) {
        let key: [String: JSONValue] = [
            "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "nativeVirtualKeyCode": 13,
        ]
        var down = key
        down["type"] = "keyDown"
        down["text"] = "\r"
        var up = key
        up["type"] = "keyUp"
        try await send("Input.dispatchKeyEvent", .object(down))
        try await send("Input.dispatchKeyEvent", .object(up))
    }

    /// `text` as a JavaScript string literal, for building expressions.
    public nonisolated static func quote(_ text: String) -> String {
        JSONValue.string(text).description
    }
}
