import CLibYAML
import MCDiagnostics

/// What parsing produced: the decoded source (for snippets), the root node of the one document
/// (nil when there is none or the syntax is broken), and every problem found.
package struct YAMLParseResult: Sendable {
    package var source: SourceFile?
    package var root: YAMLNode?
    package var diagnostics: [Diagnostic]
}

/// Parses one YAML document over libyaml's event API into `YAMLNode`s, enforcing docs/diagnostics.md's limits:
/// duplicate keys (MC102), depth, alias expansion, several documents and explicit tags (MC103).
package enum YAMLParser {
    package static func parse(
        _ bytes: [UInt8], path: String, limits: YAMLLimits = .standard
    ) -> YAMLParseResult {
        switch SourceDecoder.decode(bytes, path: path, limits: limits) {
        case .refused(let diagnostic):
            return YAMLParseResult(source: nil, root: nil, diagnostics: [diagnostic])
        case .source(let source):
            return parse(source, limits: limits)
        }
    }

    package static func parse(_ source: SourceFile, limits: YAMLLimits = .standard) -> YAMLParseResult {
        var builder = TreeBuilder(path: source.path, limits: limits)
        let utf8 = Array(source.text.utf8)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            fatalError("libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(parser) }
        utf8.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while !builder.finished {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    builder.syntaxError(parser.pointee)
                    break
                }
                builder.handle(event)
                yaml_event_delete(&event)
            }
        }
        return builder.result(source: source)
    }
}

/// Turns the event stream into nodes; one instance per parse.
private struct TreeBuilder {
    /// A collection being built. Mutated in place on the stack, so appending never copies.
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// Where each key of a mapping was first seen, for MC102.
        var firstSeen: [String: SourceRange] = [:]
        /// The value after a duplicate key is dropped.
        var skipValue = false
        /// Nodes in this subtree, for the alias budget.
        var count = 1
    }

    let path: String
    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var aliasedNodes = 0
    private var documents = 0
    private var root: YAMLNode?
    private var diagnostics: [Diagnostic] = []
    private var broken = false
    private(set) var finished = false

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
    }

    func result(source: SourceFile) -> YAMLParseResult {
        var diagnostics = diagnostics
        if !broken, root == nil || isEmptyDocument(root!) {
            diagnostics.append(Diagnostic(
                .unreadableInput, "file holds no YAML document", file: path, range: .fileStart,
                hint: "start from 'apiVersion: mcplan/v1' and 'kind: Topology'"))
        }
        // libyaml puts the end of a file without a final line break on a line after the last:
        // such a position moves to the end of the last line, where an editor can show it.
        // (After a final line break, the empty line that follows is a place an editor shows.)
        let endsWithBreak = source.text.last.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" } ?? false
        let lastLine = source.lineCount + (endsWithBreak ? 1 : 0)
        if source.lineCount > 0, let last = source.line(source.lineCount) {
            let end = SourcePosition(line: source.lineCount, column: last.unicodeScalars.count + 1)
            diagnostics = diagnostics.map { diagnostic in
                guard diagnostic.range.start.line > lastLine else { return diagnostic }
                var moved = diagnostic
                moved.range = SourceRange(start: end, end: SourcePosition(line: end.line, column: end.column + 1))
                return moved
            }
        }
        return YAMLParseResult(source: source, root: broken ? nil : root, diagnostics: diagnostics)
    }

    private func isEmptyDocument(_ node: YAMLNode) -> Bool {
        if case .scalar(let s) = node.content, s.style == .plain, s.text.isEmpty { return true }
        return false
    }

    mutating func handle(_ event: yaml_event_t) {
        let start = location(event.start_mark)
        let range = SourceRange(start: start, end: location(event.end_mark))
        switch event.type {
        case YAML_STREAM_END_EVENT:
            finished = true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(.unsupportedYAML, "more than one document", range: range,
                     label: "second document starts here",
                     hint: "keep the whole topology in one document; remove this '---' and what follows")
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            checkTag(data.tag, at: range)
            let text = string(data.value, length: data.length)
            let node = YAMLNode(.scalar(.init(text, style: style(data.style))), range: range)
            remember(anchor: data.anchor, node: node, count: 1)
            add(node, count: 1)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor)
            guard let (node, count) = anchors[name] else {
                fail(.syntaxError, "undefined alias '\(name)'", range: range,
                     hint: "define the anchor '&\(name)' before using '*\(name)'")
                return
            }
            aliasedNodes += count
            if aliasedNodes > limits.maxAliasedNodes {
                fail(.unsupportedYAML, "aliases expand to more than \(limits.maxAliasedNodes) nodes",
                     range: range, label: "expansion limit reached here",
                     hint: "write the repeated parts out or shrink them")
                return
            }
            add(YAMLNode(node.content, range: range), count: count)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            checkTag(data.tag, at: range)
            guard checkDepth(range) else { return }
            stack.append(Frame(isMapping: false, start: start, anchor: optionalString(data.anchor)))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            checkTag(data.tag, at: range)
            guard checkDepth(range) else { return }
            stack.append(Frame(isMapping: true, start: start, anchor: optionalString(data.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(content, range: SourceRange(start: frame.start, end: location(event.end_mark)))
            rememberNamed(frame.anchor, node: node, count: frame.count)
            add(node, count: frame.count)
        default:
            break
        }
    }

    /// Reports libyaml's own error (MC101) at its position.
    mutating func syntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) { message += " " + context }
        var at = location(parser.problem_mark)
        if parser.error == YAML_READER_ERROR { at = SourcePosition(line: 1, column: 1) }
        var notes: [Diagnostic.Note] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let start = location(parser.context_mark)
            if start != at {
                notes.append(.init("\(context) that started here", file: path,
                                   range: SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1))))
            }
        }
        diagnostics.append(Diagnostic(
            .syntaxError, "YAML syntax error: \(message)", file: path,
            range: SourceRange(start: at, end: SourcePosition(line: at.line, column: at.column + 1)),
            notes: notes, hint: "check the indentation and quoting around this position"))
        broken = true
        finished = true
    }

    private mutating func add(_ node: YAMLNode, count: Int) {
        guard !finished else { return }
        guard !stack.isEmpty else {
            if root == nil, documents <= 1 { root = node }
            return
        }
        let top = stack.count - 1
        stack[top].count += count
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            if !stack[top].skipValue { stack[top].pairs.append(YAMLNode.Pair(key: key, value: node)) }
            stack[top].pendingKey = nil
            stack[top].skipValue = false
            return
        }
        stack[top].pendingKey = node
        guard let text = node.scalar?.text else { return }
        if let first = stack[top].firstSeen[text] {
            stack[top].skipValue = true
            diagnostics.append(Diagnostic(
                .duplicateKey, "duplicate key '\(text)'", file: path, range: node.range, label: "declared again here",
                notes: [.init("'\(text)' first declared here", file: path, range: first)],
                hint: "remove one of the two; YAML keeps only one of them"))
        } else {
            stack[top].firstSeen[text] = node.range
        }
    }

    private mutating func checkDepth(_ range: SourceRange) -> Bool {
        guard stack.count >= limits.maxDepth else { return true }
        fail(.unsupportedYAML, "nesting deeper than \(limits.maxDepth) levels", range: range,
             hint: "a topology needs only a few levels; flatten this structure")
        return false
    }

    private mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, at range: SourceRange) {
        guard let tag else { return }
        diagnostics.append(Diagnostic(
            .unsupportedYAML, "explicit tag '\(displayTag(string(tag)))' is not supported", file: path,
            range: range, label: "tagged node",
            hint: "remove the tag; every field's type is fixed by the topology format"))
    }

    private func displayTag(_ tag: String) -> String {
        let core = "tag:yaml.org,2002:"
        return tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    }

    private mutating func remember(anchor: UnsafeMutablePointer<yaml_char_t>?, node: YAMLNode, count: Int) {
        rememberNamed(optionalString(anchor), node: node, count: count)
    }

    private mutating func rememberNamed(_ anchor: String?, node: YAMLNode, count: Int) {
        if let anchor { anchors[anchor] = (node, count) }
    }

    /// Records a problem after which the tree cannot be trusted, and stops.
    private mutating func fail(
        _ code: DiagnosticCode, _ message: String, range: SourceRange, label: String? = nil, hint: String
    ) {
        diagnostics.append(Diagnostic(code, message, file: path, range: range, label: label, hint: hint))
        if code != .unsupportedYAML || documents <= 1 { broken = true }
        finished = true
    }

    private func location(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String {
        guard let pointer else { return "" }
        let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { string($0) }
    }
}
