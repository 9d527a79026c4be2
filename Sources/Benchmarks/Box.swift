/// A mutable reference so a benchmark body can reuse one buffer across runs.
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
