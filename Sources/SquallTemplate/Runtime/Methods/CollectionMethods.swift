// Methods of dictionaries (`items`, `keys`, `values`, `get`), lists and
// tuples (`index`, `count`) and dates (`strftime`, `isoformat`, `timestamp`,
// `weekday`, `isoweekday`).
import FoundationEssentials

enum CollectionMethods {
    static func dictionary(_ dictionary: TemplateDictionary, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        switch name {
        case "get":
            let values = try Methods.bind(arguments, "get", ["key", "default"], required: 1)
            return dictionary[values[0] ?? .none] ?? values[1] ?? .none
        default:
            _ = try Methods.bind(arguments, name, [], required: 0)
            switch name {
            case "items": return .list(dictionary.map { .tuple([$0.key, $0.value]) })
            case "keys": return .list(dictionary.keys)
            default: return .list(dictionary.values)
            }
        }
    }

    static func sequence(_ items: [TemplateValue], _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        let values = try Methods.bind(arguments, name, ["value"], required: 1)
        let needle = values[0] ?? .none
        if name == "count" { return .int(items.count { $0 == needle }) }
        guard let position = items.firstIndex(of: needle) else {
            throw TemplateError(runtime: "\(needle.repr) is not in list")
        }
        return .int(position)
    }

    static func date(_ date: Date, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        let parts = UTCDateParts(date)
        if name == "strftime" {
            let values = try Methods.bind(arguments, "strftime", ["format"], required: 1)
            return .string(parts.strftime(try Methods.string(values[0], "strftime")))
        }
        _ = try Methods.bind(arguments, name, [], required: 0)
        switch name {
        case "isoformat": return .string(parts.isoText)
        case "timestamp": return .double(date.timeIntervalSince1970)
        case "weekday": return .int(parts.weekday)
        default: return .int(parts.weekday + 1)
        }
    }
}
