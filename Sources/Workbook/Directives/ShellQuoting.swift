import Foundation

/// POSIX shell quoting: words of safe characters stay bare, anything else is single-quoted.
enum ShellQuoting {
    /// `word` quoted so a POSIX shell passes it through unchanged.
    static func quote(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,/:=@+%")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
