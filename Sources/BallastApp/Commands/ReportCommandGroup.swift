import BallastCore
import BallastStore
import Foundation
import Vapor

struct ReportCommandGroup: AsyncCommandGroup {
    var help: String { "生成报表 / Produce reports" }
    var commands: [String: any AnyAsyncCommand] {
        ["summary": ReportSummaryCommand(), "bulletin": ReportBulletinCommand(), "ranking": ReportRankingCommand(), "assessment": ReportAssessmentCommand(), "approvals": ReportApprovalsCommand(), "statistics": ReportStatisticsCommand()]
    }
}
