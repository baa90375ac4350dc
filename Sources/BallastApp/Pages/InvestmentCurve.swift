import BallastCore
import Foundation

/// The investment curve as SVG, drawn here rather than by a chart library: cumulative plan
/// (time progress × annual plan) against cumulative approved completion, month by month.
enum InvestmentCurve {
    static let width = 640.0, height = 260.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 36.0

    /// `monthsShown`: months with figures so far (the as-of month), so the actual line stops there.
    static func svg(annualPlan: Money, monthly: [Money], monthsShown: Int, lang: UILanguage) -> String {
        let en = lang == .en
        var cumulative: [Double] = []
        var sum: Int64 = 0
        for m in monthly.prefix(monthsShown) { sum += m.yuan; cumulative.append(Double(sum) / 10_000) }
        let plan = Double(annualPlan.yuan) / 10_000
        let top = max(plan, cumulative.max() ?? 0, 1)
        let plotW = width - left - right, plotH = height - InvestmentCurve.top - bottom
        func x(_ month: Int) -> Double { left + plotW * Double(month) / 12 }
        func y(_ wan: Double) -> Double { InvestmentCurve.top + plotH * (1 - wan / top) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"curve\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(en ? "Investment curve" : "投资完成曲线")\">"
        for i in 0...4 {
            let v = top * Double(i) / 4
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(v)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(v)))\" class=\"grid\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" class=\"axis\">\(Int(v.rounded()))</text>"
        }
        for m in 1...12 {
            out += "<text x=\"\(f(x(m)))\" y=\"\(f(height - bottom + 16))\" text-anchor=\"middle\" class=\"axis\">\(m)\(en ? "" : "月")</text>"
        }
        out += "<polyline class=\"plan\" points=\"\(f(x(0))),\(f(y(0))) \(f(x(12))),\(f(y(plan)))\"/>"
        if !cumulative.isEmpty {
            let points = ([(0, 0.0)] + cumulative.enumerated().map { ($0.offset + 1, $0.element) })
                .map { "\(f(x($0.0))),\(f(y($0.1)))" }.joined(separator: " ")
            out += "<polyline class=\"actual\" points=\"\(points)\"/>"
            for (i, v) in cumulative.enumerated() {
                out += "<circle class=\"actual\" cx=\"\(f(x(i + 1)))\" cy=\"\(f(y(v)))\" r=\"3\"><title>\(i + 1)\(en ? ": " : "月：")\(f(v))\(en ? " 万元" : "万元")</title></circle>"
            }
        }
        out += "<text x=\"\(f(left))\" y=\"\(f(height - 4))\" class=\"legend\">\(en ? "— plan (time progress) · ● completed, cumulative, 万元" : "— 计划（时序进度） · ● 累计完成（万元）")</text>"
        return out + "</svg>"
    }
}
