/// A fenced block the renderer interprets (```` ```claim ````, ```` ```source ````, …), kept in one
/// open table as Ink keeps its modifiers: adding a directive is one file declaring a `static let` on
/// `Directive` and one line in ``all``. Any other fence is shown as code.
struct Directive: Sendable {
    /// The fence's first word.
    let name: String
    /// Renders the block from its info string, its text and its fence line.
    let render:
        @Sendable (inout ChapterRenderer, _ info: String, _ literal: String, _ line: Int) throws(WorkbookError) ->
            String

    /// Every directive.
    static let all: [Directive] = [.experiment, .claim, .source, .exercise]

    /// The directives by name.
    static let byName: [String: Directive] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

extension Directive {
    /// ```` ```experiment NAME ````: runs a catalogue experiment and draws its displays (``ExperimentBlock``,
    /// parsed and run before rendering; drawn here from the run prepared for the fence on `line`).
    static let experiment = Directive(name: "experiment") { renderer, _, _, line throws(WorkbookError) in
        try renderer.renderExperiment(line: line)
    }

    /// ```` ```claim ````: a statement checked against computed values at build (``ClaimBlock``).
    static let claim = Directive(name: "claim") { renderer, _, literal, line throws(WorkbookError) in
        try renderer.renderClaim(ClaimBlock.parse(literal: literal, line: line, file: renderer.file))
    }

    /// ```` ```source ````: lines of the repository's Swift shown with their path (``SourceSnippet``).
    static let source = Directive(name: "source") { renderer, _, literal, line throws(WorkbookError) in
        try renderer.renderSource(SourceSnippet.parse(literal: literal, line: line, file: renderer.file))
    }

    /// ```` ```exercise ````: a question with hint, solution and checked code (``ExerciseBlock``).
    static let exercise = Directive(name: "exercise") { renderer, _, literal, line throws(WorkbookError) in
        try renderer.renderExercise(ExerciseBlock.parse(literal: literal, line: line, file: renderer.file))
    }
}
