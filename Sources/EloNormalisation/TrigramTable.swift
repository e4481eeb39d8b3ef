/// The log probabilities of every trigram under each of several ``LanguageProfile``s, in one open-addressing
/// table: a passage's trigram costs one multiplicative hash and a probe or two, where a `Dictionary` per
/// profile cost a SipHash per profile.
struct TrigramTable: Sendable {
    /// Trigram keys (0: empty slot; `LanguageProfile.pack` never gives 0, its padding is a space).
    private let keys: [UInt64]
    /// For slot `s`, the profiles' log probabilities at `s * width ..< (s + 1) * width`.
    private let values: [Double]
    private let shift: UInt64
    let width: Int
    /// What a trigram none of the profiles saw scores (the same for every profile).
    let unseen: [Double]

    init(_ profiles: [LanguageProfile]) {
        width = profiles.count
        var all = Set<UInt64>()
        for profile in profiles { all.formUnion(profile.logProbabilities.keys) }
        var bits: UInt64 = 4
        while (1 << bits) < all.count * 2 { bits += 1 }
        shift = 64 - bits
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Double](repeating: 0, count: capacity * profiles.count)
        for trigram in all {
            var slot = Self.slot(trigram, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = trigram
            for (index, profile) in profiles.enumerated() {
                values[slot * profiles.count + index] = profile.logProbability(trigram)
            }
        }
        self.keys = keys
        self.values = values
        unseen = Array(repeating: LanguageProfile.unseenLogProbability, count: profiles.count)
    }

    @inline(__always)
    private static func slot(_ trigram: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (trigram &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Adds each profile's log probability of `trigram` to `sums` (one entry per profile).
    @inline(__always)
    func accumulate(_ trigram: UInt64, into sums: inout [Double]) {
        let mask = keys.count - 1
        var slot = Self.slot(trigram, shift: shift)
        while true {
            let key = keys[slot]
            if key == trigram {
                for index in 0..<width { sums[index] += values[slot * width + index] }
                return
            }
            if key == 0 {
                for index in 0..<width { sums[index] += unseen[index] }
                return
            }
            slot = (slot + 1) & mask
        }
    }
}
