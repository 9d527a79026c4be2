/// Claims, source snippets and exercises.
extension ChapterRenderer {
    mutating func renderClaim(_ claim: ClaimBlock) throws(WorkbookError) -> String {
        let evaluator = ClaimEvaluator(resolver: resolver, file: file)
        let outcome: ClaimEvaluator.Outcome
        do throws(WorkbookError) {
            outcome = try evaluator.evaluate(claim)
        } catch  where lenient && (error.kind == .claim || error.kind == .reference) {
            let text = try renderFragment(claim.text, firstLine: claim.textLine, inline: true)
            let measured = error.message.replacingOccurrences(of: "claim is false: ", with: "")
            return
                "<aside class=\"claim claim-fails\" aria-label=\"Claim that does not hold under these "
                + "parameters\">\n<p class=\"claim-badge\">✗ Does not hold under these parameters</p>\n"
                + "<p class=\"claim-text\">\(text)</p>\n<p "
                + "class=\"claim-measured\">\(HTMLEscaping.text(measured))</p>\n</aside>\n"
        }
        if let seed = outcome.seed { seeds.insert(seed) }
        let text = try renderFragment(claim.text, firstLine: claim.textLine, inline: true)
        return
            "<aside class=\"claim\" aria-label=\"Claim checked at build\">\n<p class=\"claim-badge\">✓ Checked at "
            + "build</p>\n"
            + "<p class=\"claim-text\">\(text)</p>\n<p class=\"claim-measured\">Measured: "
            + "\(HTMLEscaping.text(outcome.measured))</p>\n</aside>\n"
    }

    mutating func renderSource(_ snippet: SourceSnippet) throws(WorkbookError) -> String {
        let extract = try snippet.extract(repositoryRoot: repositoryRoot, file: file)
        return
            "<figure class=\"source\">\n<figcaption><code>\(HTMLEscaping.text(extract.path))</code>, lines "
            + "\(extract.firstLine)–\(extract.lastLine)</figcaption>\n"
            + "<pre><code class=\"language-swift\">\(HTMLEscaping.text(extract.code))</code></pre>\n</figure>\n"
    }

    mutating func renderExercise(_ exercise: ExerciseBlock) throws(WorkbookError) -> String {
        exerciseCount += 1
        let number = "\(chapter.frontMatter.order).\(exerciseCount)"
        let id = "exercise-\(chapter.frontMatter.order)-\(exerciseCount)"
        var html = "<section class=\"exercise\" id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
        html +=
            "<p class=\"exercise-title\" id=\"\(id)-title\"><a class=\"anchor\" href=\"#\(id)\">Exercise "
            + "\(number)</a></p>\n"
        html += try renderFragment(exercise.question.markdown, firstLine: exercise.question.firstLine, inline: false)
        html += try exerciseCodeHTML(exercise, number: number)
        if let hint = exercise.hint {
            html += "<details class=\"hint\">\n<summary>Hint</summary>\n"
            html += try renderFragment(hint.markdown, firstLine: hint.firstLine, inline: false)
            html += "</details>\n"
        }
        guard edition == .instructor else { return html + "</section>\n" }
        html += "<details class=\"solution\">\n<summary>Solution</summary>\n"
        html += try renderFragment(exercise.solution.markdown, firstLine: exercise.solution.firstLine, inline: false)
        html += exerciseSolutionCodeHTML(exercise, line: exercise.line)
        return html + "</details>\n</section>\n"
    }
}
