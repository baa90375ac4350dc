import BallastCore
import Foundation

/// A project named in another page's list (an enterprise's projects, a pool's projects): enough
/// to show and link it.
public struct ProjectRef: Sendable, Hashable {
    public var id: UUID
    public var code: String
    public var name: String
    public var stage: LifecycleStage
    public var totalInvestment: Money
    public var idString: String { id.uuidString }

    public init(id: UUID, code: String, name: String, stage: LifecycleStage, totalInvestment: Money) {
        self.id = id; self.code = code; self.name = name; self.stage = stage; self.totalInvestment = totalInvestment
    }

    public init(_ m: ProjectModel) {
        id = m.id ?? UUID(); code = m.code; name = m.name; stage = m.lifecycleStage; totalInvestment = Money(yuan: m.totalInvestment)
    }
}
