import BallastCore
import Vapor

/// Applies `UnitEditRule` to a unit-scoped caller's edit, for the form and the API alike.
enum UnitEditCheck {
    static func check(_ req: Request, before: LedgerRecord, after: LedgerRecord) throws {
        guard try req.requirePrincipal().scope == .unit else { return }
        let forbidden = UnitEditRule.forbiddenChanges(before: before, after: after)
        if !forbidden.isEmpty { throw AccessDenied.reservedFields(forbidden) }
    }
}
