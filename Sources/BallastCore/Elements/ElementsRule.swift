/// 要素保障: what a project's money and land say on a day. Funds behind spending (arrived for
/// the year less than the investment completed) and land not handed over by the planned start
/// are shortfalls: reasons on the project's page and in the meeting's suggestions. Arrived above
/// planned is allowed and only noted.
public enum ElementsRule {
    public enum Kind: String, Sendable, Codable {
        case fundsBehind = "funds-behind"
        case landLate = "land-late"
        case arrivedAbovePlanned = "arrived-above-planned"

        public var isShortfall: Bool { self != .arrivedAbovePlanned }
    }

    public struct Finding: Sendable, Equatable {
        public var kind: Kind
        public var message: Message
    }

    public static func findings(funds: [FundLine], land: LandRecord?, plannedStart: CalendarDate?, completedYTD: Money,
                                asOf: CalendarDate) -> [Finding] {
        var out: [Finding] = []
        if !funds.isEmpty {
            let arrived = funds.reduce(Int64(0)) { $0.addingReportingOverflow($1.arrived.yuan).partialValue }
            if arrived < completedYTD.yuan {
                let a = Money(yuan: arrived).wanText, c = completedYTD.wanText
                out.append(Finding(kind: .fundsBehind, message: Message(zh: "资金到位 \(a) 万元，少于本年已完成投资 \(c) 万元",
                                                                        en: "Funds arrived \(a) (10k yuan), less than the \(c) invested this year")))
            }
        }
        if let land, land.needsHandover, let start = plannedStart, start <= asOf, !(land.handedOverOn.map { $0 <= asOf } ?? false) {
            out.append(Finding(kind: .landLate, message: Message(zh: "计划开工 \(start.iso) 已到，土地尚未交付",
                                                                 en: "Planned start \(start.iso) reached; the land is not handed over")))
        }
        for f in funds where f.arrived > f.planned {
            out.append(Finding(kind: .arrivedAbovePlanned, message: Message(
                zh: "\(f.source.rawValue)到位 \(f.arrived.wanText) 万元，超过计划 \(f.planned.wanText) 万元",
                en: "\(f.source.englishName): \(f.arrived.wanText) arrived, above the \(f.planned.wanText) planned (10k yuan)")))
        }
        return out
    }
}
