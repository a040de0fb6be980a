// LoaderCore: the shared engine behind `TemplateLoader` — reading, parsing
// and compiling templates, and caching compiled programs under a lock.
// With `autoReload`, a cached program is checked against the current bytes of
// every file it was built from and recompiled when any differs.
import Synchronization

final class LoaderCore: Sendable {
    /// A compiled program and the bytes of every template it was built from.
    struct CacheEntry: Sendable {
        let program: Program
        let dependencies: [String: [UInt8]]
    }

    let store: TemplateStore
    let options: TemplateOptions
    private let cache = Mutex<[String: CacheEntry]>([:])

    init(store: TemplateStore, options: TemplateOptions) {
        self.store = store
        self.options = options
    }

    /// The compiled program for `name` (relative to the root).
    func program(named name: String) throws(TemplateError) -> Program {
        let resolved = try TemplatePath.resolve(name, relativeTo: nil)
        if let entry = cache.withLock({ $0[resolved] }), !options.autoReload || isFresh(entry) {
            return entry.program
        }
        let reader = DependencyReader(core: self)
        let root = try reader.parsed(named: resolved, relativeTo: nil)
        let program = try ProgramCompiler.compile(root, options: options, reader: reader)
        let entry = CacheEntry(program: program, dependencies: reader.reads)
        cache.withLock { $0[resolved] = entry }
        return program
    }

    /// Drops every compiled template.
    func reset() {
        cache.withLock { $0.removeAll() }
    }

    /// Whether every file the entry was built from still has the same bytes.
    private func isFresh(_ entry: CacheEntry) -> Bool {
        entry.dependencies.allSatisfy { name, bytes in (try? store.read(name)) == bytes }
    }

    /// Parses template bytes with the loader's options.
    /// - Throws: `TemplateError` (`.io`) for invalid UTF-8, or syntax errors.
    func parse(_ bytes: [UInt8], name: String) throws(TemplateError) -> ParsedTemplate {
        if let offset = invalidUTF8Offset(bytes) {
            throw TemplateError(kind: .io, templateName: name, line: 0, message: "template is not valid UTF-8 (at byte \(offset))")
        }
        let whitespace = options.whitespace ?? WhitespaceMode.defaultMode(forTemplateNamed: name)
        return try TemplateParser.parse(SourceText(name: name, bytes: bytes), whitespace: whitespace, autoescape: options.autoescape)
    }

    private func invalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Reads and parses the templates one compilation needs, remembering their
/// bytes for `autoReload`.
final class DependencyReader {
    let core: LoaderCore
    private(set) var reads: [String: [UInt8]] = [:]

    init(core: LoaderCore) {
        self.core = core
    }

    /// The parsed template `name`, resolved relative to `parent`'s directory.
    func parsed(named name: String, relativeTo parent: String?) throws(TemplateError) -> ParsedTemplate {
        let resolved = try TemplatePath.resolve(name, relativeTo: parent)
        let bytes = try core.store.read(resolved)
        reads[resolved] = bytes
        return try core.parse(bytes, name: resolved)
    }
}
