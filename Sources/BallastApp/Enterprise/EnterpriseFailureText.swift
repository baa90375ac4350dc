import BallastCore
import BallastStore

/// Enterprise refusals as errors people read; duplicates name the record that is already there.
enum EnterpriseFailureText {
    static func error(_ f: EnterpriseEditor.Failure) -> BallastError {
        switch f {
        case .notFound:
            return .notFound(Message(zh: "企业不存在", en: "No such enterprise"))
        case .invalid(let issues):
            return BallastError(status: .unprocessableEntity, code: "invalid", message: issues.first?.message ?? Message(zh: "数据无效", en: "Invalid data"),
                                field: issues.first?.field)
        case .creditCodeTaken(let id, let name):
            return BallastError(status: .conflict, code: "duplicate_credit_code", message: Message(
                zh: "该统一社会信用代码已属于“\(name)”（\(id)）", en: "That credit code already belongs to “\(name)” (\(id))"), field: "creditCode")
        case .possibleDuplicate(let id, let name):
            return BallastError(status: .conflict, code: "possible_duplicate", message: Message(
                zh: "已有同名企业“\(name)”（\(id)）；如确为不同企业，请勾选确认后再保存",
                en: "An enterprise named “\(name)” exists (\(id)); confirm it is a different one to save"), field: "name")
        case .versionConflict(let current):
            return .conflict(current: current)
        case .mergeIntoItself:
            return BallastError(status: .unprocessableEntity, code: "invalid", message: Message(
                zh: "不能把企业合并到它自己", en: "An enterprise cannot be merged into itself"), field: "into")
        case .othersProjects(let count):
            return BallastError(status: .forbidden, code: "forbidden", message: Message(
                zh: "该企业还关联其他单位的 \(count) 个项目，只能由项目办修改", en: "This enterprise has \(count) projects of other units; only the project office may change it"))
        case .alreadyMerged(let into):
            return BallastError(status: .conflict, code: "merged", message: Message(
                zh: "该企业已合并到 \(into)", en: "This enterprise was merged into \(into)"), field: "id")
        }
    }
}
