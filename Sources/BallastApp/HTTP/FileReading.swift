import BallastCore
import BallastOffice
import Foundation
import Vapor

/// Reading an uploaded spreadsheet into a table, for every import (ledger, progress, lists).
///
/// Two things keep one upload from stalling everyone else (issue 19): the reading runs on
/// NIO's blocking thread pool, not on the few cooperative threads that serve every request (a
/// hostile 20 MB workbook can take a minute of CPU in a debug build), and at most two files are
/// read at a time, each within `TableLimits` (a few hundred MB at the worst), so concurrent
/// uploads queue instead of multiplying the memory.
enum FileReading {
    static let slots = AsyncSlots(2)

    static func table(_ data: Data, fileName: String?) async throws -> Result<SheetTable, OfficeError> {
        let format = LedgerFormat.detect(fileName: fileName, data: data)
        await slots.acquire()
        do {
            let result = try await NIOThreadPool.singleton.runIfActive { () -> Result<SheetTable, OfficeError> in
                do throws(OfficeError) { return .success(try LedgerFile.read(data, format: format)) } catch { return .failure(error) }
            }
            await slots.release()
            return result
        } catch {
            await slots.release()
            throw error
        }
    }
}

/// A counting semaphore for async code: `acquire` waits its turn, first come first served.
actor AsyncSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
