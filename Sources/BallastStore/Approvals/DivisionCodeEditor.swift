import BallastCore
import Fluent
import Foundation

/// The district's administrative division code (410103 for 二七区), which every 项目代码 of its
/// ledger must fall within (its city's first four digits). Set by those who keep the district's
/// lists; audited. Codes already stored are not re-judged: a change applies to what is saved next.
public enum DivisionCodeEditor {
    public static func save(_ raw: String, districtID: UUID, actor: ChangeActor, on db: any Database) async throws -> String {
        let code: String
        switch ProjectCode.checkDivision(raw) {
        case .success(let c): code = c
        case .failure(let problem): throw ProjectItemContext.Failure.refused([problem])
        }
        return try await db.writeTransaction { tx in
            guard let d = try await DistrictModel.find(districtID, on: tx) else { throw ProjectItemContext.Failure.itemNotFound }
            let before = d.divisionCode
            guard before != code else { return code }
            d.divisionCode = code
            try await d.save(on: tx)
            try await Audit.record(on: tx, districtID: districtID, actor: actor, action: "update", entity: "district",
                                   entityID: districtID, summary: "行政区划代码", before: ["divisionCode": before ?? ""], after: ["divisionCode": code])
            return code
        }
    }
}
