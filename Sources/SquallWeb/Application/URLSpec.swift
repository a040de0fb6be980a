// URLSpec: one row of the routing table (Tornado's `URLSpec` / `url()`).

import SquallHTTP
import SquallIO

/// Maps a URL pattern to a handler class.
///
/// ```swift
/// URLSpec("/", MainHandler.self)
/// URLSpec(#"/story/([0-9]+)"#, StoryHandler.self, name: "story")
/// URLSpec("/db", DBHandler.self, initialize: { $0.database = database })
/// ```
public struct URLSpec: Sendable {
    /// The regular expression matched against the whole request path (anchored at
    /// both ends, like Tornado's).
    public let pattern: String
    /// The name used by `reverseURL`, if any.
    public let name: String?
    let makeHandler: @IOLoopActor @Sendable (Application, HTTPServerRequest, PathArguments) -> RequestHandler

    /// - Parameters:
    ///   - pattern: a regular expression; groups become path arguments.
    ///   - handler: the `RequestHandler` subclass to instantiate per request.
    ///   - name: a name for `reverseURL`.
    ///   - initialize: runs on each new handler before `initialize()` — the Swift
    ///     form of Tornado's initialize keyword arguments, typed.
    public init<Handler: RequestHandler>(
        _ pattern: String, _ handler: Handler.Type, name: String? = nil,
        initialize: (@IOLoopActor @Sendable (Handler) -> Void)? = nil
    ) {
        self.pattern = pattern
        self.name = name
        self.makeHandler = { application, request, pathArgs in
            let instance = Handler(application: application, request: request, pathArgs: pathArgs)
            initialize?(instance)
            instance.initialize()
            return instance
        }
    }
}
