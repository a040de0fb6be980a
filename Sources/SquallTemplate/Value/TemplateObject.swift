// TemplateObject: custom Swift objects whose members templates resolve lazily.
//
// Converting a large object graph up front (as `Encodable` conversion does) is
// wasteful when a template reads two fields; a `TemplateObject` answers member
// and subscript lookups on demand, the way Python attribute access works.

/// A reference type that templates can query member by member
/// (`{{ handler.request.uri }}`, `{{ user["name"] }}`).
///
/// Lookups run on the rendering thread during `render`; implementations must
/// be thread-safe if they are rendered from several threads.
public protocol TemplateObject: AnyObject, Sendable {
    /// The value of `object.name`, or `nil` when there is no such member
    /// (the template then reports an attribute error with its location).
    func templateMember(_ name: String) throws -> TemplateValue?

    /// The value of `object[key]`, or `nil` when unsupported or missing.
    /// Defaults to `nil`.
    func templateSubscript(_ key: TemplateValue) throws -> TemplateValue?

    /// The type name used in error messages. Defaults to the Swift type name.
    var templateTypeName: String { get }

    /// What `{{ object }}` and `str(object)` show. Defaults to
    /// `<TypeName object>`.
    var templateDescription: String { get }

    /// Truthiness in `if`/`and`/`or`. Defaults to `true`.
    var templateIsTruthy: Bool { get }
}

extension TemplateObject {
    /// Unsupported by default.
    public func templateSubscript(_ key: TemplateValue) throws -> TemplateValue? { nil }

    /// The Swift type name.
    public var templateTypeName: String { String(describing: type(of: self)) }

    /// `<TypeName object>`, like Python's default `repr`.
    public var templateDescription: String { "<\(templateTypeName) object>" }

    /// Objects are true by default, as in Python.
    public var templateIsTruthy: Bool { true }
}
