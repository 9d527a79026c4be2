/// A pointer that the concurrent chunks of ``ParallelChunks`` (or any other concurrent work) may
/// capture: the one `@unchecked Sendable` box for raw buffers in the package.
///
/// Safety contract, unchecked by the compiler and kept by every caller:
/// - the memory outlives every task that uses the pointer (the box does not own it);
/// - concurrent chunks write disjoint elements (each element is written by at most one chunk);
/// - no chunk reads an element that another chunk writes while they run; elements that no chunk
///   writes may be read by all of them.
///
/// A box made with ``init(readOnly:)`` must never be written through.
package struct SendablePointer<Element>: @unchecked Sendable {
    /// The shared address.
    package let pointer: UnsafeMutablePointer<Element>

    /// Shares `pointer` for reading and for disjoint writes.
    package init(_ pointer: UnsafeMutablePointer<Element>) {
        self.pointer = pointer
    }

    /// Shares a pointer for reading only (writing through ``pointer`` is then undefined).
    package init(readOnly pointer: UnsafePointer<Element>) {
        self.pointer = UnsafeMutablePointer(mutating: pointer)
    }
}
