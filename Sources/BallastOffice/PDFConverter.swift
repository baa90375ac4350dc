import Foundation

/// A .docx made into a PDF by LibreOffice (`libreoffice --headless --convert-to pdf`), when it
/// is installed. Each conversion has a profile and a font configuration of its own in a fresh
/// directory: two at once do not share LibreOffice's lock, and the government fonts a document
/// names (仿宋_GB2312, 方正小标宋简体 …) are shown, where the machine lacks them, in Noto Serif
/// CJK for the serif faces and Noto Sans CJK for 黑体 — not in whatever sans face fontconfig
/// would pick for an unknown name.
public enum PDFConverter {
    public enum Failure: Error, Equatable {
        /// LibreOffice is not on PATH.
        case notInstalled
        /// It ran and made no PDF (or did not finish in time); what it said, cut short.
        case failed(String)
    }

    /// The LibreOffice program, if installed.
    public static var program: String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/usr/local/bin").split(separator: ":")
        for name in ["libreoffice", "soffice"] {
            if let found = dirs.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        }
        return nil
    }

    /// The fonts a document names and what stands in for each (first installed wins).
    static let fontConfig = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
        \(DocxWriter.Face.allCases.map { face in
            "  <alias binding=\"same\"><family>\(face.rawValue)</family><prefer>"
                + (face.alternatives + [face.fallback]).map { "<family>\($0)</family>" }.joined() + "</prefer></alias>"
        }.joined(separator: "\n"))
        </fontconfig>
        """

    /// Converts, waiting at most `timeout` seconds. Blocking: run it off the event loop.
    public static func pdf(fromDocx docx: Data, timeout: TimeInterval = 120) throws -> Data {
        guard let program else { throw Failure.notInstalled }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ballast-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("document.docx")
        try docx.write(to: input)
        let fonts = dir.appendingPathComponent("fonts.conf")
        try Data(fontConfig.utf8).write(to: fonts)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--headless", "--norestore", "-env:UserInstallation=file://\(dir.path)/profile",
                             "--convert-to", "pdf:writer_pdf_Export", "--outdir", dir.path, input.path]
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = fonts.path
        environment["HOME"] = dir.path
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure.failed("timed out after \(Int(timeout)) s")
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let output = dir.appendingPathComponent("document.pdf")
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Failure.failed(String(said.suffix(300)))
        }
        return pdf
    }
}
