// Compiling `{% set %}` (plain, tuple-unpacking and augmented), `{% try %}`
// (Python's except/else/finally semantics) and `{% apply %}` (render the body
// to a string and pass it through a function).

/// Stores a value into the variables of an assignment target.
typealias Assigner = @Sendable (inout RenderState, TemplateValue) throws(TemplateError) -> Void

extension ProgramCompiler {
    mutating func compileAssignment(_ target: AssignmentTarget, _ operation: BinaryOperator?, _ value: Expression,
                                    at offset: Int) throws(TemplateError) -> Executor {
        let evaluate = try compileExpression(value)
        guard let operation, case .name(let name, let nameOffset) = target else {
            let assign = compileTarget(target)
            return { state throws(TemplateError) in
                try assign(&state, try evaluate(&state))
                return .normal
            }
        }
        let slot = symbols.slot(name)
        let location = location(nameOffset)
        return { state throws(TemplateError) in
            let current = try state.lookup(slot, at: location)
            let operand = try evaluate(&state)
            state.slots[slot] = try located(location) { () throws(TemplateError) in try Arithmetic.apply(operation, current, operand) }
            return .normal
        }
    }

    /// An assigner for `name` or `(a, (b, c))`, unpacking like Python.
    mutating func compileTarget(_ target: AssignmentTarget) -> Assigner {
        switch target {
        case .name(let name, _):
            let slot = symbols.slot(name)
            return { state, value in state.slots[slot] = value }
        case .tuple(let targets, let offset):
            var assigners: [Assigner] = []
            for item in targets { assigners.append(compileTarget(item)) }
            let location = location(offset)
            return { [assigners] state, value throws(TemplateError) in
                let items: [TemplateValue]
                do throws(TemplateError) {
                    items = try Iteration.items(of: value)
                } catch {
                    throw location.error("cannot unpack non-iterable \(value.typeName) object")
                }
                guard items.count == assigners.count else {
                    throw location.error(items.count > assigners.count
                        ? "too many values to unpack (expected \(assigners.count))"
                        : "not enough values to unpack (expected \(assigners.count), got \(items.count))")
                }
                for (assign, item) in zip(assigners, items) { try assign(&state, item) }
            }
        }
    }

    /// The slots a target writes, for comprehensions that must not leak them.
    mutating func slots(of target: AssignmentTarget) -> [Int] {
        switch target {
        case .name(let name, _): return [symbols.slot(name)]
        case .tuple(let targets, _):
            var all: [Int] = []
            for item in targets { all.append(contentsOf: slots(of: item)) }
            return all
        }
    }

    mutating func compileTry(_ clauses: TryClauses) throws(TemplateError) -> Executor {
        let body = try compileNodes(clauses.body)
        let handler = try compileOptionalNodes(clauses.handler)
        let otherwise = try compileOptionalNodes(clauses.otherwise)
        let finally = try compileOptionalNodes(clauses.finally)
        var binding: Int?
        if let name = clauses.errorBinding { binding = symbols.slot(name) }
        return { [binding] state throws(TemplateError) in
            var flow = Flow.normal
            var pending: TemplateError?
            do throws(TemplateError) {
                flow = try body(&state)
                if let otherwise { flow = runUncaught(otherwise, &state, &pending) }
            } catch {
                if let handler {
                    if let binding { state.slots[binding] = .string(error.message) }
                    flow = runUncaught(handler, &state, &pending)
                } else {
                    pending = error
                }
            }
            if let finally {
                // As in Python, leaving `finally` by break/continue discards a pending error.
                let finalFlow = try finally(&state)
                if finalFlow != .normal { return finalFlow }
            }
            if let pending { throw pending }
            return flow
        }
    }

    /// `{% apply function %}body{% end %}`: the body's output, as a string,
    /// through `function`; the result is written unescaped, as in Tornado.
    mutating func compileApply(_ function: Expression, body: [TemplateNode], at offset: Int) throws(TemplateError) -> Executor {
        let evaluateFunction = try compileExpression(function)
        let content = try compileNodes(body)
        let location = location(function.offset)
        return { state throws(TemplateError) in
            var captured = OutputBuffer()
            swap(&captured, &state.out)
            do throws(TemplateError) {
                _ = try content(&state)
            } catch {
                swap(&captured, &state.out)
                throw error
            }
            swap(&captured, &state.out)
            let callee = try evaluateFunction(&state)
            let text = captured.text
            state.writeRaw(try invoke(callee, TemplateArguments([.string(text)]), at: location))
            return .normal
        }
    }
}

/// Runs an executor whose errors must escape the enclosing `except` (an
/// `else` clause or the handler itself), recording them as pending so that
/// `finally` still runs.
private func runUncaught(_ executor: Executor, _ state: inout RenderState, _ pending: inout TemplateError?) -> Flow {
    do throws(TemplateError) {
        return try executor(&state)
    } catch {
        pending = error
        return .normal
    }
}
