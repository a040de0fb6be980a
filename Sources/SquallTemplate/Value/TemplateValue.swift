// TemplateValue: the dynamic value model of the template language.
//
// Templates are written in a small Python-like expression language, so every
// value a template sees is one of the Python-ish kinds below. Swift values are
// converted into this representation when they enter a render (see
// `TemplateValueConvertible`, `TemplateValueEncoder` and `TemplateValue(converting:)`).
import FoundationEssentials

/// A value as seen by template code.
///
/// The cases mirror the Python types Tornado templates work with. Values are
/// immutable and `Sendable`; lists and dictionaries are copy-on-write.
public enum TemplateValue: Sendable {
    /// Python's `None` (also spelled `nil` in templates).
    case none
    /// `True` / `False`.
    case bool(Bool)
    /// A 64-bit integer. Arithmetic that overflows raises a template error.
    case int(Int)
    /// A double-precision float.
    case double(Double)
    /// Text. Escaped by `{{ }}` when autoescaping is on.
    case string(String)
    /// Already-escaped HTML, written by `{{ }}` without escaping again.
    case safe(SafeHTML)
    /// A Python list.
    case list([TemplateValue])
    /// A Python tuple (what `(a, b)`, `enumerate` and `dict.items()` produce).
    case tuple([TemplateValue])
    /// An insertion-ordered dictionary; its string keys double as attributes.
    case dict(TemplateDictionary)
    /// A point in time, shown and formatted in UTC.
    case date(Date)
    /// A callable, e.g. a namespace function such as `static_url`.
    case function(TemplateFunction)
    /// A custom object resolving members on demand.
    case object(any TemplateObject)
}

extension TemplateValue {
    /// The Python type name used in error messages (`str`, `int`, `dict`, …).
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .safe: return "SafeHTML"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .date: return "datetime"
        case .function: return "function"
        case .object(let object): return object.templateTypeName
        }
    }

    /// Python truthiness: `None`, `False`, zero, and empty strings or
    /// containers are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .safe(let h): return !h.html.isEmpty
        case .list(let items), .tuple(let items): return !items.isEmpty
        case .dict(let d): return !d.isEmpty
        case .date, .function: return true
        case .object(let object): return object.templateIsTruthy
        }
    }

    /// The text of a `.string` or `.safe` value, `nil` for other kinds.
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .safe(let h): return h.html
        default: return nil
        }
    }

    /// The integer of an `.int` or `.bool` value, `nil` for other kinds.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The number of an `.int`, `.bool` or `.double` value as a `Double`.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .double(let d): return d
        default: return nil
        }
    }

    /// Whether this is `.none`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
