// Running a handler: prepare, then the HTTP method, then finish; on the plain
// (synchronous) path when the subclass overrides the plain forms, in a task that
// starts immediately on the loop when it overrides the `async` forms.

import SquallCore
import SquallHTTP
import SquallIO

@IOLoopActor
extension RequestHandler {
    private enum Stage { case prepare, method }

    /// Classes whose async `prepare()` is the inherited no-op: once seen, their
    /// requests skip it and stay on the synchronous path.
    @exclusivity(unchecked) private static var defaultAsyncPrepareClasses = Set<ObjectIdentifier>()

    /// `supportedMethods.contains(method)`, without hashing a string per request.
    static func isSupported(_ method: HTTPMethod) -> Bool {
        switch method {
        case .GET, .HEAD, .POST, .PUT, .PATCH, .DELETE, .OPTIONS: true
        default: false
        }
    }

    static func noteDefaultAsyncPrepare(_ type: RequestHandler.Type) {
        defaultAsyncPrepareClasses.insert(ObjectIdentifier(type))
    }

    /// Runs the handler for its request (called by the Application).
    func execute() {
        request.closeObserver = self
        guard Self.isSupported(request.method) else {
            handleError(HTTPError(501, "unsupported method \(request.method)"))
            return
        }
        do {
            if let stage = try runSynchronously() {
                Task.immediate { await self.runAsynchronously(from: stage) }
            } else if !finished {
                finish()
            }
        } catch {
            handleError(error)
        }
    }

    /// Runs what it can without suspending; returns the stage to continue
    /// asynchronously, or nil when done.
    private func runSynchronously() throws -> Stage? {
        try checkXSRFCookieIfRequired()
        try prepare()
        if inheritedPrepareCalled && !Self.defaultAsyncPrepareClasses.contains(ObjectIdentifier(type(of: self))) {
            return .prepare
        }
        if finished { return nil }
        do {
            try invokeMethod()
        } catch is RequiresAsync {
            return .method
        }
        return nil
    }

    private func runAsynchronously(from stage: Stage) async {
        do {
            if stage == .prepare {
                try await prepare()
                if finished { return }
            }
            if !finished {
                // A subclass may override the plain form of the method even when
                // its prepare() is async.
                do { try invokeMethod() } catch is RequiresAsync { try await invokeMethodAsync() }
            }
            if !finished { finish() }
        } catch {
            handleError(error)
        }
    }

    private func invokeMethod() throws {
        try authenticateIfRequired()
        switch request.method {
        case .GET: try get()
        case .HEAD: try head()
        case .POST: try post()
        case .PUT: try put()
        case .PATCH: try patch()
        case .DELETE: try delete()
        default: try options()
        }
    }

    private func invokeMethodAsync() async throws {
        switch request.method {
        case .GET: try await get()
        case .HEAD: try await head()
        case .POST: try await post()
        case .PUT: try await put()
        case .PATCH: try await patch()
        case .DELETE: try await delete()
        default: try await options()
        }
    }

    /// Turns an error thrown by the handler into a response (and a log line).
    func handleError(_ error: any Error) {
        switch error {
        case let http as HTTPError:
            if let message = http.logMessage {
                Log.general.warning("\(http.status) \(request.method) \(request.uri) (\(request.remoteIP)): \(message)")
            }
            sendError(http.status, reason: http.reason, error: http)
        case is Finish:
            if !finished { finish() }
        case let missing as MissingArgumentError:
            sendError(400, error: missing)
        default:
            Log.app.error("Uncaught error \(request.method) \(request.uri) (\(request.remoteIP)): \(String(describing: error))")
            sendError(500, error: error)
        }
    }
}

extension RequestHandler: HTTPRequestCloseObserver {
    /// Forwards the client's disconnect to `onConnectionClose()`.
    public func requestConnectionDidClose(_ request: HTTPServerRequest) {
        onConnectionClose()
    }
}
