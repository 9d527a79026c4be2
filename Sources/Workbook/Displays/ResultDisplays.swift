import Experiments

/// What a block of results shows: an experiment block's or a Swift cell's displays.
struct ResultDisplays {
    /// The block id (`cs231n`), used in anchors and data file names.
    var id: String
    /// How messages name the block (`experiment 'forward-stats' (id cs231n)`, `cell 'cs231n'`).
    var label: String
    /// The prefix of default captions (`forward-stats`, `cell cs231n`).
    var captionPrefix: String
    /// The displays, in order.
    var displays: [DisplayItem]
    /// The block's caption as HTML, if any (shared by displays without their own).
    var caption: String?
    /// Captions of single displays as HTML, by display index.
    var captions: [Int: String] = [:]
    /// The result drawn.
    var result: ExperimentResult
    /// Whether tables link their CSV and JSON files (an explored combination has none).
    var downloads = true
    /// For an explorable cell: every setting's (x, y) values per series group, which each chart's axes cover.
    var cover: [String: (x: [Double], y: [Double])] = [:]
}
