import BallastCore
@testable import BallastStore
import Foundation
import Testing

/// Why a robot did not take a message, as the administrator reads it: in their language, never
/// the HTTP library's English (issue 24).
@Suite struct DeliveryFailureTests {
    @Test func theClientsErrorsAreSortedIntoWhatAnAdministratorCanActOn() {
        #expect(DeliveryFailure.classify("NIOConnectionError(host: \"robot.invalid\", port: 443, dnsAError: Optional(NIOPosix.SocketAddressError.unknown(host: \"robot.invalid\", port: 443)))") == .unreachable)
        #expect(DeliveryFailure.classify("HTTPClientError.deadlineExceeded") == .timeout)
        #expect(DeliveryFailure.classify("HTTPClientError.readTimeout") == .timeout)
        #expect(DeliveryFailure.classify("connect(descriptor:addr:size:): Connection refused (errno: 111)") == .refused)
        #expect(DeliveryFailure.classify("NIOSSLError.handshakeFailed(BoringSSL: certificate verify failed)") == .tls)
        #expect(DeliveryFailure.classify("something else") == .other("something else"))
    }

    @Test func aStoredFailureReadsBackAndSpeaksBothLanguages() {
        for f in [DeliveryFailure.timeout, .unreachable, .refused, .tls, .rejected(status: 500, detail: "{\"errcode\":93000}"), .other("x")] {
            #expect(DeliveryFailure(stored: f.stored) == f)
        }
        let m = DeliveryFailure.unreachable.message
        #expect(m.zh.contains("无法解析") && !m.zh.contains(where: { $0.isASCII && $0.isLetter }))
        #expect(m.en.contains("resolve") && !m.en.contains(where: { ("\u{4E00}"..."\u{9FFF}").contains($0) }))
        #expect(DeliveryFailure.rejected(status: 500, detail: "").message.zh.contains("HTTP 500"))
        // A row written before codes were stored reads as it was written.
        #expect(DeliveryFailure(stored: "第 5 次投递失败，不再重试：HTTP 500") == .other("第 5 次投递失败，不再重试：HTTP 500"))
    }

    @Test func aDeliveryLogLineSaysWhetherItWillBeTriedAgain() {
        func delivery(_ status: String, _ error: String?, attempts: Int = 2) -> WebhookEditor.Delivery {
            WebhookEditor.Delivery(id: UUID(), status: status, attempts: attempts, lastStatus: nil, lastError: error,
                                   createdAt: Date(), finishedAt: nil, nextAttemptAt: Date())
        }
        #expect(delivery("pending", DeliveryFailure.timeout.stored).reason?.zh == "第 2 次投递失败，将重试：机器人在限定时间内未应答")
        #expect(delivery("failed", DeliveryFailure.timeout.stored, attempts: 5).reason?.en == "Attempt 5 failed, not tried again: the robot did not answer in time")
        #expect(delivery("sent", nil).reason == nil)
        #expect(delivery("failed", nil).statusName.zh == "发送失败")
        #expect(delivery("sent", nil).statusName.en == "Sent")
    }
}
