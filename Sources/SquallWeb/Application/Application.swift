// Application: the routing table and settings of a web app (Tornado's
// `tornado.web.Application`); the HTTP server hands it every request.
//
//     let app = Application([
//         URLSpec("/", MainHandler.self),
//         URLSpec(#"/story/([0-9]+)"#, StoryHandler.self, name: "story"),
//     ])
//     try app.listen(port: 8888)
//     IOLoop.current.start()
import SquallCore
import SquallHTTP
import SquallIO
import SquallTemplate
import Synchronization

/// A web application: routes requests to handlers.
public final class Application: HTTPServerDelegate, Sendable {
    /// The routes, in matching order.
    public let handlers: [URLSpec]
    /// The settings.
    public let settings: ApplicationSettings
    let router: Router<URLSpec>
    let templateLoaderCache = Mutex<TemplateLoader?>(nil)

    /// Builds the routing table.
    ///
    /// - Throws: `RouteError` when a pattern is not a valid regular expression or a
    ///   name is used twice.
    public init(_ handlers: [URLSpec], settings: ApplicationSettings = ApplicationSettings()) throws(RouteError) {
        // Static routes go first, as in Tornado (none when staticPath is nil).
        let routes = StaticFileHandler.applicationRoutes(for: settings) + handlers
        self.handlers = routes
        self.settings = settings
        self.router = try Router(routes.map { Route($0.pattern, $0, name: $0.name) })
    }

    /// Starts an HTTP server for this application on `port` (0 = any free port; see
    /// the returned server's `port`). Callable before or after the loop starts.
    ///
    /// - Parameters:
    ///   - address: nil or "" for every interface (IPv4 and IPv6), or one address.
    ///   - reusePort: SO_REUSEPORT, so several processes can serve one port.
    /// - Throws: `IOError` when the port cannot be bound.
    @discardableResult
    public func listen(port: Int, address: String? = nil, reusePort: Bool = false) throws(IOError) -> HTTPServer {
        try HTTPServer.listen(port: port, address: address, reusePort: reusePort,
                              configuration: settings.server, delegate: self)
    }

    /// The path of the route named `name` with `args` filled into its groups
    /// (percent-encoded), Tornado's `reverse_url`.
    ///
    /// - Throws: `RouteError` for an unknown name, a wrong number of arguments, or
    ///   a pattern too complex to reverse.
    public func reverseURL(_ name: String, _ args: any CustomStringConvertible...) throws(RouteError) -> String {
        try router.reverse(name, arguments: args.map(\.description))
    }

    /// Routes one request (called by the HTTP server on the loop).
    @IOLoopActor
    public func handle(_ request: HTTPServerRequest) {
        let handler: RequestHandler
        do {
            if let match = try router.match(request.path) {
                let pathArgs = PathArguments(positional: match.pathArgs, named: match.pathKwargs)
                handler = match.payload.makeHandler(self, request, pathArgs)
            } else {
                handler = ErrorHandler(application: self, request: request, pathArgs: PathArguments())
            }
        } catch {
            let fallback = ErrorHandler(application: self, request: request, pathArgs: PathArguments())
            fallback.errorStatus = 400
            handler = fallback
        }
        handler.execute()
    }

    /// Writes the access log line for a finished request (or calls `logFunction`).
    @IOLoopActor
    func logRequest(_ handler: RequestHandler) {
        if let custom = settings.logFunction {
            custom(handler)
            return
        }
        let request = handler.request
        guard Log.access.isEnabled(for: Log.accessLevel(forStatus: handler.status)) else { return }
        Log.logRequest(status: handler.status, method: request.method.rawValue, uri: request.uri,
                       remoteIP: request.remoteIP, duration: request.requestTime)
    }
}


