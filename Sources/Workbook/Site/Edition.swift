/// Which edition of the course a build writes.
///
/// - `instructor` (the default, and the committed `site/`): solutions in collapsed `<details>`,
///   exercise code with the instructor's solution compiled and its checks run at build.
/// - `student`: no solution anywhere (pages, downloads, print view); exercise code is shown as starter
///   code (solution regions replaced by a placeholder), is not run, and each page offers the chapter's
///   student Markdown for `workbook check`.
public enum Edition: String, Sendable, CaseIterable {
    /// Solutions included and checked.
    case instructor
    /// Solutions removed.
    case student
}
