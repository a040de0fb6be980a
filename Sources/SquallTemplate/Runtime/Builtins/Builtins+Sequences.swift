// Built-ins that build or reduce sequences: `range`, `enumerate`, `zip`,
// `sorted`, `reversed`, `min`, `max`, `sum`, `any`, `all`, `list`, `tuple`,
// `dict`. Results are materialized lists, so sizes are bounded.

extension Builtins {
    /// `range()` refuses to build lists longer than this.
    static let maximumRangeLength = 10_000_000

    static let sequences: [TemplateFunction] = [
        TemplateFunction("range") { arguments in try range(arguments) },
        function("enumerate", ["iterable", "start"], required: 1) { values throws(TemplateError) in
            var counter = try Methods.int(values[1], "enumerate", default: 0)
            var pairs: [TemplateValue] = []
            for item in try Iteration.items(of: values[0] ?? .none) {
                pairs.append(.tuple([.int(counter), item]))
                counter &+= 1
            }
            return .list(pairs)
        },
        TemplateFunction("zip") { arguments in
            let columns = try arguments.positional.map { (value) throws(TemplateError) in try Iteration.items(of: value) }
            let length = columns.map(\.count).min() ?? 0
            return .list((0..<length).map { row in .tuple(columns.map { $0[row] }) })
        },
        function("sorted", ["iterable", "key", "reverse"], required: 1) { values throws(TemplateError) in
            .list(try sortedItems(Iteration.items(of: values[0] ?? .none), key: values[1], reverse: values[2]?.isTruthy ?? false))
        },
        function("reversed", ["sequence"], required: 1) { values throws(TemplateError) in
            .list(try Iteration.items(of: values[0] ?? .none).reversed())
        },
        TemplateFunction("min") { arguments in try extreme(arguments, name: "min", wantLargest: false) },
        TemplateFunction("max") { arguments in try extreme(arguments, name: "max", wantLargest: true) },
        function("sum", ["iterable", "start"], required: 1) { values throws(TemplateError) in
            var total = values[1] ?? .int(0)
            for item in try Iteration.items(of: values[0] ?? .none) { total = try Arithmetic.apply(.add, total, item) }
            return total
        },
        function("any", ["iterable"], required: 1) { values throws(TemplateError) in
            .bool(try Iteration.items(of: values[0] ?? .none).contains(where: \.isTruthy))
        },
        function("all", ["iterable"], required: 1) { values throws(TemplateError) in
            .bool(try Iteration.items(of: values[0] ?? .none).allSatisfy(\.isTruthy))
        },
        function("list", ["iterable"], required: 0) { values throws(TemplateError) in
            .list(try values[0].map { (value) throws(TemplateError) in try Iteration.items(of: value) } ?? [])
        },
        function("tuple", ["iterable"], required: 0) { values throws(TemplateError) in
            .tuple(try values[0].map { (value) throws(TemplateError) in try Iteration.items(of: value) } ?? [])
        },
        TemplateFunction("dict") { arguments in
            var dictionary = TemplateDictionary()
            if let source = arguments.positional.first {
                if case .dict(let existing) = source {
                    dictionary = existing
                } else {
                    for pair in try Iteration.items(of: source) {
                        let parts = try Iteration.items(of: pair)
                        guard parts.count == 2 else { throw TemplateError(runtime: "dictionary update sequence element has length \(parts.count); 2 is required") }
                        dictionary[parts[0]] = parts[1]
                    }
                }
            }
            for keyword in arguments.keywords { dictionary[.string(keyword.name)] = keyword.value }
            return .dict(dictionary)
        },
    ]

    private static func range(_ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
        guard arguments.keywords.isEmpty, (1...3).contains(arguments.positional.count) else {
            throw TemplateError(runtime: "range() takes 1 to 3 positional arguments")
        }
        var bounds: [Int] = []
        for value in arguments.positional {
            guard let number = value.intValue else {
                throw TemplateError(runtime: "'\(value.typeName)' object cannot be interpreted as an integer")
            }
            bounds.append(number)
        }
        let start = bounds.count > 1 ? bounds[0] : 0
        let stop = bounds.count > 1 ? bounds[1] : bounds[0]
        let step = bounds.count > 2 ? bounds[2] : 1
        guard step != 0 else { throw TemplateError(runtime: "range() arg 3 must not be zero") }
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        let count = span.overflow ? Int.max : span.partialValue <= 0 ? 0 : (span.partialValue - 1) / step.magnitudeAsStep + 1
        guard count <= maximumRangeLength else {
            throw TemplateError(runtime: "range() of \(count) items is too large for a template (limit \(maximumRangeLength))")
        }
        return .list((0..<count).map { .int(start + $0 * step) })
    }

    /// Sorts with Python's `<`, stably, by `key(item)` when given.
    static func sortedItems(_ items: [TemplateValue], key: TemplateValue?, reverse: Bool) throws(TemplateError) -> [TemplateValue] {
        let keys = try sortKeys(items, key)
        var failure: TemplateError?
        var order = Array(items.indices)
        order.sort { a, b in
            guard failure == nil else { return false }
            do throws(TemplateError) {
                return try reverse ? Comparison.less(keys[b], keys[a]) : Comparison.less(keys[a], keys[b])
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return order.map { items[$0] }
    }

    private static func sortKeys(_ items: [TemplateValue], _ key: TemplateValue?) throws(TemplateError) -> [TemplateValue] {
        guard let key, !key.isNone else { return items }
        guard case .function(let function) = key else { throw TemplateError(runtime: "'\(key.typeName)' object is not callable") }
        var keys: [TemplateValue] = []
        for item in items { keys.append(try callFunction(function, TemplateArguments([item]))) }
        return keys
    }

    /// `min`/`max` over one iterable or several arguments, with `key` and `default`.
    private static func extreme(_ arguments: TemplateArguments, name: String, wantLargest: Bool) throws(TemplateError) -> TemplateValue {
        let items = arguments.positional.count == 1 ? try Iteration.items(of: arguments.positional[0]) : arguments.positional
        guard !items.isEmpty else {
            if let fallback = arguments[keyword: "default"] { return fallback }
            throw TemplateError(runtime: "\(name)() arg is an empty sequence")
        }
        let keys = try sortKeys(items, arguments[keyword: "key"])
        var best = 0
        for position in keys.indices.dropFirst() {
            let better = wantLargest ? try Comparison.less(keys[best], keys[position]) : try Comparison.less(keys[position], keys[best])
            if better { best = position }
        }
        return items[best]
    }
}

private extension Int {
    /// The magnitude of a non-zero step, for counting range items.
    var magnitudeAsStep: Int { self == .min ? .max : Swift.abs(self) }
}
