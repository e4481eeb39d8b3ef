import Foundation

/// `String(format: "%.2f", value)` without Foundation's formatter, which took a tenth of the learned layer's time
/// (every piece of model evidence reads `model: word +0.42`). Rounds as printf does: to the nearest hundredth of
/// the exact binary value, an exact tie to the even hundredth (`0.125` → `0.12`, `0.015` → `0.01`, as that double
/// is a little below 0.015).
enum Hundredths {
    static func text(_ value: Double) -> String {
        // (infinities, NaN and values too large for the arithmetic below, which model weights never are)
        guard value.isFinite, value.magnitude < 1e15 else { return String(format: "%.2f", value) }
        // `(-x).addingProduct(value, 100)` is value × 100 − x rounded once: its sign is that of the exact difference.
        var hundredths = (value * 100).rounded(.down)
        if (-hundredths).addingProduct(value, 100) < 0 { hundredths -= 1 }
        if (-(hundredths + 1)).addingProduct(value, 100) >= 0 { hundredths += 1 }
        let aboveHalf = (-(hundredths + 0.5)).addingProduct(value, 100)
        if aboveHalf > 0 || (aboveHalf == 0 && hundredths.truncatingRemainder(dividingBy: 2) != 0) {
            hundredths += 1
        }
        let whole = Int64(hundredths.magnitude)
        let fraction = whole % 100
        return (value.sign == .minus ? "-" : "") + String(whole / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
