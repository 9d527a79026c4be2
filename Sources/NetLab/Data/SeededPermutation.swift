import WeightInit

/// Seeded random permutations (Fisher–Yates), used for shuffling mini-batches and splits.
public enum SeededPermutation {
    /// A uniformly random permutation of 0..<count: for i = count−1 … 1, swap i with
    /// j = ⌊u·(i + 1)⌋ where u is a 53-bit uniform from `stream`. Same stream → same permutation.
    public static func make(count: Int, stream: inout RandomStream) -> [Int] {
        var permutation = Array(0..<max(0, count))
        guard count > 1 else { return permutation }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let bits = stream.next() >> 11
            let j = Int((Double(bits) * 0x1p-53 * Double(i + 1)).rounded(.down))
            permutation.swapAt(i, min(j, i))
        }
        return permutation
    }
}
