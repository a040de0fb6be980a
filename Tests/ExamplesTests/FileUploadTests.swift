// The FileUpload example over HTTP: uploading through the XSRF-protected form,
// listing, downloading byte-identical copies, size limits, and hostile names.
import Foundation
import Testing
import SquallTesting

@Suite("FileUpload example")
struct FileUploadTests {
    /// Runs `body` against a fresh FileUpload storing into a new temporary
    /// directory (removed afterwards): requests up to 64 KiB, files up to 16 KiB.
    private func withUploads(_ body: (inout ExampleClient, URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("uploads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try await ExampleServer.start("FileUpload", [
            "--upload-dir", directory.path, "--max-body-size", "65536", "--max-file-size", "16384",
        ])
        defer { server.stop() }
        var client = ExampleClient(port: server.port)
        try await body(&client, directory)
    }

    /// Uploads `files` (client filename, content) through the index page's form.
    private func upload(_ client: inout ExampleClient, _ files: [(String, [UInt8])],
                        withToken: Bool = true) async throws -> TestResponse {
        let index = try await client.get("/")
        var body = MultipartBody()
        if withToken { body.add(field: "_xsrf", try index.xsrfFormToken()) }
        for (filename, content) in files { body.add(file: "file", filename: filename, content: content) }
        return try await client.send("POST", "/upload", headers: [("Content-Type", body.contentType)], body: body.finished)
    }

    /// Text with every byte that trips up parsers: CR, LF, CRLF, NUL, and a
    /// fake boundary line.
    static let binaryContent: [UInt8] = Array(0...255) + [13, 10, 13, 10, 45, 45, 13, 10]
        + Array("\r\n------SquallTestBoundary\r\n".utf8) + [0, 0, 13]

    @Test func uploadListAndDownload() async throws {
        try await withUploads { client, directory in
            let text = Array("hello, upload\n".utf8)
            let response = try await upload(&client, [("notes.txt", text), ("data.bin", Self.binaryContent)])
            #expect(response.status == 303)
            #expect(response.header("Location") == "/?saved=notes.txt&saved=data.bin")
            let index = try await client.get(try #require(response.header("Location")))
            #expect(index.text.contains("Saved notes.txt, data.bin."))
            #expect(index.text.contains(#"<a href="/files/notes.txt">notes.txt</a>"#))
            #expect(index.text.contains(#"<a href="/files/data.bin">data.bin</a>"#))
            #expect(index.text.contains("14 bytes"))
            let downloadedText = try await client.get("/files/notes.txt")
            #expect(downloadedText.status == 200)
            #expect(downloadedText.body == text)
            #expect(downloadedText.header("Content-Disposition") == "attachment; filename*=UTF-8''notes.txt")
            let downloaded = try await client.get("/files/data.bin")
            #expect(downloaded.body == Self.binaryContent)
            #expect(try Data(contentsOf: directory.appendingPathComponent("data.bin")) == Data(Self.binaryContent))
        }
    }

    @Test func sameNameTwiceKeepsBoth() async throws {
        try await withUploads { client, _ in
            _ = try await upload(&client, [("report.pdf", [1])])
            let second = try await upload(&client, [("report.pdf", [2])])
            #expect(second.header("Location") == "/?saved=report-2.pdf")
            let first = try await client.get("/files/report.pdf")
            #expect(first.body == [1])
            let copy = try await client.get("/files/report-2.pdf")
            #expect(copy.body == [2])
        }
    }

    @Test func unicodeNamesSurviveTheRoundTrip() async throws {
        try await withUploads { client, _ in
            let response = try await upload(&client, [("résumé 2024.pdf", [9, 8, 7])])
            #expect(response.header("Location") == "/?saved=r%C3%A9sum%C3%A9_2024.pdf")
            let index = try await client.get("/")
            #expect(index.text.contains(#"<a href="/files/r%C3%A9sum%C3%A9_2024.pdf">résumé_2024.pdf</a>"#))
            let download = try await client.get("/files/r%C3%A9sum%C3%A9_2024.pdf")
            #expect(download.body == [9, 8, 7])
            #expect(download.header("Content-Disposition") == "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9_2024.pdf")
        }
    }

    @Test func pathTraversalNamesAreStoredInside() async throws {
        try await withUploads { client, directory in
            let response = try await upload(&client, [
                ("../../etc/passwd", Array("root:x:0:0".utf8)), (#"C:\Users\ann\..\report.txt"#, [1, 2]),
                ("..", [3]), (".htaccess", [4]), ("a b%2F<c>.txt", [5]),
            ])
            #expect(response.status == 400)  // ".." has nothing usable: the whole upload is refused
            #expect(response.text.contains("“..” has no usable file name"))
            let stored = try await upload(&client, [
                ("../../etc/passwd", Array("root:x:0:0".utf8)), (#"C:\Users\ann\..\report.txt"#, [1, 2]),
                (".htaccess", [4]), ("a b%2F<c>.txt", [5]),
            ])
            #expect(stored.header("Location") == "/?saved=passwd&saved=report.txt&saved=htaccess&saved=a_b_2F_c_.txt")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(names == ["a_b_2F_c_.txt", "htaccess", "passwd", "report.txt"])
            let passwd = try await client.get("/files/passwd")
            #expect(passwd.text == "root:x:0:0")
            let escape = try await client.get("/files/..%2F..%2Fetc%2Fpasswd")
            #expect(escape.status == 404)
        }
    }

    @Test func oversizedFileGetsAClearPage() async throws {
        try await withUploads { client, directory in
            let response = try await upload(&client, [("small.txt", [1]), ("big.bin", Array(repeating: 7, count: 20_000))])
            #expect(response.status == 413)
            #expect(response.text.contains("“big.bin” is 19.5 KiB; files may be at most 16.0 KiB."))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)  // all or nothing
        }
    }

    @Test func oversizedRequestIsRefusedBeforeItsBody() async throws {
        try await withUploads { client, _ in
            let port = client.port
            let head = "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 1000000\r\n\r\n"
            let response = try await offLoop {
                let socket = try BlockingSocket(port: port)
                try socket.send(head)  // the body is never sent: the server must answer from the head
                return try TestResponse.read(from: socket)
            }
            #expect(response.status == 413)
        }
    }

    @Test func uploadWithoutXSRFTokenIsForbidden() async throws {
        try await withUploads { client, directory in
            let response = try await upload(&client, [("a.txt", [1])], withToken: false)
            #expect(response.status == 403)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test func submittingWithoutAFileSaysSo() async throws {
        try await withUploads { client, _ in
            let response = try await upload(&client, [("", [])])
            #expect(response.status == 400)
            #expect(response.text.contains("Choose a file to upload."))
        }
    }

    @Test func indexListsNothingAtFirstAndHidesPartialUploads() async throws {
        try await withUploads { client, directory in
            try Data([1]).write(to: directory.appendingPathComponent(".upload-0123"))
            let index = try await client.get("/")
            #expect(index.status == 200)
            #expect(index.text.contains("No files yet."))
            #expect(index.text.contains(#"enctype="multipart/form-data""#))
            let hidden = try await client.get("/files/.upload-0123")
            #expect(hidden.status == 404)
        }
    }
}
