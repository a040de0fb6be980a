// Compiling calls: plain function calls, method calls on values
// (`", ".join(xs)`, `d.items()`, members of dictionaries and objects that
// hold functions), literal `"...".format(...)` parsed at compile time,
// argument lists with keywords and `*`/`**` unpacking, and `{% module %}`.

/// Evaluates a call's argument list.
typealias ArgumentsEvaluator = @Sendable (inout RenderState) throws(TemplateError) -> TemplateArguments

extension ProgramCompiler {
    /// Bounds `{% module Template(...) %}` recursion.
    static let maximumModuleDepth = 32

    mutating func compileCall(_ callee: Expression, _ arguments: [Expression.Argument],
                              at location: TemplatePosition) throws(TemplateError) -> Evaluator {
        let evaluateArguments = try compileArguments(arguments)
        guard case .attribute(let receiver, let method) = callee.kind else {
            let function = try compileExpression(callee)
            return { state throws(TemplateError) in
                let value = try function(&state)
                return try invoke(value, try evaluateArguments(&state), at: location)
            }
        }
        if method == "format", case .literal(.string(let text)) = receiver.kind {
            let format = try parseLiteralFormat(at: receiver.offset) { () throws(TemplateError) in try StringFormat(text) }
            return { state throws(TemplateError) in
                let values = try evaluateArguments(&state)
                return .string(try located(location) { () throws(TemplateError) in try format.apply(values) })
            }
        }
        let evaluateReceiver = try compileExpression(receiver)
        return { state throws(TemplateError) in
            let value = try evaluateReceiver(&state)
            let values = try evaluateArguments(&state)
            return try located(location) { () throws(TemplateError) in try callMethod(value, method, values) }
        }
    }

    mutating func compileArguments(_ arguments: [Expression.Argument]) throws(TemplateError) -> ArgumentsEvaluator {
        var positional: [Evaluator] = []
        var general: [(Expression.Argument, Evaluator)] = []
        for argument in arguments {
            switch argument {
            case .positional(let value):
                let evaluate = try compileExpression(value)
                positional.append(evaluate)
                general.append((argument, evaluate))
            case .keyword(_, let value), .unpackedSequence(let value), .unpackedMapping(let value):
                general.append((argument, try compileExpression(value)))
            }
        }
        if positional.count == arguments.count {
            // The common case: only positional arguments.
            return { [positional] state throws(TemplateError) in
                var values: [TemplateValue] = []
                values.reserveCapacity(positional.count)
                for evaluate in positional { values.append(try evaluate(&state)) }
                return TemplateArguments(values)
            }
        }
        let argumentLocations = arguments.map { location(offset(of: $0)) }
        return { [general] state throws(TemplateError) in
            var result = TemplateArguments()
            for ((argument, evaluate), location) in zip(general, argumentLocations) {
                let value = try evaluate(&state)
                switch argument {
                case .positional: result.positional.append(value)
                case .keyword(let name, _): result.keywords.append((name, value))
                case .unpackedSequence:
                    result.positional += try located(location) { () throws(TemplateError) in try Iteration.items(of: value) }
                case .unpackedMapping:
                    guard case .dict(let dictionary) = value else {
                        throw location.error("argument after ** must be a mapping, not \(value.typeName)")
                    }
                    for (key, item) in dictionary {
                        guard let name = key.stringValue else { throw location.error("keywords must be strings") }
                        result.keywords.append((name, item))
                    }
                }
            }
            return result
        }
    }

    private func offset(of argument: Expression.Argument) -> Int {
        switch argument {
        case .positional(let value), .keyword(_, let value), .unpackedSequence(let value), .unpackedMapping(let value):
            return value.offset
        }
    }

    /// `{% module Name(arguments) %}`: the module's output, unescaped.
    mutating func compileModule(_ name: String, _ arguments: [Expression.Argument], at offset: Int) throws(TemplateError) -> Executor {
        let location = location(offset)
        if name == "Template", options.namespace.modules["Template"] == nil {
            let evaluateArguments = try compileArguments(arguments)
            return { state throws(TemplateError) in
                try renderTemplateModule(try evaluateArguments(&state), &state, at: location)
                return .normal
            }
        }
        let call = ModuleCall(name: name, registered: options.namespace.modules[name] ?? Builtins.modules[name], location: location)
        if arguments.count == 1, case .positional(let argument) = arguments[0] {
            let evaluate = try compileExpression(argument)
            return { state throws(TemplateError) in
                let value = try evaluate(&state)
                try call.write(into: &state, direct: { writer, out in try writer.single(value, &out) },
                               arguments: TemplateArguments([value]))
                return .normal
            }
        }
        let evaluateArguments = try compileArguments(arguments)
        return { state throws(TemplateError) in
            let values = try evaluateArguments(&state)
            try call.write(into: &state, direct: { writer, out in try writer.general(values, &out) }, arguments: values)
            return .normal
        }
    }
}

/// One `{% module Name(...) %}` site: finds the module and writes its output.
private struct ModuleCall: Sendable {
    let name: String
    /// The loader's module of that name, or the built-in one.
    let registered: TemplateFunction?
    let location: TemplatePosition

    /// Writes the module's output unescaped: straight into the buffer when
    /// the module can, else its value's `str()`. A per-render module of the
    /// same name takes precedence.
    func write(into state: inout RenderState,
               direct: (TemplateFunction.DirectWriter, inout OutputBuffer) throws -> Void,
               arguments: @autoclosure () -> TemplateArguments) throws(TemplateError) {
        let perRender = state.namespace.modules.isEmpty ? nil : state.namespace.modules[name]
        guard let function = perRender ?? registered else { throw location.error("unknown UI module '\(name)'") }
        try located(location) { () throws(TemplateError) in
            if let writer = function.writer {
                try runForeign("\(name)()") { try direct(writer, &state.out) }
            } else {
                state.writeRaw(try callFunction(function, arguments()))
            }
        }
    }
}

/// Calls `function` with `arguments`, or fails if it is not callable.
func invoke(_ function: TemplateValue, _ arguments: TemplateArguments, at location: TemplatePosition) throws(TemplateError) -> TemplateValue {
    guard case .function(let callable) = function else {
        throw location.error("'\(function.typeName)' object is not callable")
    }
    return try located(location) { () throws(TemplateError) in try callFunction(callable, arguments) }
}

/// `value.name(arguments)`: a function stored under that key or member, or a
/// built-in method.
private func callMethod(_ value: TemplateValue, _ name: String, _ arguments: TemplateArguments) throws(TemplateError) -> TemplateValue {
    var member: TemplateValue?
    switch value {
    case .dict(let dictionary) where !Methods.dictionaryMethods.contains(name):
        member = dictionary[name]
    case .object(let object):
        member = try MemberAccess.member(of: object, name)
    default:
        if Methods.exists(name, on: value) { return try Methods.call(value, name, arguments) }
    }
    guard let member else { throw TemplateError(runtime: "'\(value.typeName)' object has no attribute '\(name)'") }
    guard case .function(let function) = member else { throw TemplateError(runtime: "'\(member.typeName)' object is not callable") }
    return try callFunction(function, arguments)
}

/// Tornado's built-in `Template` UI module: renders another template of the
/// same loader with the keyword arguments as its variables.
private func renderTemplateModule(_ arguments: TemplateArguments, _ state: inout RenderState,
                                  at location: TemplatePosition) throws(TemplateError) {
    guard let loader = state.loader else {
        throw location.error("{% module Template(...) %} needs a template loader")
    }
    guard arguments.positional.count == 1, let name = arguments.positional[0].stringValue else {
        throw location.error("Template() takes one template name and keyword arguments")
    }
    guard state.depth < ProgramCompiler.maximumModuleDepth else {
        throw location.error("Template() modules nested more than \(ProgramCompiler.maximumModuleDepth) deep")
    }
    let program: Program
    do throws(TemplateError) {
        program = try loader.program(named: name)
    } catch where error.kind == .notFound || error.kind == .invalidName {
        throw location.error("Template(): \(error.message)")
    }
    var variables: [String: Any] = [:]
    for keyword in arguments.keywords { variables[keyword.name] = keyword.value }
    try program.render(into: &state.out, arguments: variables, namespace: state.namespace, loader: loader, depth: state.depth + 1)
}
