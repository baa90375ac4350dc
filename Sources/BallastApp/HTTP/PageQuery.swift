import Foundation
import BallastCore
import BallastStore
import Plot

enum PageQuery {
    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }
}
