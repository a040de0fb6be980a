// The syntax tree of one template file: text, `{{ }}` output and the `{% %}`
// directives, as produced by `TemplateParser`. Offsets are byte positions in
// the file, turned into line/column only when needed.

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Literal text, whitespace already filtered.
    case text([UInt8])
    /// `{{ expression }}` (escaped unless `raw`) and `{% raw expression %}`.
    case output(Expression, raw: Bool, offset: Int)
    /// `{% module Name(arguments) %}`.
    case module(name: String, arguments: [Expression.Argument], offset: Int)
    /// `{% set target = value %}` / `{% set name += value %}`.
    case assign(AssignmentTarget, BinaryOperator?, Expression, offset: Int)
    /// `{% if %}…{% elif %}…{% else %}…{% end %}`.
    case conditional([ConditionalBranch], otherwise: [TemplateNode]?)
    /// `{% for target in iterable %}…{% else %}…{% end %}`.
    case forLoop(AssignmentTarget, Expression, body: [TemplateNode], otherwise: [TemplateNode]?, offset: Int)
    /// `{% while condition %}…{% else %}…{% end %}`.
    case whileLoop(Expression, body: [TemplateNode], otherwise: [TemplateNode]?, offset: Int)
    /// `{% try %}…{% except %}…{% else %}…{% finally %}…{% end %}`.
    case tryBlock(TryClauses)
    /// `{% apply function %}…{% end %}`.
    case apply(Expression, body: [TemplateNode], offset: Int)
    /// `{% block name %}…{% end %}`.
    case block(name: String, body: [TemplateNode], offset: Int)
    /// `{% include "name" %}`.
    case include(String, offset: Int)
    /// `{% break %}` (`isBreak`) or `{% continue %}`.
    case loopControl(isBreak: Bool, offset: Int)
}

/// One `if`/`elif` test and its body.
struct ConditionalBranch: Sendable {
    let condition: Expression
    let body: [TemplateNode]
    let offset: Int
}

/// The clauses of a `{% try %}` block.
struct TryClauses: Sendable {
    var body: [TemplateNode]
    /// The `except` body, if any, and the name bound by `except … as name`.
    var handler: [TemplateNode]?
    var errorBinding: String?
    var otherwise: [TemplateNode]?
    var finally: [TemplateNode]?
}

/// A parsed template file.
struct ParsedTemplate: Sendable {
    let source: SourceText
    let nodes: [TemplateNode]
    /// The file's `{% autoescape %}` function name (`nil` for `None`). As in
    /// Tornado, the directive applies to the whole file wherever it appears.
    let autoescape: String?
    /// The `{% extends %}` target and the directive's offset.
    let parent: (name: String, offset: Int)?

    var name: String { source.name }
}
