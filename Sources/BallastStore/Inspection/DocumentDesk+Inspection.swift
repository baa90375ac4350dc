import BallastCore
import Fluent
import Foundation

/// 讲评通报: a closed 观摩's result as an official document, its period the tour's day. Drafted
/// only once scoring has closed (a draft of scores still coming in would rank nothing final).
extension DocumentDesk {
    public func inspectionReview(day: CalendarDate) throws -> Plan {
        let districtID = context.districtID
        return Plan(kind: .inspectionReview, period: day.iso, title: "重点项目观摩讲评通报（\(day.year)年\(day.month)月\(day.day)日）") { db in
            guard let tour = try await InspectionModel.query(on: db).filter(\.$districtID == districtID).filter(\.$heldOn == day).first() else {
                throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "\(day.iso) 没有观摩", en: "No tour on \(day.iso)"))
            }
            guard tour.isClosed, let closed = tour.closedOn else {
                throw ProjectItemContext.Failure.invalid(field: "period", Message(zh: "观摩“\(tour.title)”尚未结束评分，结束后才能生成讲评通报",
                                                                                 en: "Scoring of “\(tour.title)” has not closed; the review is drafted after it closes"))
            }
            return (try await InspectionResults.build(tour, on: db), closed)
        }
    }
}
