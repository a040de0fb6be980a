// Tornado's escaping helpers as template functions, with Tornado's names and
// keyword arguments: `escape`/`xhtml_escape`, `xhtml_unescape`,
// `url_escape(value, plus=True)`, `url_unescape(value, encoding, plus)`,
// `json_encode`, `squeeze`, and `linkify(text, shorten, extra_params,
// require_protocol, permitted_protocols)`. Functions producing HTML return
// `SafeHTML`, so `{{ linkify(text) }}` is not escaped twice.

extension Builtins {
    static let escaping: [TemplateFunction] = [
        xhtmlEscapeFunction("escape"),
        xhtmlEscapeFunction("xhtml_escape"),
        function("xhtml_unescape", ["value"], required: 1) { values throws(TemplateError) in
            .string(xhtmlUnescape(try text(values[0], "xhtml_unescape")))
        },
        function("url_escape", ["value", "plus"], required: 1) { values throws(TemplateError) in
            .string(urlEscape(try text(values[0], "url_escape"), plus: values[1]?.isTruthy ?? true))
        },
        function("url_unescape", ["value", "encoding", "plus"], required: 1) { values throws(TemplateError) in
            if let encoding = values[1], let name = encoding.stringValue, !["utf-8", "utf8"].contains(name.lowercased()) {
                throw TemplateError(runtime: "url_unescape() supports only utf-8, not \(pythonQuoted(name))")
            }
            return .string(urlUnescape(try text(values[0], "url_unescape"), plus: values[2]?.isTruthy ?? true))
        },
        function("json_encode", ["value"], required: 1) { values throws(TemplateError) in
            .string(try jsonEncode(values[0] ?? .none))
        },
        function("squeeze", ["value"], required: 1) { values throws(TemplateError) in
            .string(squeeze(try text(values[0], "squeeze")))
        },
        linkifyFunction,
    ]

    /// `xhtml_escape(value)`: like Tornado but the result is marked safe; a
    /// value that is already `SafeHTML` is returned unchanged.
    private static func xhtmlEscapeFunction(_ name: String) -> TemplateFunction {
        function(name, ["value"], required: 1) { values throws(TemplateError) in
            let value = values[0] ?? .none
            if case .safe = value { return value }
            return .safe(SafeHTML(xhtmlEscape(value.description)))
        }
    }

    /// The UI modules every loader has (besides the built-in `Template`):
    /// `{% module linkify(text) %}`, as Tornado's default `ui_modules`.
    static let modules: [String: TemplateFunction] = ["linkify": linkifyFunction]

    /// `linkify` as a function and as the default `{% module linkify(...) %}`.
    static let linkifyFunction = TemplateFunction("linkify", body: { arguments in
        var out = OutputBuffer()
        try writeLinkified(arguments, to: &out)
        return .safe(SafeHTML(out.text))
    }, writer: TemplateFunction.DirectWriter(general: { arguments, out in
        try writeLinkified(arguments, to: &out)
    }, single: { text, out in
        defaultLinkifier.append(text.stringValue ?? text.description, to: &out)
    }))

    /// `linkify(text, shorten=False, extra_params="", require_protocol=False,
    /// permitted_protocols=["http", "https"])`; `extra_params` may be a
    /// function of the link's href, as in Tornado.
    private static func writeLinkified(_ arguments: TemplateArguments, to out: inout OutputBuffer) throws(TemplateError) {
        let values = try arguments.bind(function: "linkify",
                                        parameters: ["text", "shorten", "extra_params", "require_protocol", "permitted_protocols"],
                                        required: 1)
        var options = LinkifyOptions(shorten: values[1]?.isTruthy ?? false, requireProtocol: values[3]?.isTruthy ?? false)
        var computeParams: (@Sendable (String) throws(TemplateError) -> String)?
        switch values[2] {
        case .function(let function)?:
            computeParams = { (href) throws(TemplateError) in try callFunction(function, TemplateArguments([.string(href)])).description }
        case let extra?:
            options.extraParams = extra.isTruthy ? extra.description : ""
        case nil:
            break
        }
        if let protocols = values[4] {
            options.permittedProtocols = try Iteration.items(of: protocols).map(\.description)
        }
        try Linkifier(options: options, extraParams: computeParams).append(try text(values[0], "linkify"), to: &out)
    }

    /// The text of a string argument; Tornado's helpers take `str` (or
    /// bytes), other values are converted with `str()` for convenience.
    private static func text(_ value: TemplateValue?, _ function: String) throws(TemplateError) -> String {
        guard let value else { throw TemplateError(runtime: "\(function)() missing required argument") }
        return value.stringValue ?? value.description
    }
}
