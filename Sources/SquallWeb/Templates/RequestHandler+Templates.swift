// Rendering templates from handlers (Tornado's `render`, `render_string` and
// `get_template_namespace`). Every template sees the handler's namespace:
// `static_url`, `xsrf_form_html`, `reverse_url`, `current_user`, `handler` and
// `request`, plus the escaping functions every template has.
import SquallHTTP
import SquallIO
import SquallTemplate

@IOLoopActor
extension RequestHandler {
    /// Renders template `name` with `arguments`, writes it, and finishes the
    /// response (Tornado's `render`).
    ///
    /// ```swift
    /// try render("index.html", ["messages": ChatRoom.cache])
    /// ```
    /// - Throws: `TemplateError` (a 500; the detail is logged, and shown only in debug mode).
    public func render(_ name: String, _ arguments: [String: Any] = [:]) throws {
        write(try renderBytes(name, arguments))
        finish()
    }

    /// Renders template `name` to a string without writing it (Tornado's `render_string`).
    ///
    /// - Throws: `TemplateError` for a missing template or a syntax or runtime error.
    public func renderString(_ name: String, _ arguments: [String: Any] = [:]) throws -> String {
        try application.templateLoader().render(name, arguments, namespace: handlerTemplateNamespace())
    }

    /// Renders template `name` to UTF-8 bytes (no String in between).
    ///
    /// - Throws: `TemplateError` for a missing template or a syntax or runtime error.
    public func renderBytes(_ name: String, _ arguments: [String: Any] = [:]) throws -> [UInt8] {
        try application.templateLoader().renderBytes(name, arguments, namespace: handlerTemplateNamespace())
    }

    /// The handler's namespace, built once per handler (a WebSocket handler that
    /// renders a fragment per message builds it once per connection).
    func handlerTemplateNamespace() throws -> TemplateNamespace {
        if let cached = toolkit.templateNamespace { return cached }
        let namespace = try templateNamespace()
        toolkit.templateNamespace = namespace
        return namespace
    }

    /// The names this handler gives its templates; `templateNamespace()` (open)
    /// starts from it.
    public func defaultTemplateNamespace() throws -> TemplateNamespace {
        var namespace = TemplateNamespace()
        namespace["handler"] = .object(HandlerTemplateObject(handler: self))
        namespace["request"] = .object(RequestTemplateObject(request: request))
        namespace["current_user"] = try currentUser.map { .string($0) } ?? TemplateValue.none
        let handler = HandlerReference(self)
        namespace.define("static_url") { arguments in
            let bound = try arguments.bind(function: "static_url", parameters: ["path", "include_version"], required: 1)
            let path = bound[0]?.description ?? ""
            let versioned = bound[1]?.isTruthy ?? true
            return .string(handler.run { $0.staticURL(path, includeVersion: versioned) })
        }
        let xsrfFormHTML = TemplateFunction("xsrf_form_html") { _ in
            .safe(SafeHTML(try handler.run { try $0.xsrfFormHTML() }))
        }
        // Both `{{ xsrf_form_html() }}` and Tornado's `{% module xsrf_form_html() %}`.
        namespace["xsrf_form_html"] = .function(xsrfFormHTML)
        namespace.modules["xsrf_form_html"] = xsrfFormHTML
        namespace.define("reverse_url") { arguments in
            let name = arguments.positional.first?.description ?? ""
            let rest = arguments.positional.dropFirst().map(\.description)
            return .string(try handler.run { try $0.application.router.reverse(name, arguments: Array(rest)) })
        }
        return namespace
    }
}

/// Lets a template function (a `@Sendable` closure run during rendering, on the
/// loop thread) call back into its handler.
struct HandlerReference: Sendable {
    private let handler: RequestHandler
    init(_ handler: RequestHandler) { self.handler = handler }

    /// Runs `body` with the handler; rendering always happens on the loop thread.
    func run<T>(_ body: @IOLoopActor (RequestHandler) throws -> T) throws -> T {
        try IOLoopActor.assumeIsolated { try body(handler) }
    }

    /// As `run`, for bodies that cannot fail.
    func run<T>(_ body: @IOLoopActor (RequestHandler) -> T) -> T {
        IOLoopActor.assumeIsolated { body(handler) }
    }
}

/// `handler` in templates: `handler.request`, `handler.current_user`, `handler.settings.debug`.
final class HandlerTemplateObject: TemplateObject {
    private let handler: HandlerReference
    private let request: RequestTemplateObject

    @IOLoopActor
    init(handler: RequestHandler) {
        self.handler = HandlerReference(handler)
        self.request = RequestTemplateObject(request: handler.request)
    }

    func templateMember(_ name: String) throws -> TemplateValue? {
        switch name {
        case "request": return .object(request)
        case "current_user": return try handler.run { try $0.currentUser }.map { .string($0) } ?? TemplateValue.none
        case "debug": return .bool(handler.run { $0.application.settings.debug })
        default: return nil
        }
    }

    var templateTypeName: String { "RequestHandler" }
}

/// `request` in templates: method, uri, path, query, host, host_name, remote_ip,
/// protocol, version, full_url().
final class RequestTemplateObject: TemplateObject {
    private let fields: [String: TemplateValue]

    @IOLoopActor
    init(request: HTTPServerRequest) {
        let fullURL = request.fullURL
        fields = [
            "method": .string(request.method.rawValue), "uri": .string(request.uri),
            "path": .string(request.path), "query": .string(request.query),
            "host": .string(request.host), "host_name": .string(request.hostName),
            "remote_ip": .string(request.remoteIP), "protocol": .string(request.protocol),
            "version": .string(request.version.description),
            "full_url": .function(TemplateFunction("full_url") { _ in .string(fullURL) }),
        ]
    }

    func templateMember(_ name: String) throws -> TemplateValue? { fields[name] }

    var templateTypeName: String { "HTTPServerRequest" }
}
