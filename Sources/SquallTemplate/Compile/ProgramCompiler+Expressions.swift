// Compiling expressions into evaluator closures. Names become slot reads,
// literal format strings are parsed here (not per render), `message["id"]`
// takes a string-key fast path, and `and`/`or` short-circuit returning an
// operand as Python does.

extension ProgramCompiler {
    mutating func compileExpression(_ expression: Expression) throws(TemplateError) -> Evaluator {
        let location = location(expression.offset)
        switch expression.kind {
        case .literal(let value):
            return { _ in value }
        case .name(let name):
            let slot = symbols.slot(name)
            return { state throws(TemplateError) in try state.lookup(slot, at: location) }
        case .attribute(let base, let name):
            let evaluateBase = try compileExpression(base)
            return { state throws(TemplateError) in
                let value = try evaluateBase(&state)
                return try located(location) { () throws(TemplateError) in try MemberAccess.attribute(value, name) }
            }
        case .subscripted(let base, let key):
            return try compileSubscript(base, key, at: location)
        case .slice(let base, let lower, let upper, let step):
            let b = try compileExpression(base)
            let (l, u, s) = (try compileBound(lower), try compileBound(upper), try compileBound(step))
            return { state throws(TemplateError) in
                let (value, lowerValue, upperValue, stepValue) = (try b(&state), try l(&state), try u(&state), try s(&state))
                return try located(location) { () throws(TemplateError) in try MemberAccess.slice(value, lowerValue, upperValue, stepValue) }
            }
        case .call(let callee, let arguments):
            return try compileCall(callee, arguments, at: location)
        case .unary(let operation, let operand):
            return try compileUnary(operation, operand, at: location)
        case .binary(let operation, let lhs, let rhs):
            return try compileBinary(operation, lhs, rhs, at: location)
        case .and(let lhs, let rhs):
            let (left, right) = (try compileExpression(lhs), try compileExpression(rhs))
            return { state throws(TemplateError) in
                let value = try left(&state)
                return value.isTruthy ? try right(&state) : value
            }
        case .or(let lhs, let rhs):
            let (left, right) = (try compileExpression(lhs), try compileExpression(rhs))
            return { state throws(TemplateError) in
                let value = try left(&state)
                return value.isTruthy ? value : try right(&state)
            }
        case .comparison(let first, let rest):
            return try compileComparison(first, rest, at: location)
        case .conditional(let test, let then, let otherwise):
            let (condition, whenTrue, whenFalse) = (try compileExpression(test), try compileExpression(then), try compileExpression(otherwise))
            return { state throws(TemplateError) in try condition(&state).isTruthy ? try whenTrue(&state) : try whenFalse(&state) }
        case .list(let items):
            let evaluate = try compileItems(items)
            return { state throws(TemplateError) in .list(try evaluate(&state)) }
        case .tuple(let items):
            let evaluate = try compileItems(items)
            return { state throws(TemplateError) in .tuple(try evaluate(&state)) }
        case .dict(let pairs):
            var compiled: [(Evaluator, Evaluator)] = []
            for (key, value) in pairs { compiled.append((try compileExpression(key), try compileExpression(value))) }
            return { [compiled] state throws(TemplateError) in
                var dictionary = TemplateDictionary()
                for (key, value) in compiled { dictionary[try key(&state)] = try value(&state) }
                return .dict(dictionary)
            }
        case .comprehension(let element, let target, let iterable, let conditions):
            return try compileComprehension(element, target, iterable, conditions, at: location)
        }
    }

    /// Evaluates expressions in order into an array.
    mutating func compileItems(_ items: [Expression]) throws(TemplateError) -> @Sendable (inout RenderState) throws(TemplateError) -> [TemplateValue] {
        var evaluators: [Evaluator] = []
        for item in items { evaluators.append(try compileExpression(item)) }
        return { [evaluators] state throws(TemplateError) in
            var values: [TemplateValue] = []
            values.reserveCapacity(evaluators.count)
            for evaluate in evaluators { values.append(try evaluate(&state)) }
            return values
        }
    }

    /// A slice bound; a missing one evaluates to `None`.
    private mutating func compileBound(_ bound: Expression?) throws(TemplateError) -> Evaluator {
        guard let bound else { return { _ in .none } }
        return try compileExpression(bound)
    }

    private mutating func compileSubscript(_ base: Expression, _ key: Expression, at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let evaluateBase = try compileExpression(base)
        if case .literal(.string(let name)) = key.kind {
            return { state throws(TemplateError) in
                let value = try evaluateBase(&state)
                return try located(location) { () throws(TemplateError) in try MemberAccess.item(value, stringKey: name) }
            }
        }
        let evaluateKey = try compileExpression(key)
        return { state throws(TemplateError) in
            let value = try evaluateBase(&state)
            let keyValue = try evaluateKey(&state)
            return try located(location) { () throws(TemplateError) in try MemberAccess.item(value, keyValue) }
        }
    }

    private mutating func compileUnary(_ operation: UnaryOperator, _ operand: Expression, at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let evaluate = try compileExpression(operand)
        switch operation {
        case .not:
            return { state throws(TemplateError) in .bool(!(try evaluate(&state).isTruthy)) }
        case .negate:
            return { state throws(TemplateError) in
                let value = try evaluate(&state)
                return try located(location) { () throws(TemplateError) in try Arithmetic.negate(value) }
            }
        case .plus:
            return { state throws(TemplateError) in
                let value = try evaluate(&state)
                return try located(location) { () throws(TemplateError) in try Arithmetic.plus(value) }
            }
        }
    }

    private mutating func compileBinary(_ operation: BinaryOperator, _ lhs: Expression, _ rhs: Expression,
                                        at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let right = try compileExpression(rhs)
        if operation == .modulo, case .literal(.string(let format)) = lhs.kind {
            let parsed = try parseLiteralFormat(at: lhs.offset) { () throws(TemplateError) in try PercentFormat(format) }
            return { state throws(TemplateError) in
                let argument = try right(&state)
                return .string(try located(location) { () throws(TemplateError) in try parsed.apply(argument) })
            }
        }
        let left = try compileExpression(lhs)
        return { state throws(TemplateError) in
            let (a, b) = (try left(&state), try right(&state))
            return try located(location) { () throws(TemplateError) in try Arithmetic.apply(operation, a, b) }
        }
    }

    /// `a < b < c` evaluates `b` once and stops at the first false link.
    private mutating func compileComparison(_ first: Expression, _ rest: [(ComparisonOperator, Expression)],
                                            at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let head = try compileExpression(first)
        var links: [(ComparisonOperator, Evaluator)] = []
        for (operation, operand) in rest { links.append((operation, try compileExpression(operand))) }
        return { [links] state throws(TemplateError) in
            var left = try head(&state)
            for (operation, evaluate) in links {
                let right = try evaluate(&state)
                let holds = try located(location) { () throws(TemplateError) in try Comparison.evaluate(operation, left, right) }
                guard holds else { return .bool(false) }
                left = right
            }
            return .bool(true)
        }
    }

    private mutating func compileComprehension(_ element: Expression, _ target: AssignmentTarget, _ iterable: Expression,
                                               _ conditions: [Expression], at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let collection = try compileExpression(iterable)
        let assign = compileTarget(target)
        let saved = slots(of: target)
        var filters: [Evaluator] = []
        for condition in conditions { filters.append(try compileExpression(condition)) }
        let produce = try compileExpression(element)
        return { [filters] state throws(TemplateError) in
            let value = try collection(&state)
            let items = try located(location) { () throws(TemplateError) in try Iteration.items(of: value) }
            // Python 3 comprehension variables do not leak into the template.
            let previous = saved.map { state.slots[$0] }
            defer { for (slot, value) in zip(saved, previous) { state.slots[slot] = value } }
            var results: [TemplateValue] = []
            results.reserveCapacity(items.count)
            items: for item in items {
                try assign(&state, item)
                for filter in filters where !(try filter(&state).isTruthy) { continue items }
                results.append(try produce(&state))
            }
            return .list(results)
        }
    }
}
