import BallastCore
import BallastStore

/// The monthly report workflow's refusals as errors people read.
enum ReportFailureText {
    static func statusName(_ s: MonthlyReportModel.Status) -> String {
        switch s {
        case .draft: "草稿"
        case .submitted: "已报送"
        case .approved: "已审定"
        case .returned: "已退回"
        }
    }

    static func error(_ f: MonthlyReportWorkflow.Failure) -> BallastError {
        switch f {
        case .projectNotFound: return .notFound(Message(zh: "项目不存在", en: "No such project"))
        case .reportNotFound: return .notFound(Message(zh: "月报不存在", en: "No such report"))
        case .futureMonth:
            return .badParameter("month", zh: "该月尚未到来，不能填报", en: "That month has not begun; it cannot be reported")
        case .negativeAmount:
            return BallastError(status: .unprocessableEntity, code: "invalid", message: Message(
                zh: "本月完成投资不能为负数", en: "The month's investment cannot be negative"), field: "amount")
        case .wrongStatus(let s):
            return BallastError(status: .conflict, code: "wrong_status", message: Message(
                zh: "月报当前为“\(statusName(s))”，不能进行此操作", en: "The report is \(s.rawValue); this step does not apply"), field: "status")
        case .reasonRequired:
            return BallastError(status: .unprocessableEntity, code: "invalid", message: Message(
                zh: "请填写原因", en: "Please give a reason"), field: "reason")
        case .versionConflict(let current):
            return .conflict(current: current)
        case .exceedsTotal(let total):
            return BallastError(status: .unprocessableEntity, code: "exceeds_total", message: Message(
                zh: "调整后本年累计完成将超过总投资 \(total.formatted(in: .wan)) 万元", en: "The year's completed would exceed the total investment of \(total.formatted(in: .wan)) 万元"),
                field: "amount")
        }
    }
}
