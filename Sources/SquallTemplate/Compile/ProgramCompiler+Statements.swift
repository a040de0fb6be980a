// Compiling template nodes into executors: text, `{{ }}` output with the
// file's autoescape function, `set`, `if`, `for`, `while`, `break`/`continue`,
// and the inlining of `{% block %}` and `{% include %}`.

extension ProgramCompiler {
    /// A sequence of nodes as one executor; adjacent text is merged.
    mutating func compileNodes(_ nodes: [TemplateNode]) throws(TemplateError) -> Executor {
        var executors: [Executor] = []
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            let bytes = text
            staticSize += bytes.count
            executors.append { state in
                state.out.append(bytes)
                return .normal
            }
            text = []
        }
        for node in nodes {
            if case .text(let bytes) = node {
                text.append(contentsOf: bytes)
                continue
            }
            flushText()
            executors.append(try compileNode(node))
        }
        flushText()
        return sequence(executors)
    }

    /// An optional clause (`else`, `except`, `finally`) compiled if present.
    mutating func compileOptionalNodes(_ nodes: [TemplateNode]?) throws(TemplateError) -> Executor? {
        guard let nodes else { return nil }
        return try compileNodes(nodes)
    }

    func sequence(_ executors: [Executor]) -> Executor {
        switch executors.count {
        case 0: return { _ in .normal }
        case 1: return executors[0]
        default:
            return { state throws(TemplateError) in
                for executor in executors {
                    let flow = try executor(&state)
                    if flow != .normal { return flow }
                }
                return .normal
            }
        }
    }

    private mutating func compileNode(_ node: TemplateNode) throws(TemplateError) -> Executor {
        switch node {
        case .text(let bytes):
            return { state in
                state.out.append(bytes)
                return .normal
            }
        case .output(let expression, let raw, _):
            return try compileOutput(expression, raw: raw)
        case .module(let name, let arguments, let offset):
            return try compileModule(name, arguments, at: offset)
        case .assign(let target, let operation, let value, let offset):
            return try compileAssignment(target, operation, value, at: offset)
        case .conditional(let branches, let otherwise):
            return try compileConditional(branches, otherwise: otherwise)
        case .forLoop(let target, let iterable, let body, let otherwise, let offset):
            return try compileFor(target, iterable, body: body, otherwise: otherwise, at: offset)
        case .whileLoop(let condition, let body, let otherwise, _):
            let test = try compileExpression(condition)
            let loopBody = try compileNodes(body)
            let otherwiseBody = try compileOptionalNodes(otherwise)
            return { state throws(TemplateError) in
                while try test(&state).isTruthy {
                    if try loopBody(&state) == .breakLoop { return .normal }
                }
                return try otherwiseBody?(&state) ?? .normal
            }
        case .tryBlock(let clauses):
            return try compileTry(clauses)
        case .apply(let function, let body, let offset):
            return try compileApply(function, body: body, at: offset)
        case .block(let name, let body, _):
            return try compileBlock(name, ownBody: body)
        case .include(let name, let offset):
            let included = try loadInclude(name, at: offset)
            files.append(included)
            defer { files.removeLast() }
            return try compileNodes(included.nodes)
        case .loopControl(let isBreak, _):
            let flow: Flow = isBreak ? .breakLoop : .continueLoop
            return { _ in flow }
        }
    }

    /// `{{ expression }}` and `{% raw expression %}`.
    private mutating func compileOutput(_ expression: Expression, raw: Bool) throws(TemplateError) -> Executor {
        let evaluate = try compileExpression(expression)
        switch raw ? nil : file.autoescape {
        case nil:
            return { state throws(TemplateError) in
                state.writeRaw(try evaluate(&state))
                return .normal
            }
        case "xhtml_escape", "escape":
            return { state throws(TemplateError) in
                state.writeEscaped(try evaluate(&state))
                return .normal
            }
        case let function?:
            let slot = symbols.slot(function)
            let location = location(expression.offset)
            return { state throws(TemplateError) in
                let value = try evaluate(&state)
                if case .safe = value {
                    state.writeRaw(value)
                } else {
                    let escape = try state.lookup(slot, at: location)
                    state.writeRaw(try invoke(escape, TemplateArguments([.string(value.description)]), at: location))
                }
                return .normal
            }
        }
    }

    private mutating func compileConditional(_ branches: [ConditionalBranch], otherwise: [TemplateNode]?) throws(TemplateError) -> Executor {
        var compiled: [(test: Evaluator, body: Executor)] = []
        for branch in branches {
            compiled.append((try compileExpression(branch.condition), try compileNodes(branch.body)))
        }
        let otherwiseBody = try compileOptionalNodes(otherwise)
        return { [compiled] state throws(TemplateError) in
            for branch in compiled where try branch.test(&state).isTruthy {
                return try branch.body(&state)
            }
            return try otherwiseBody?(&state) ?? .normal
        }
    }

    private mutating func compileFor(_ target: AssignmentTarget, _ iterable: Expression, body: [TemplateNode],
                                     otherwise: [TemplateNode]?, at offset: Int) throws(TemplateError) -> Executor {
        let collection = try compileExpression(iterable)
        let assign = compileTarget(target)
        let loopBody = try compileNodes(body)
        let otherwiseBody = try compileOptionalNodes(otherwise)
        let location = location(iterable.offset)
        return { state throws(TemplateError) in
            let value = try collection(&state)
            for item in try located(location, { () throws(TemplateError) in try Iteration.items(of: value) }) {
                try assign(&state, item)
                if try loopBody(&state) == .breakLoop { return .normal }
            }
            return try otherwiseBody?(&state) ?? .normal
        }
    }

    /// `{% block name %}`: the most derived definition, compiled in the
    /// context (autoescape, error positions) of the file that defines it.
    /// Blocks cannot recurse: the definition that wins for a name is
    /// registered before every block nested in it, so nesting only ever
    /// leads to later definitions (re-entering a file is caught as an
    /// include cycle).
    private mutating func compileBlock(_ name: String, ownBody: [TemplateNode]) throws(TemplateError) -> Executor {
        let definition = namedBlocks[name] ?? NamedBlock(file: file, body: ownBody)
        files.append(definition.file)
        defer { files.removeLast() }
        return try compileNodes(definition.body)
    }
}
