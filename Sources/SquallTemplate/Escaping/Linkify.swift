// linkify: turn URLs in plain text into links, as Tornado's `escape.linkify`.
// The text is HTML-escaped first, so the result is safe HTML; URLs are found
// by `LinkifyScanner` and rendered exactly as Tornado's `make_link` does,
// including its `shorten` heuristics.
import Glibc

/// Options of `linkify`, mirroring Tornado's keyword arguments.
public struct LinkifyOptions: Sendable {
    /// Shorten long URLs for display (the full URL goes into `title`).
    public var shorten: Bool
    /// Extra attributes for every `<a>` tag, e.g. `rel="nofollow"`.
    public var extraParams: String
    /// Computes extra attributes per link from its `href`; overrides
    /// `extraParams` when set.
    public var extraParamsForURL: (@Sendable (String) -> String)?
    /// Only link URLs that have a scheme (skip bare `www.` links).
    public var requireProtocol: Bool
    /// Schemes that may be linked; matched case-sensitively, as Tornado does.
    /// Never add `javascript`.
    public var permittedProtocols: [String]

    /// Tornado's defaults: no shortening, no extra attributes, `www.` links
    /// allowed, `http` and `https` only.
    public init(shorten: Bool = false, extraParams: String = "", extraParamsForURL: (@Sendable (String) -> String)? = nil,
                requireProtocol: Bool = false, permittedProtocols: [String] = ["http", "https"]) {
        self.shorten = shorten
        self.extraParams = extraParams
        self.extraParamsForURL = extraParamsForURL
        self.requireProtocol = requireProtocol
        self.permittedProtocols = permittedProtocols
    }
}

/// HTML-escapes `text` and wraps its URLs in `<a href="…">` links, exactly
/// as Tornado's `linkify`. The result is HTML safe to insert unescaped.
public func linkify(_ text: String, options: LinkifyOptions = LinkifyOptions()) -> String {
    let computeParams = options.extraParamsForURL.map { compute in { @Sendable (href: String) throws(Never) -> String in compute(href) } }
    var out = OutputBuffer()
    Linkifier<Never>(options: options, extraParams: computeParams).append(text, to: &out)
    return out.text
}

/// `linkify` with Tornado's default options, shared because building a
/// `Linkifier` converts its options to bytes.
let defaultLinkifier = Linkifier<Never>(options: LinkifyOptions(), extraParams: nil)

/// The linkify engine; `Failure` is the error type of a computed-attributes
/// callback (template functions may throw, Swift closures may not).
struct Linkifier<Failure: Error>: Sendable {
    let shorten: Bool
    /// `" " + extraParams.strip()`, or empty, as UTF-8.
    let extraParams: [UInt8]
    let computeParams: (@Sendable (String) throws(Failure) -> String)?
    let requireProtocol: Bool
    let permittedProtocols: [[UInt8]]

    init(options: LinkifyOptions, extraParams computeParams: (@Sendable (String) throws(Failure) -> String)?) {
        shorten = options.shorten
        extraParams = options.extraParams.isEmpty ? [] : Array((" " + pythonStrip(Substring(options.extraParams))).utf8)
        self.computeParams = computeParams
        requireProtocol = options.requireProtocol
        permittedProtocols = options.permittedProtocols.map { Array($0.utf8) }
    }

    /// Appends the linkified HTML of `text` to `out`.
    func append(_ text: String, to out: inout OutputBuffer) throws(Failure) {
        var failure: Failure?
        withUTF8Bytes(text) { source in
            // Escaping never creates or removes a `:` or `www.`, so the
            // unescaped text tells whether a link is possible.
            guard mayContainURL(source) else { return out.appendEscapedHTML(source) }
            // URLs are matched in the escaped text, as Tornado does; it is
            // built in temporary (stack, when small) memory.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: escapedLength(source)) { escaped in
                let bytes = UnsafeBufferPointer(escaped.initializeEscapedHTML(from: source))
                do throws(Failure) {
                    var scanner = LinkifyScanner(bytes)
                    var copied = 0
                    while let match = scanner.nextMatch(from: copied) {
                        out.append(UnsafeBufferPointer(rebasing: bytes[copied..<match.start]))
                        try appendLink(match, in: bytes, to: &out)
                        copied = match.end
                    }
                    out.append(UnsafeBufferPointer(rebasing: bytes[copied...]))
                } catch {
                    failure = error
                }
            }
        }
        if let failure { throw failure }
    }

    /// Every match needs a `:` or `www.`; most chat messages have neither.
    private func mayContainURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        if memchr(base, Int32(UInt8(ascii: ":")), bytes.count) != nil { return true }
        var start = 0
        while start + 4 <= bytes.count, let found = memchr(base + start, Int32(UInt8(ascii: "w")), bytes.count - start) {
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard position + 4 <= bytes.count else { return false }
            if base[position + 1] == UInt8(ascii: "w"), base[position + 2] == UInt8(ascii: "w"), base[position + 3] == UInt8(ascii: ".") {
                return true
            }
            start = position + 1
        }
        return false
    }

    /// Tornado's `make_link`, writing bytes directly in the common case.
    private func appendLink(_ match: LinkifyMatch, in bytes: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) throws(Failure) {
        let url = UnsafeBufferPointer(rebasing: bytes[match.start..<match.end])
        let scheme = match.schemeEnd.map { UnsafeBufferPointer(rebasing: bytes[match.start..<$0]) }
        if requireProtocol && scheme == nil {
            out.append(url)
            return
        }
        if let scheme, !permittedProtocols.contains(where: { $0.elementsEqual(scheme) }) {
            out.append(url)
            return
        }
        // The href as a String is only needed by the callback and by shortening.
        let href = computeParams != nil || shorten ? (scheme == nil ? "http://" : "") + String(decoding: url, as: UTF8.self) : ""
        var params = extraParams
        if let computeParams {
            params = Array((" " + pythonStrip(Substring(try computeParams(href)))).utf8)
        }
        var display: String?
        if shorten {
            let prefixLength = scheme.map { String(decoding: $0, as: UTF8.self).unicodeScalars.count + 1 + match.slashes } ?? 0
            if let short = shortened(String(decoding: url, as: UTF8.self), prefixLength: prefixLength) {
                display = short
                params.append(contentsOf: " title=\"\(href)\"".utf8)
            }
        }
        out.append("<a href=\"" as StaticString)
        if scheme == nil { out.append("http://" as StaticString) }
        out.append(url)
        out.append(UInt8(ascii: "\""))
        out.append(params)
        out.append(UInt8(ascii: ">"))
        if let display { out.append(display) } else { out.append(url) }
        out.append("</a>" as StaticString)
    }

    /// Tornado's display shortening: host plus the start of the first path
    /// segment, clipped to 30 characters, never splitting an entity; `nil`
    /// when the result would not be shorter.
    private func shortened(_ url: String, prefixLength: Int) -> String? {
        let maximumLength = 30
        let original = Array(url.unicodeScalars)
        guard original.count > maximumLength else { return nil }
        var clipped = original
        let parts = original[prefixLength...].split(separator: "/", omittingEmptySubsequences: false)
        if parts.count > 1 {
            let segment = parts[1].prefix(8).prefix { $0 != "?" }.prefix { $0 != "." }
            clipped = Array(original[..<prefixLength]) + Array(parts[0]) + ["/"] + Array(segment)
        }
        if clipped.count > maximumLength * 3 / 2 { clipped = Array(clipped.prefix(maximumLength)) }
        guard clipped != original else { return nil }
        if let ampersand = clipped.lastIndex(of: "&"), ampersand > maximumLength - 5 {
            clipped = Array(clipped[..<ampersand])
        }
        clipped += ["." as Unicode.Scalar, ".", "."]
        guard clipped.count < original.count else { return nil }
        return String(String.UnicodeScalarView(clipped))
    }
}
