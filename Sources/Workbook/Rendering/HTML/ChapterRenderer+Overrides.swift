import Experiments

/// The notice on a page rendered with `--set` overrides: which parameters changed from the
/// published ones, and that the prose and captions describe the published run.
extension ChapterRenderer {
    func overrideNotice(_ prepared: [PreparedRun]) -> String? {
        guard !overrides.isEmpty else { return nil }
        var items: [String] = []
        for override in overrides {
            var published = "?"
            if let run = prepared.first(where: { $0.block.id == override.id }) {
                if let field = run.block.parameters.first(where: { $0.key == override.key }) {
                    published = field.value
                } else if let parameter = run.experiment.parameters.first(where: { $0.name == override.key }) {
                    published = parameter.defaultValue
                }
            } else if let outcome = cellOutcomes.values.first(where: { $0.cell.id == override.id }),
                let parameter = outcome.record.parameters.first(where: { $0.name == override.key })
            {
                published = parameter.defaultValue
            }
            items.append(
                "<li><code>\(HTMLEscaping.text(override.id)).\(HTMLEscaping.text(override.key))</code> = "
                    + "<code>\(HTMLEscaping.text(override.value))</code> (published: "
                    + "<code>\(HTMLEscaping.text(published))</code>)</li>"
            )
        }
        return "<aside class=\"override-notice\" aria-label=\"Changed parameters\">\n"
            + "<p><strong>Rendered with changed parameters.</strong> Numbers, tables and figures come from this run; "
            + "the prose and captions were written for the published parameters and may no longer describe them.</p>\n"
            + "<ul>\n\(items.joined(separator: "\n"))\n</ul>\n</aside>\n"
    }

    /// Whether the block `id` ran with a reader's override (its caption then describes the published run).
    func isOverridden(_ id: String) -> Bool {
        overrides.contains { $0.id == id }
    }
}
