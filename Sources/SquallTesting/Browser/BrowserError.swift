// BrowserError: what went wrong while driving a browser, in words a test
// failure can show as is (which command, what the browser answered).

/// An error of the browser test support: launching, talking CDP, or a page
/// condition that never came true.
public struct BrowserError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String

    /// An error with a message.
    public init(_ description: String) { self.description = description }
}
