/// A parsed ```` ```experiment NAME ```` block: which experiment, its id, parameters and displays.
struct ExperimentBlock: Sendable {
    /// The registry name of the experiment.
    var experiment: String
    /// The block id (`[a-z0-9-]+`), unique in the chapter.
    var id: String
    /// Parameter fields (every non-display key), in the order written.
    var parameters: [BlockField]
    /// What to show, in order.
    var displays: [DisplayItem]
    /// Captions of single displays (`plot: std | Caption.`), by index in `displays`, with their lines.
    var displayCaptions: [Int: (text: String, line: Int)] = [:]
    /// The caption (Markdown inline) and its line, if given.
    var caption: (text: String, line: Int)?
    /// Whether to run without showing anything.
    var hidden: Bool
    /// The line of the opening fence.
    var line: Int

    /// Parses a block whose info string is `experiment NAME` and whose fence is on `line`.
    static func parse(info: String, literal: String, line: Int, file: String) throws(WorkbookError) -> ExperimentBlock {
        let words = info.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count == 2 else {
            throw WorkbookError(
                .experiment, file: file, line: line,
                "an experiment block starts with '```experiment NAME' (one registry name), found '```\(info)'")
        }
        let fields = try BlockFields.parse(
            literal, firstLine: line + 1, file: file, kind: .experiment, block: "experiment")
        var id: String?
        var parameters: [BlockField] = []
        var displays: [DisplayItem] = []
        var displayCaptions: [Int: (text: String, line: Int)] = [:]
        var caption: (String, Int)?
        var hidden = false
        for field in fields {
            switch field.key {
            case "id":
                guard id == nil else {
                    throw WorkbookError(.experiment, file: file, line: field.line, "'id:' is given twice")
                }
                guard !field.value.isEmpty,
                    field.value.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
                else {
                    throw WorkbookError(
                        .experiment, file: file, line: field.line,
                        "invalid id '\(field.value)'; ids use lowercase letters, digits and '-' (e.g. 'cs231n')")
                }
                id = field.value
            case "caption":
                caption = (field.value, field.line)
            case "hide":
                switch field.value {
                case "true": hidden = true
                case "false": hidden = false
                default:
                    throw WorkbookError(
                        .display, file: file, line: field.line, "'hide:' takes true or false, found '\(field.value)'")
                }
            default:
                if let (item, ownCaption) = try DisplayItem.parseWithCaption(
                    key: field.key, value: field.value,
                    line: field.line, file: file)
                {
                    if let ownCaption { displayCaptions[displays.count] = (ownCaption, field.line) }
                    displays.append(item)
                    continue
                }
                if let earlier = parameters.first(where: { $0.key == field.key }) {
                    throw WorkbookError(
                        .parameter, file: file, line: field.line,
                        "parameter '\(field.key)' is already set on line \(earlier.line)")
                }
                parameters.append(field)
            }
        }
        guard let id else {
            throw WorkbookError(
                .experiment, file: file, line: line,
                "the experiment block has no 'id:' (e.g. 'id: cs231n'); inline values and claims refer to it")
        }
        var block = ExperimentBlock(
            experiment: words[1], id: id, parameters: parameters, displays: displays,
            caption: caption, hidden: hidden, line: line)
        block.displayCaptions = displayCaptions
        return block
    }
}
