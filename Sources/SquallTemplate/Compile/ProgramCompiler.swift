// ProgramCompiler: turns a parsed template into a `Program`, following
// Tornado's code generator: the `{% extends %}` chain is walked to the root,
// `{% block %}`s are collected root-first so the most derived definition
// wins, and the root's body is compiled with blocks and includes inlined
// (includes share the variables of the including template).

struct ProgramCompiler {
    /// Bounds `{% include %}` chains; deeper chains are almost surely cycles.
    static let maximumIncludeDepth = 32

    /// A `{% block %}` definition and the file it belongs to.
    struct NamedBlock {
        let file: ParsedTemplate
        let body: [TemplateNode]
    }

    let options: TemplateOptions
    let reader: DependencyReader?
    var symbols = SymbolTable()
    var namedBlocks: [String: NamedBlock] = [:]
    /// The files being compiled, innermost last (for autoescape and locations).
    var files: [ParsedTemplate]
    var staticSize = 0

    var file: ParsedTemplate { files[files.count - 1] }

    /// Compiles `root` (and everything it extends or includes).
    static func compile(_ root: ParsedTemplate, options: TemplateOptions, reader: DependencyReader?) throws(TemplateError) -> Program {
        var compiler = ProgramCompiler(options: options, reader: reader, files: [root])
        let ancestors = try compiler.ancestors(of: root)
        for ancestor in ancestors.reversed() {
            compiler.files = [ancestor]
            try compiler.collectBlocks(ancestor.nodes)
        }
        let base = ancestors[ancestors.count - 1]
        compiler.files = [base]
        let body = try compiler.compileNodes(base.nodes)
        return Program(name: root.name, body: body, slotNames: compiler.symbols.names, namespace: options.namespace,
                       staticSize: compiler.staticSize)
    }

    /// `[template, parent, grandparent, …]` through `{% extends %}`.
    private mutating func ancestors(of template: ParsedTemplate) throws(TemplateError) -> [ParsedTemplate] {
        var chain = [template]
        while let parent = chain[chain.count - 1].parent {
            let child = chain[chain.count - 1]
            files = [child]
            let loaded = try load(parent.name, at: parent.offset, directive: "extends")
            if chain.contains(where: { $0.name == loaded.name }) {
                throw child.source.syntaxError("{% extends %} cycle: " + (chain.map(\.name) + [loaded.name]).joined(separator: " → "),
                                               at: parent.offset)
            }
            chain.append(loaded)
        }
        return chain
    }

    /// Registers every `{% block %}` in `nodes`, including those in included files.
    private mutating func collectBlocks(_ nodes: [TemplateNode]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .block(let name, let body, _):
                namedBlocks[name] = NamedBlock(file: file, body: body)
                try collectBlocks(body)
            case .include(let name, let offset):
                let included = try loadInclude(name, at: offset)
                files.append(included)
                try collectBlocks(included.nodes)
                files.removeLast()
            case .conditional(let branches, let otherwise):
                for branch in branches { try collectBlocks(branch.body) }
                try collectBlocks(otherwise ?? [])
            case .forLoop(_, _, let body, let otherwise, _), .whileLoop(_, let body, let otherwise, _):
                try collectBlocks(body + (otherwise ?? []))
            case .tryBlock(let clauses):
                try collectBlocks(clauses.body + (clauses.handler ?? []) + (clauses.otherwise ?? []) + (clauses.finally ?? []))
            case .apply(_, let body, _):
                try collectBlocks(body)
            default:
                break
            }
        }
    }

    /// Loads a template named in a directive of the current file, reporting
    /// failures at that directive.
    mutating func load(_ name: String, at offset: Int, directive: String) throws(TemplateError) -> ParsedTemplate {
        guard let reader else {
            throw file.source.syntaxError("{% \(directive) %} needs a template loader (use TemplateLoader, not Template(source:))", at: offset)
        }
        do throws(TemplateError) {
            return try reader.parsed(named: name, relativeTo: file.name)
        } catch where error.kind == .notFound || error.kind == .invalidName {
            let (line, column) = file.source.location(of: offset)
            throw TemplateError(kind: error.kind, templateName: file.name, line: line, column: column,
                                message: "{% \(directive) %}: \(error.message)")
        }
    }

    /// Loads an included template, refusing cycles: a file that is already
    /// being expanded would be inlined into itself forever.
    mutating func loadInclude(_ name: String, at offset: Int) throws(TemplateError) -> ParsedTemplate {
        let included = try load(name, at: offset, directive: "include")
        let chain = files.map(\.name)
        if chain.contains(included.name) || chain.count >= Self.maximumIncludeDepth {
            throw file.source.syntaxError("{% include %} cycle: " + (chain + [included.name]).joined(separator: " → "), at: offset)
        }
        return included
    }

    /// The runtime location of a byte offset in the current file.
    func location(_ offset: Int) -> TemplatePosition {
        file.source.position(of: offset)
    }

    /// A format string literal parsed now rather than at every render; a bad
    /// one is a syntax error at the literal.
    func parseLiteralFormat<Format>(at offset: Int, _ parse: () throws(TemplateError) -> Format) throws(TemplateError) -> Format {
        do throws(TemplateError) {
            return try parse()
        } catch {
            throw syntaxError("invalid format string: \(error.message)", at: offset)
        }
    }

    /// A compile-time error at an offset in the current file.
    func syntaxError(_ message: String, at offset: Int) -> TemplateError {
        file.source.syntaxError(message, at: offset)
    }
}
